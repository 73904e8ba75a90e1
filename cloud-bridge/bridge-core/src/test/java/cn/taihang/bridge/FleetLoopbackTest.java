package cn.taihang.bridge;

import cn.taihang.bridge.testing.TestSecurity;
import cn.taihang.bridge.module.Scopes;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Nested;
import cn.taihang.bridge.testing.EngineSuite;
import cn.taihang.bridge.testing.TestStorage;
import cn.taihang.bridge.testing.TestGateway;
import cn.taihang.bridge.testing.Frames;
import cn.taihang.bridge.testing.Meters;
import cn.taihang.bridge.testing.ApiClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.wire.Birth;
import cn.taihang.wire.LifecycleCodec;
import cn.taihang.wire.Topics;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("loopback")
class FleetLoopbackTest {

    @RegisterExtension
    static final TestSecurity SECURITY = new TestSecurity();

    @Nested class OnSqlite extends Contract { OnSqlite() { super(TestStorage.SQLITE); } }

    @Nested class OnPostgresql extends Contract { OnPostgresql() { super(TestStorage.POSTGRESQL); } }

    abstract class Contract extends EngineSuite {

        Contract(TestStorage storage) { super(storage); }

        @TempDir
        Path dir;
        RunningBridge bridge;
        TestGateway gw;
        ApiClient http;

        @BeforeEach
        void start() throws Exception {
            bridge = BridgeCore.start(SECURITY.secure(storage.options(dir)), List.of()).toCompletableFuture().get();
            http = SECURITY.client(bridge, Scopes.TELEMETRY_READ, Scopes.METRICS_READ);
            await().until(() -> "UP".equals(new JsonObject(http.get("/health").body()).getString("mqtt")));
            gw = TestGateway.online(SECURITY.pki(), bridge.brokerUrl(), "taihang-0km", "gw-0km-1");
        }

        @AfterEach
        void stop() throws Exception {
            gw.close();
            http.close();
            bridge.close();
        }

        private JsonObject gateway(String id) {
            return http.json("/api/v1/gateways").getJsonArray("items").stream().map(JsonObject.class::cast)
                    .filter(g -> g.getString("id").equals(id)).findFirst().orElse(null);
        }

        private double lifecycle(String kind, String outcome) {
            return Meters.count(bridge, "bridge.lifecycle.messages", "kind", kind, "outcome", outcome);
        }

        @Test
        void birthMakesTheGatewayOnlineWithWhatItRuns() throws Exception {
            gw.birth(7);
            await().until(() -> gateway("gw-0km-1") != null);
            JsonObject g = gateway("gw-0km-1");
            assertThat(g.getString("site")).isEqualTo("taihang-0km");
            assertThat(g.getString("siteName")).isEqualTo("晋城高铁东站 Jincheng HSR East");
            assertThat(g.getBoolean("online")).isTrue();
            assertThat(g.getLong("bdSeq")).isEqualTo(7L);
            assertThat(g.getString("software")).isEqualTo("0.1.0-test");
            assertThat(g.getJsonObject("bundles").getMap()).containsExactlyInAnyOrderEntriesOf(Map.of("cn.taihang.store", "0.1.0", "cn.taihang.vehicle-counter", "0.2.0"));
            assertThat(g.getJsonArray("devices").getJsonObject(0).getMap()).containsEntry("id", "lane-1").containsEntry("kind", "vehicle-counter");
            assertThat(g.getString("consoleUrl")).isEqualTo("https://127.0.0.1:8443/");
            assertThat(g.getString("configHash")).isEqualTo("cfg-7");
            assertThat(Instant.parse(g.getString("lastSeen"))).isAfter(Instant.now().minusSeconds(60));
            assertThat(bridge.meterRegistry().get("bridge.gateways.online").gauge().value()).isEqualTo(1.0);
        }

        @Test
        void deathOfTheCurrentSessionMakesItOffline() throws Exception {
            gw.birth(3);
            await().until(() -> gateway("gw-0km-1") != null);
            gw.death(3);
            await().until(() -> !gateway("gw-0km-1").getBoolean("online"));
            assertThat(lifecycle("death", "accepted")).isEqualTo(1);
            assertThat(bridge.meterRegistry().get("bridge.gateways.online").gauge().value()).isZero();
        }

        @Test
        void aStaleDeathIsIgnored() throws Exception {
            gw.birth(5);
            await().until(() -> gateway("gw-0km-1") != null);
            gw.death(4);   // the will of the previous session, delivered late
            await().until(() -> lifecycle("death", "stale") == 1);
            assertThat(gateway("gw-0km-1").getBoolean("online")).isTrue();
            gw.death(6);   // newer than the birth: the gateway is gone
            await().until(() -> !gateway("gw-0km-1").getBoolean("online"));
        }

        @Test
        void aNewBirthAfterADeathBringsItBackWithNewVersions() throws Exception {
            gw.birth(1);
            gw.death(1);
            await().until(() -> lifecycle("death", "accepted") == 1);
            gw.birth(2);
            await().until(() -> gateway("gw-0km-1").getBoolean("online"));
            assertThat(gateway("gw-0km-1").getLong("bdSeq")).isEqualTo(2L);
            assertThat(gateway("gw-0km-1").getString("configHash")).isEqualTo("cfg-2");
        }

        @Test
        void aDeathRightBehindItsBirthIsAppliedAfterIt() throws Exception {
            for (int session = 1; session <= 20; session++) {
                gw.birth(session);
                gw.death(session);
            }
            await().until(() -> lifecycle("death", "accepted") + lifecycle("death", "stale") + lifecycle("death", "unknown_gateway") == 20);
            assertThat(lifecycle("death", "accepted")).isEqualTo(20);
            assertThat(gateway("gw-0km-1").getBoolean("online")).isFalse();
        }

        @Test
        void badLifecycleMessagesAreRefusedAndCounted() throws Exception {
            LifecycleCodec codec = new LifecycleCodec();
            Birth foreign = new Birth(1, "gw-other", "taihang-0km", "x", 1, 0, "1", null, null, null, null);
            gw.sendRaw(Topics.birth(gw.site, gw.gateway), codec.encodeBirth(foreign));             // payload names another gateway
            gw.sendRaw(Topics.birth(gw.site, gw.gateway), new byte[] {0x01, 0x02});                 // not a birth
            gw.sendRaw(Topics.death(gw.site, gw.gateway), new byte[0]);                             // empty
            gw.birth(9);
            await().until(() -> gateway("gw-0km-1") != null);
            assertThat(lifecycle("birth", "rejected")).isEqualTo(2);
            assertThat(lifecycle("death", "rejected")).isEqualTo(1);
            assertThat(Meters.count(bridge, "bridge.ingest.rejected", "scope", "birth", "reason", "GATEWAY_MISMATCH")).isEqualTo(1);
            assertThat(gateway("gw-other")).isNull();
        }

        @Test
        void dataFromAGatewayWithoutAVerifiedBirthIsRefusedUntilItsRebirth() throws Exception {
            try (TestGateway unborn = new TestGateway(bridge.brokerUrl(), SECURITY.pki().gateway("gw-0km-2", "taihang-0km"))) {
                unborn.send(Frames.range(1, 2));
                await().until(() -> unborn.latestCommand("rebirth").isPresent());
                assertThat(unborn.acks()).as("not believed before a birth with a valid certificate").isEmpty();
                assertThat(Meters.count(bridge, "bridge.security.events", "source", "ingest", "reason", "UNKNOWN_GATEWAY")).isEqualTo(1);
                assertThat(gateway("gw-0km-2")).isNull();
                unborn.birth(1);
                await().until(() -> gateway("gw-0km-2") != null && gateway("gw-0km-2").getBoolean("online"));
                Instant born = Instant.parse(gateway("gw-0km-2").getString("lastSeen"));
                unborn.send(Frames.range(1, 2));
                await().until(() -> unborn.acks().size() == 1);
                assertThat(Instant.parse(gateway("gw-0km-2").getString("lastSeen"))).isAfterOrEqualTo(born);
                JsonObject g = gateway("gw-0km-2");
                assertThat(g.getJsonArray("devices")).hasSize(1);
                assertThat(List.of(g.fieldNames().toArray())).contains("id", "site", "siteName", "online", "lastSeen", "bdSeq", "software",
                        "bundles", "devices", "consoleUrl");
            }
        }
    }
}
