package cn.taihang.coap.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.gateway.api.sensor.SensorMessage;
import cn.taihang.gateway.api.sensor.SensorValue;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.cipher.CipherSuite;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedMultiPskStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway observes sensors that are CoAP servers (RFC 7641), in plain CoAP and over DTLS with the sensor's key. */
@Tag("loopback")
class ObserveLoopbackTest {

    @TempDir
    Path dir;

    private ServerFixture gateway;
    private CoapServer sensor;
    private final VisibilityResource visibility = new VisibilityResource();

    @BeforeEach
    void start() throws Exception {
        gateway = new ServerFixture(dir, Map.of());
    }

    @AfterEach
    void stop() {
        gateway.close();
        if (sensor != null) {
            sensor.destroy();
        }
    }

    @Test
    void notificationsOfAPlainSensorReachTheHandler() {
        Configuration config = CoapEndpoints.configuration(4096, 1);
        sensor = new CoapServer(config);
        sensor.add(visibility);
        CoapEndpoint endpoint = CoapEndpoint.builder().setConfiguration(config).setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0)).build();
        sensor.addEndpoint(endpoint);
        sensor.start();
        gateway.server.addTarget(new ObserveTarget("vis-obs-1", URI.create("coap://127.0.0.1:" + endpoint.getAddress().getPort() + "/visibility"), "", 5));
        assertNotifications("vis-obs-1");
    }

    @Test
    void notificationsOfADtlsSensorReachTheHandlerWithTheProvisionedKey() throws Exception {
        gateway.provision(1, Map.of("vis-obs-2", "observed-sensor-key"));
        Configuration config = CoapEndpoints.configuration(4096, 1);
        AdvancedMultiPskStore keys = new AdvancedMultiPskStore();
        keys.setKey("vis-obs-2", "observed-sensor-key".getBytes(StandardCharsets.US_ASCII));
        DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(config).set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.SERVER_ONLY)
                .setAsList(DtlsConfig.DTLS_CIPHER_SUITES, CipherSuite.TLS_PSK_WITH_AES_128_CCM_8)
                .setAddress(new InetSocketAddress("127.0.0.1", 0)).setAdvancedPskStore(keys).build();
        sensor = new CoapServer(config);
        sensor.add(visibility);
        CoapEndpoint endpoint = CoapEndpoint.builder().setConfiguration(config).setConnector(new DTLSConnector(dtls)).build();
        sensor.addEndpoint(endpoint);
        sensor.start();
        gateway.server.addTarget(new ObserveTarget("vis-obs-2", URI.create("coaps://127.0.0.1:" + endpoint.getAddress().getPort() + "/visibility"), "", 5));
        assertNotifications("vis-obs-2");
    }

    private void assertNotifications(String sensorId) {
        await().atMost(10, TimeUnit.SECONDS).until(() -> !gateway.handler.messages.isEmpty());
        SensorMessage first = gateway.handler.messages.get(0);
        assertThat(first.sensorId()).isEqualTo(sensorId);
        assertThat(first.transport()).isEqualTo(SensorMessage.Transport.OBSERVE);
        assertThat(first.values()).contains(SensorValue.number("3300/0/5700", "m", 900));
        visibility.set(140);
        await().atMost(10, TimeUnit.SECONDS).until(() -> gateway.handler.messages.stream()
                .anyMatch(m -> m.values().contains(SensorValue.number("3300/0/5700", "m", 140))));
        assertThat(gateway.count("accepted")).isGreaterThanOrEqualTo(2);
    }

    /** A visibility meter that is a CoAP server with an observable SenML resource. */
    private static final class VisibilityResource extends CoapResource {
        private volatile int meters = 900;

        VisibilityResource() {
            super("visibility");
            setObservable(true);
        }

        void set(int value) {
            meters = value;
            changed();
        }

        @Override
        public void handleGET(CoapExchange exchange) {
            exchange.respond(org.eclipse.californium.core.coap.CoAP.ResponseCode.CONTENT,
                    "[{\"bn\":\"3300/0/\",\"n\":\"5750\",\"vs\":\"visibility\"},{\"n\":\"5700\",\"u\":\"m\",\"v\":" + meters + "}]", SenmlDecoding.SENML_JSON);
        }
    }
}
