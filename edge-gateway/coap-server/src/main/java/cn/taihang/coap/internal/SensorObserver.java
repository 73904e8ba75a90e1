package cn.taihang.coap.internal;

import cn.taihang.gateway.api.sensor.SensorMessage;
import cn.taihang.gateway.api.sensor.SensorValue;
import cn.taihang.gateway.api.worker.DaemonThreads;
import cn.taihang.wire.WireFormatException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapObserveRelation;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig.DtlsRole;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.cipher.CipherSuite;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedMultiPskStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Observes sensors that are CoAP servers (RFC 7641): one client endpoint for plain and one for DTLS
 * (the gateway presents the sensor's provisioned key), each notification decoded and submitted like a
 * POST. A relation that is refused or lost is observed again after the target's retry time.
 */
final class SensorObserver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SensorObserver.class);

    private final Configuration config;
    private final SensorKeyring keyring;
    private final SenmlDecoding decoding;
    private final Consumer<SensorMessage> sink;
    private final Rejections rejections;
    private final Clock clock;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("coap-observe"));
    private final AdvancedMultiPskStore clientKeys = new AdvancedMultiPskStore();
    private final Map<ObserveTarget, CoapObserveRelation> relations = new ConcurrentHashMap<>();
    private CoapEndpoint plainEndpoint;
    private CoapEndpoint secureEndpoint;
    private volatile boolean closed;

    SensorObserver(Configuration config, SensorKeyring keyring, int maxPayloadBytes, Consumer<SensorMessage> sink, Rejections rejections, Clock clock) {
        this.config = config;
        this.keyring = keyring;
        this.decoding = new SenmlDecoding(maxPayloadBytes);
        this.sink = sink;
        this.rejections = rejections;
        this.clock = clock;
    }

    /** Starts observing (again, if it was already). */
    void observe(ObserveTarget target) {
        retries.execute(() -> register(target));
    }

    /** Stops observing. */
    void cancel(ObserveTarget target) {
        retries.execute(() -> {
            CoapObserveRelation relation = relations.remove(target);
            if (relation != null) {
                relation.proactiveCancel();
            }
        });
    }

    private void register(ObserveTarget target) {
        if (closed) {
            return;
        }
        CoapObserveRelation old = relations.remove(target);
        if (old != null) {
            old.reactiveCancel();
        }
        Optional<CoapEndpoint> endpoint = endpointFor(target);
        if (endpoint.isEmpty()) {
            rejections.refused(Rejections.Reason.UNAUTHENTICATED, target.sensor(), "no provisioned key for identity " + target.identity()
                    + " to observe " + target.uri() + "; send it with the sensor-keys command");
            retryLater(target);
            return;
        }
        CoapClient client = new CoapClient(target.uri());
        client.setEndpoint(endpoint.get());
        relations.put(target, client.observe(new CoapHandler() {
            @Override
            public void onLoad(CoapResponse response) {
                notification(target, response);
            }

            @Override
            public void onError() {
                rejections.refused(Rejections.Reason.UNAVAILABLE, target.sensor(), "observation of " + target.uri() + " failed; retrying every "
                        + target.retrySeconds() + " s");
                retryLater(target);
            }
        }));
    }

    private void notification(ObserveTarget target, CoapResponse response) {
        if (!response.isSuccess()) {
            rejections.refused(Rejections.Reason.UNAVAILABLE, target.sensor(), "observed sensor answered " + response.getCode());
            retryLater(target);
            return;
        }
        Optional<SenmlDecoding.Format> format = SenmlDecoding.formatOf(response.getOptions().getContentFormat());
        if (format.isEmpty()) {
            rejections.refused(Rejections.Reason.UNSUPPORTED_FORMAT, target.sensor(), "observed sensor sends Content-Format "
                    + response.getOptions().getContentFormat() + ", not SenML");
            return;
        }
        try {
            List<SensorValue> values = decoding.decode(response.getPayload(), format.get());
            sink.accept(new SensorMessage(target.sensor(), SensorMessage.Transport.OBSERVE, clock.instant(), values));
        } catch (WireFormatException e) {
            rejections.refused(Rejections.Reason.MALFORMED_SENML, target.sensor(), e.getMessage());
        }
    }

    private void retryLater(ObserveTarget target) {
        if (!closed) {
            retries.schedule(() -> {
                CoapObserveRelation relation = relations.get(target);
                if (relation == null || relation.isCanceled()) {
                    register(target);
                }
            }, target.retrySeconds(), TimeUnit.SECONDS);
        }
    }

    private Optional<CoapEndpoint> endpointFor(ObserveTarget target) {
        if (!target.secure()) {
            if (plainEndpoint == null) {
                plainEndpoint = CoapEndpoint.builder().setConfiguration(config).build();
            }
            return Optional.of(plainEndpoint);
        }
        Optional<byte[]> key = keyring.keyOf(target.identity());
        if (key.isEmpty()) {
            return Optional.empty();
        }
        int port = target.uri().getPort() < 0 ? 5684 : target.uri().getPort();
        clientKeys.addKnownPeer(new InetSocketAddress(target.uri().getHost(), port), target.identity(), key.get());
        if (secureEndpoint == null) {
            DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(config)
                    .set(DtlsConfig.DTLS_ROLE, DtlsRole.CLIENT_ONLY)
                    .setAsList(DtlsConfig.DTLS_CIPHER_SUITES, CipherSuite.TLS_PSK_WITH_AES_128_CCM_8)
                    .setAdvancedPskStore(clientKeys)
                    .setLoggingTag("observe")
                    .build();
            secureEndpoint = CoapEndpoint.builder().setConfiguration(config).setConnector(new DTLSConnector(dtls)).build();
        }
        return Optional.of(secureEndpoint);
    }

    /** @return how many sensors are observed right now */
    int active() {
        return (int) relations.values().stream().filter(r -> !r.isCanceled()).count();
    }

    @Override
    public void close() {
        closed = true;
        retries.shutdownNow();
        relations.values().forEach(CoapObserveRelation::proactiveCancel);
        relations.clear();
        if (plainEndpoint != null) {
            plainEndpoint.destroy();
        }
        if (secureEndpoint != null) {
            secureEndpoint.destroy();
        }
    }
}
