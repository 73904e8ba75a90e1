package cn.taihang.simulator.sensors;

import cn.taihang.wire.SenmlCodec;
import cn.taihang.wire.SenmlRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.cipher.CipherSuite;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;

/**
 * A virtual 5G sensor: a real CoAP client over DTLS with its own pre-shared key (one Scandium endpoint per
 * sensor, as a real device has), posting SenML to its gateway on loopback and honouring Max-Age when told
 * to back off.
 */
public final class VirtualSensor implements AutoCloseable {

    private final SensorPlan plan;
    private final CoapEndpoint endpoint;
    private final CoapClient client;
    private final SenmlCodec codec = new SenmlCodec();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong unanswered = new AtomicLong();
    private volatile long quietUntilNanos;
    private volatile String lastRefusal = "";

    VirtualSensor(SensorPlan plan, int gatewayPort) {
        this.plan = plan;
        Configuration config = configuration();
        DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(config)
                .set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.CLIENT_ONLY)
                .setAsList(DtlsConfig.DTLS_CIPHER_SUITES, CipherSuite.TLS_PSK_WITH_AES_128_CCM_8)
                .setAdvancedPskStore(new AdvancedSinglePskStore(plan.sensorId(), plan.key()))
                .setLoggingTag(plan.sensorId())
                .build();
        this.endpoint = CoapEndpoint.builder().setConfiguration(config).setConnector(new DTLSConnector(dtls)).build();
        this.client = new CoapClient("coaps://127.0.0.1:" + gatewayPort + "/senml");
        client.setEndpoint(endpoint);
        client.setTimeout(10_000L);
    }

    /** @return a fresh Californium configuration as every virtual sensor uses it: one protocol and DTLS thread each, 1 s DTLS retransmission */
    public static Configuration configuration() {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
        Configuration config = Configuration.createStandardWithoutFile();
        config.set(CoapConfig.PROTOCOL_STAGE_THREAD_COUNT, 1);
        config.set(DtlsConfig.DTLS_RECEIVER_THREAD_COUNT, 1);
        config.set(DtlsConfig.DTLS_CONNECTOR_THREAD_COUNT, 1);
        config.set(DtlsConfig.DTLS_RETRANSMISSION_TIMEOUT, 1, TimeUnit.SECONDS);
        return config;
    }

    /** Posts one pack unless the gateway asked it to wait (Max-Age); never blocks. */
    void post(List<SenmlRecord> pack) {
        if (System.nanoTime() < quietUntilNanos) {
            return;
        }
        Request request = Request.newPost();
        if (plan.cbor()) {
            request.setPayload(codec.encodeCbor(pack));
            request.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_SENML_CBOR);
        } else {
            request.setPayload(codec.encodeJson(pack).getBytes(StandardCharsets.UTF_8));
            request.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_SENML_JSON);
        }
        client.advanced(new CoapHandler() {
            @Override
            public void onLoad(CoapResponse response) {
                if (response.getCode() == ResponseCode.CHANGED) {
                    accepted.incrementAndGet();
                    return;
                }
                refused.incrementAndGet();
                lastRefusal = response.getCode() + " " + response.getResponseText();
                if (response.getOptions().hasMaxAge() && (response.getCode() == ResponseCode.TOO_MANY_REQUESTS
                        || response.getCode() == ResponseCode.SERVICE_UNAVAILABLE)) {
                    quietUntilNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(response.getOptions().getMaxAge());
                }
            }

            @Override
            public void onError() {
                unanswered.incrementAndGet();
            }
        }, request);
    }

    SensorPlan plan() {
        return plan;
    }

    long accepted() {
        return accepted.get();
    }

    long refused() {
        return refused.get();
    }

    long unanswered() {
        return unanswered.get();
    }

    String lastRefusal() {
        return lastRefusal;
    }

    @Override
    public void close() {
        client.shutdown();
        endpoint.destroy();
    }
}
