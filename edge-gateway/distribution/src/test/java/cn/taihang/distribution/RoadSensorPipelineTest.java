package cn.taihang.distribution;

import cn.taihang.bridge.testing.CapturedCommands;
import cn.taihang.bridge.testing.TestSecurity;
import cn.taihang.bridge.module.Scopes;
import org.junit.jupiter.api.extension.RegisterExtension;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.bridge.Bridge;
import cn.taihang.bridge.BridgeOptions;
import cn.taihang.bridge.RunningBridge;
import cn.taihang.coap.api.SensorKeys;
import cn.taihang.launcher.EmbeddedGateway;
import cn.taihang.launcher.LaunchSpec;
import cn.taihang.wire.records.RecordKinds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.cipher.CipherSuite;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The real distribution in Felix with a DTLS sensor: the key arrives as the bridge's retained sensor-keys
 * command; with the uplink down, fog-level visibility raises the gateway's fog alarm within a second and
 * clearing visibility clears it with hysteresis; when the bridge is back, the readings and both alarm
 * records reach it.
 */
@Tag("framework")
class RoadSensorPipelineTest {

    @RegisterExtension
    static final TestSecurity SECURITY = new TestSecurity();

    private static final String GATEWAY = "gw-post-zw-1";
    private static final String SITE = "post-zw-1";
    private static final String KEY = "zheshui-fog-key-01";

    @TempDir
    Path dir;

    private final HttpClient http = SECURITY.httpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    @SuppressWarnings("unchecked")
    void fogRaisesTheAlarmLocallyWithinASecondAndEverythingReachesTheBridgeLater() throws Exception {
        CapturedCommands commands = new CapturedCommands();
        RunningBridge bridge = Bridge.start(SECURITY.options(dir.resolve("bridge")), List.of(commands)).toCompletableFuture().get(60, TimeUnit.SECONDS);
        int mqttPort = bridge.mqttPort();
        Path config = Enrolment.pinCommandAnchor(bridge, Files.writeString(dir.resolve("gateway.json"), """
                {
                  "cn.taihang.gateway": {"gatewayId": "%s", "site": "%s", "siteName": "浙水—王莽岭 K13.7 Zheshui–Wangmangling K13.7",
                                         "identityDir": "%s"},
                  "cn.taihang.cloudlink": {"brokerUrl": "%s", "backoffInitialMillis": 100, "backoffMaxMillis": 500, "reconnectJitterMillis": 0},
                  "cn.taihang.coap": {"bindAddress": "127.0.0.1", "securePort": 0},
                  "cn.taihang.roadsensors": {"clearAfterReadings": 2},
                  "cn.taihang.roadsensors.sensor~vis": {"sensor": "vis-zw-1", "section": "zheshui-wangmangling", "km": 13.7,
                      "reportSeconds": 60, "description": "浙水—王莽岭 K13.7 能见度仪 / Zheshui–Wangmangling K13.7 visibility meter"}
                }
                """.formatted(GATEWAY, SITE, SECURITY.pki().gateway(GATEWAY, SITE), bridge.brokerUrl())));
        try (EmbeddedGateway gateway = EmbeddedGateway.start(new LaunchSpec(config, dir.resolve("data"), DistributionBootTest.DIST.resolve("bundles"),
                Map.of(), Duration.ofSeconds(30)))) {
            assertThat(gateway.readiness().problems()).isEmpty();
            BundleContext context = gateway.framework().getBundleContext();
            Object coap = service(context, "cn.taihang.coap.api.CoapSensorServer");
            byte[] keys = new SensorKeys(1, List.of(new SensorKeys.Entry("vis-zw-1", "vis-zw-1", KEY.getBytes(StandardCharsets.US_ASCII)))).toJson();
            await().atMost(20, TimeUnit.SECONDS).ignoreExceptions().alias("sealed to the gateway once its birth announced its sealing key")
                    .until(() -> commands.commands().sendSealed(SITE, GATEWAY, SensorKeys.COMMAND, keys, true, 0).toCompletionStage().toCompletableFuture()
                            .get(10, TimeUnit.SECONDS) > 0);
            await().atMost(20, TimeUnit.SECONDS).until(() -> (long) call(coap, "keysVersion") == 1L);
            int port = ((InetSocketAddress) call(coap, "secureAddress")).getPort();

            bridge.close();
            Object alarms = service(context, "cn.taihang.gateway.api.Alarms");
            try (DtlsSensor sensor = new DtlsSensor("vis-zw-1", KEY, port)) {
                assertThat(sensor.discover()).as("DTLS session up").contains("</senml>");
                long sent = System.nanoTime();
                var answer = sensor.postVisibilityAsync(120);
                await().atMost(1, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(5)).until(() -> activeKinds(alarms).contains("fog"));
                System.out.printf("fog alarm active %d ms after the sensor sent its reading, uplink down%n", (System.nanoTime() - sent) / 1_000_000);
                assertThat(answer.get(5, TimeUnit.SECONDS).getCode()).isEqualTo(ResponseCode.CHANGED);
                Object fog = ((List<?>) call(alarms, "active")).stream().filter(a -> "fog".equals(call(a, "kind"))).findFirst().orElseThrow();
                assertThat((Map<Object, Object>) call(fog, "details")).containsEntry("section", "zheshui-wangmangling").containsEntry("km", 13.7)
                        .containsEntry("value", 120.0).containsEntry("site", SITE);
                assertThat(sensor.postVisibility(250).getCode()).isEqualTo(ResponseCode.CHANGED);
                assertThat(sensor.postVisibility(350).getCode()).isEqualTo(ResponseCode.CHANGED);
                assertThat(activeKinds(alarms)).as("one reading past the clear level is not enough").contains("fog");
                assertThat(sensor.postVisibility(400).getCode()).isEqualTo(ResponseCode.CHANGED);
                assertThat(activeKinds(alarms)).doesNotContain("fog");
                CoapResponse impossible = sensor.postVisibility(-40);
                assertThat(impossible.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
                assertThat(impossible.getResponseText()).contains("not physically possible");
            }

            try (RunningBridge back = Bridge.start(SECURITY.options(dir.resolve("bridge")).withMqttPort(mqttPort)).toCompletableFuture()
                    .get(60, TimeUnit.SECONDS)) {
                await().atMost(30, TimeUnit.SECONDS).until(() -> telemetry(back, RecordKinds.SENSOR_READING).size() == 4);
                assertThat(telemetry(back, RecordKinds.SENSOR_READING)).extracting(row -> row.path("values").path("3300/0/5700").asDouble())
                        .containsExactlyInAnyOrder(120.0, 250.0, 350.0, 400.0);
                await().atMost(10, TimeUnit.SECONDS).until(() -> telemetry(back, RecordKinds.ALARM_CLEARED).size() == 1);
                JsonNode raised = telemetry(back, RecordKinds.ALARM_RAISED).get(0);
                assertThat(raised.path("device").asText()).isEqualTo("vis-zw-1");
                assertThat(raised.path("values").path("kind").asText()).isEqualTo("fog");
                assertThat(raised.path("values").path("detail/section").asText()).isEqualTo("zheshui-wangmangling");
                assertThat(raised.path("values").path("detail/value").asDouble()).isEqualTo(120.0);
            }
        }
    }

    private List<JsonNode> telemetry(RunningBridge bridge, String kind) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(bridge.httpUrl() + "/api/v1/telemetry?kind=" + kind + "&limit=100")).header("Authorization", SECURITY.bearer(Scopes.TELEMETRY_READ))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> rows = new ArrayList<>();
        json.readTree(response.body()).path("items").forEach(rows::add);
        return rows;
    }

    private static List<Object> activeKinds(Object alarms) {
        return ((List<?>) call(alarms, "active")).stream().map(a -> call(a, "kind")).toList();
    }

    /**
     * A service of the framework's own class space, used reflectively: its types are not the test's, so it is
     * looked up with getAllServiceReferences (no class-space check).
     */
    private static Object service(BundleContext context, String type) throws Exception {
        ServiceReference<?>[] references = context.getAllServiceReferences(type, null);
        assertThat(references).as(type + " registered").isNotEmpty();
        return context.getService(references[0]);
    }

    private static Object call(Object target, String method) {
        try {
            var m = target.getClass().getMethod(method);
            m.setAccessible(true);
            return m.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A 5G visibility sensor: Californium client over DTLS with its pre-shared key. */
    private static final class DtlsSensor implements AutoCloseable {
        private final CoapEndpoint endpoint;
        private final CoapClient client;

        DtlsSensor(String identity, String key, int port) {
            CoapConfig.register();
            UdpConfig.register();
            DtlsConfig.register();
            Configuration config = Configuration.createStandardWithoutFile();
            DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(config).set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.CLIENT_ONLY)
                    .setAsList(DtlsConfig.DTLS_CIPHER_SUITES, CipherSuite.TLS_PSK_WITH_AES_128_CCM_8)
                    .setAdvancedPskStore(new AdvancedSinglePskStore(identity, key.getBytes(StandardCharsets.US_ASCII))).build();
            endpoint = CoapEndpoint.builder().setConfiguration(config).setConnector(new DTLSConnector(dtls)).build();
            client = new CoapClient("coaps://127.0.0.1:" + port + "/senml");
            client.setEndpoint(endpoint);
            client.setTimeout(5000L);
        }

        String discover() throws Exception {
            CoapClient discovery = new CoapClient(client.getURI().replace("/senml", "/.well-known/core"));
            discovery.setEndpoint(endpoint);
            return discovery.get().getResponseText();
        }

        java.util.concurrent.CompletableFuture<CoapResponse> postVisibilityAsync(double meters) {
            java.util.concurrent.CompletableFuture<CoapResponse> answer = new java.util.concurrent.CompletableFuture<>();
            client.post(new org.eclipse.californium.core.CoapHandler() {
                @Override
                public void onLoad(CoapResponse response) {
                    answer.complete(response);
                }

                @Override
                public void onError() {
                    answer.completeExceptionally(new IllegalStateException("no answer from the gateway"));
                }
            }, pack(meters), MediaTypeRegistry.APPLICATION_SENML_JSON);
            return answer;
        }

        CoapResponse postVisibility(double meters) throws Exception {
            return client.post(pack(meters), MediaTypeRegistry.APPLICATION_SENML_JSON);
        }

        private static String pack(double meters) {
            return "[{\"bn\":\"3300/0/\",\"n\":\"5750\",\"vs\":\"visibility\"},{\"n\":\"5700\",\"u\":\"m\",\"v\":" + meters + "}]";
        }

        @Override
        public void close() {
            client.shutdown();
            endpoint.destroy();
        }
    }
}
