package cn.taihang.simulator.sensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.bridge.Bridge;
import cn.taihang.bridge.BridgeOptions;
import cn.taihang.bridge.RunningBridge;
import cn.taihang.hardware.sim.harness.HarnessServer;
import cn.taihang.simulator.fleet.GatewayFleet;
import cn.taihang.simulator.fleet.GatewayPlan;
import cn.taihang.simulator.fleet.InProcessFleet;
import cn.taihang.simulator.run.BridgeAccess;
import cn.taihang.simulator.run.BridgeClient;
import cn.taihang.simulator.scenario.Scenario;
import cn.taihang.simulator.scenario.ScenarioLoader;
import cn.taihang.wire.records.RecordKinds;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The virtual sensors of a Taihang road post, as real CoAP/DTLS clients, against a real gateway and the
 * real bridge: keys provisioned through the bridge, fog on the section raises the gateway's fog alarm,
 * and readings and the alarm reach the bridge.
 */
@Tag("e2e")
class SensorNetworkEndToEndTest {

    private static final Path DIST = Path.of(System.getProperty("taihang.dist.dir", "../../edge-gateway/distribution/target/taihang-gateway"));

    @TempDir
    Path runDir;

    @Test
    void fogOnZheshuiWangmanglingReachesTheBridgeAsAnAlarm() throws Exception {
        Scenario scenario = new ScenarioLoader().load("jincheng");
        GatewayPlan post = GatewayPlan.forSite(scenario.site("post-zheshui-wangmangling-1").orElseThrow());
        SensorKeyProvisioner provisioner = new SensorKeyProvisioner();
        Instant now = Instant.now();
        Weather weather = new Weather(5, List.of(new WeatherEpisode(WeatherEpisode.Kind.FOG, Set.of("zheshui-wangmangling"), now.minusSeconds(300),
                now.plusSeconds(300))));
        try (RunningBridge bridge = Bridge.start(BridgeAccess.secure(BridgeOptions.ephemeral(runDir.resolve("bridge")), runDir), List.of(provisioner)).toCompletableFuture()
                .get(60, TimeUnit.SECONDS);
             HarnessServer harness = HarnessServer.start();
             GatewayFleet fleet = new InProcessFleet(DIST.toAbsolutePath().resolve("bundles"));
             SensorNetwork sensors = SensorNetwork.plan(List.of(post), 11)) {
            Path config = runDir.resolve("gw/gateway.json");
            post.writeConfiguration(config, bridge.brokerUrl(), BridgeAccess.enrolGateway(bridge, runDir, post.gatewayId(), post.site().id()), harness.port(), 30);
            sensors.configure(post, config, 2);
            GatewayFleet.Started started = fleet.start(post.gatewayId(), config, runDir.resolve("gw/data"));
            assertThat(started.ready()).as(started.detail()).isTrue();
            assertThat(sensors.sensors().get(post.gatewayId())).extracting(SensorPlan::role)
                    .containsExactly(SensorPlan.Role.VISIBILITY, SensorPlan.Role.ROAD_SURFACE, SensorPlan.Role.WEATHER_STATION);

            sensors.start(provisioner.commands(), weather, Duration.ofSeconds(1), Clock.systemUTC());
            BridgeClient client = new BridgeClient(bridge);
            await().atMost(45, TimeUnit.SECONDS).until(() -> client.telemetry(RecordKinds.ALARM_RAISED, now.minusSeconds(3600), now.plusSeconds(3600)).stream()
                    .anyMatch(a -> "fog".equals(a.path("values").path("kind").asText())));
            JsonNode fog = client.telemetry(RecordKinds.ALARM_RAISED, now.minusSeconds(3600), now.plusSeconds(3600)).stream()
                    .filter(a -> "fog".equals(a.path("values").path("kind").asText())).findFirst().orElseThrow();
            assertThat(fog.path("device").asText()).isEqualTo("vis-post-zheshui-wangmangling-1");
            assertThat(fog.path("values").path("detail/km").asDouble()).isEqualTo(13.7);
            await().atMost(20, TimeUnit.SECONDS).until(() -> client.telemetry(RecordKinds.SENSOR_READING, now.minusSeconds(3600), now.plusSeconds(3600)).stream()
                    .map(r -> r.path("device").asText()).distinct().count() == 3);
            assertThat(sensors.totals()[1]).as("packs the gateway refused").isZero();
        }
    }
}
