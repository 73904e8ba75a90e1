package cn.taihang.distribution;

import cn.taihang.bridge.testing.TestSecurity;
import cn.taihang.bridge.module.Scopes;
import org.junit.jupiter.api.extension.RegisterExtension;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.bridge.Bridge;
import cn.taihang.bridge.BridgeOptions;
import cn.taihang.bridge.RunningBridge;
import cn.taihang.counter.domain.Loop;
import cn.taihang.counter.domain.LoopEdge;
import cn.taihang.counter.domain.VehicleTimeline;
import cn.taihang.hardware.sim.harness.HarnessServer;
import cn.taihang.hardware.sim.harness.VirtualBoard;
import cn.taihang.launcher.EmbeddedGateway;
import cn.taihang.launcher.LaunchSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One gateway of the real distribution in Felix, on the simulated board, against the real bridge:
 * loop edges → vehicle counter → SQLite store → Paho → Moquette → bridge → HTTP API.
 */
@Tag("framework")
class GatewayPipelineTest {

    @RegisterExtension
    static final TestSecurity SECURITY = new TestSecurity();

    @TempDir
    Path dir;

    private final HttpClient http = SECURITY.httpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void vehiclesOnTheLoopsReachTheBridgeApi() throws Exception {
        try (RunningBridge bridge = Bridge.start(SECURITY.options(dir.resolve("bridge"))).toCompletableFuture().get(60, TimeUnit.SECONDS);
             HarnessServer harness = HarnessServer.start()) {
            Path config = Enrolment.pinCommandAnchor(bridge, Files.writeString(dir.resolve("gateway.json"), """
                    {
                      "cn.taihang.gateway": {"gatewayId": "gw-pipeline", "site": "zheshui", "siteName": "浙水 Zheshui", "identityDir": "%s"},
                      "cn.taihang.cloudlink": {"brokerUrl": "%s"},
                      "cn.taihang.hardware.sim": {"harnessPort": %d, "nodeId": "gw-pipeline"},
                      "cn.taihang.counter.lane~l1": {"device": "zheshui-l1", "loopAPin": 17, "loopBPin": 27,
                                                     "intervalSeconds": 2, "graceSeconds": 1}
                    }
                    """.formatted(SECURITY.pki().gateway("gw-pipeline", "zheshui"), bridge.brokerUrl(), harness.port())));
            try (EmbeddedGateway gateway = EmbeddedGateway.start(new LaunchSpec(config, dir.resolve("data"),
                    DistributionBootTest.DIST.resolve("bundles"), Map.of("taihang.console.url", "https://192.0.2.7:8443/"), Duration.ofSeconds(10)))) {
                assertThat(gateway.readiness().problems()).isEmpty();
                VirtualBoard board = harness.awaitNode("gw-pipeline", Duration.ofSeconds(10));
                assertThat(board.awaitClaimed(17, Duration.ofSeconds(10)) && board.awaitClaimed(27, Duration.ofSeconds(10))).isTrue();

                long start = Instant.now().plusMillis(100).toEpochMilli() * 1000;
                VehicleTimeline timeline = new VehicleTimeline(2.0, 4.0, true)
                        .pass(start, 4.5, 15.0)            // a car
                        .pass(start + 1_500_000, 11.0, 12.0)  // a coach, on the loops for 1.4 s
                        .pass(start + 3_500_000, 2.0, 14.0); // a motorcycle
                for (LoopEdge edge : timeline.edges()) {
                    await().until(() -> nowMicros() >= edge.timestampMicros());
                    assertThat(board.sendEdge(edge.loop() == Loop.A ? 17 : 27, edge.occupied(), edge.timestampMicros())).isTrue();
                }

                await().atMost(30, TimeUnit.SECONDS).until(() -> sum(bridge, "count") == 3);
                assertThat(sum(bridge, "count/short")).isEqualTo(1);
                assertThat(sum(bridge, "count/long")).isEqualTo(1);
                assertThat(sum(bridge, "count/motorcycle")).isEqualTo(1);
                JsonNode gw = get(bridge, "/api/v1/gateways").path("items").get(0);
                assertThat(gw.path("id").asText()).isEqualTo("gw-pipeline");
                assertThat(gw.path("online").asBoolean()).isTrue();
                assertThat(gw.path("devices").toString()).contains("zheshui-l1");
                assertThat(gw.path("bundles").toString()).contains("cn.taihang.vehicle-counter");
                assertThat(gw.path("consoleUrl").asText()).as("the launcher's console URL, through the birth").isEqualTo("https://192.0.2.7:8443/");
            }
        }
    }

    private long sum(RunningBridge bridge, String name) throws Exception {
        long total = 0;
        for (JsonNode row : get(bridge, "/api/v1/telemetry?kind=counter.interval&limit=1000").path("items")) {
            total += row.path("values").path(name).asLong();
        }
        return total;
    }

    private JsonNode get(RunningBridge bridge, String path) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(bridge.httpUrl() + path)).header("Authorization", SECURITY.bearer(Scopes.TELEMETRY_READ)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }
}
