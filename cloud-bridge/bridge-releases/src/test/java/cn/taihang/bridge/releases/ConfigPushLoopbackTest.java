package cn.taihang.bridge.releases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.bridge.BridgeCore;
import cn.taihang.bridge.RunningBridge;
import cn.taihang.bridge.module.Scopes;
import cn.taihang.bridge.testing.ApiClient;
import cn.taihang.bridge.testing.EngineSuite;
import cn.taihang.bridge.testing.TestSecurity;
import cn.taihang.bridge.testing.TestStorage;
import cn.taihang.release.ConfigPush;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote configuration in a real bridge on SQLite and on PostgreSQL, over HTTPS (real tokens) and MQTT on 127.0.0.1, with
 * scripted gateways answering the pushes as a gateway would.
 */
@Tag("loopback")
class ConfigPushLoopbackTest {

    @RegisterExtension
    static final TestSecurity SECURITY = new TestSecurity();

    @Nested class OnSqlite extends Contract { OnSqlite() { super(TestStorage.SQLITE); } }

    @Nested class OnPostgresql extends Contract { OnPostgresql() { super(TestStorage.POSTGRESQL); } }

    abstract class Contract extends EngineSuite {

        Contract(TestStorage storage) {
            super(storage);
        }

        @TempDir
        Path dir;

        RunningBridge bridge;
        ApiClient api;
        final List<ScriptedConfigGateway> gateways = new ArrayList<>();

        @BeforeEach
        void start() throws Exception {
            bridge = BridgeCore.start(SECURITY.secure(storage.options(dir.resolve("bridge"))), List.of(new ReleasesModule(Clock.systemUTC(), 100)))
                    .toCompletableFuture().get(60, TimeUnit.SECONDS);
            api = SECURITY.client(bridge, Scopes.FLEET_ADMIN, Scopes.TELEMETRY_READ);
        }

        @AfterEach
        void stop() throws Exception {
            for (ScriptedConfigGateway g : gateways) {
                g.close();
            }
            api.close();
            bridge.close();
        }

        ScriptedConfigGateway gateway(String site, String id, Function<ConfigPush, String[]> script) throws Exception {
            ScriptedConfigGateway g = new ScriptedConfigGateway(bridge.brokerUrl(), SECURITY.pki().gateway(id, site), site, id, script);
            gateways.add(g);
            return g;
        }

        void awaitKnown(int gateways) {
            await().until(() -> api.json("/api/v1/gateways").getJsonArray("items").size() == gateways);
        }

        JsonObject state(String gateway) {
            return api.json("/api/v1/configuration/gateways").getJsonArray("items").stream().map(JsonObject.class::cast)
                    .filter(o -> o.getString("gateway").equals(gateway)).findFirst().orElseThrow();
        }

        static JsonObject push(JsonObject targets, JsonObject configuration) {
            return new JsonObject().put("targets", targets).put("configuration", configuration).put("note", "test push");
        }

        @Test
        void aPushToASiteIsVersionedSentMergedAndItsOutcomeAndHashAreVisible() throws Exception {
            ScriptedConfigGateway a = gateway("zheshui", "gw-a", ScriptedConfigGateway::applies);
            ScriptedConfigGateway b = gateway("zheshui", "gw-b", p -> new String[] {ConfigPush.ROLLED_BACK, "unhealthy"});
            ScriptedConfigGateway other = gateway("dongshan", "gw-c", ScriptedConfigGateway::applies);
            awaitKnown(3);

            ApiClient.Answer first = api.post("/api/v1/configuration", push(new JsonObject().put("sites", new JsonArray().add("zheshui")),
                    new JsonObject().put("cn.taihang.cloudlink", new JsonObject().put("inflightRecords", 300).put("keepAliveSeconds", 20))));
            assertThat(first.status()).as(first.body()).isEqualTo(201);
            assertThat(first.json().getLong("version")).isEqualTo(1);
            assertThat(first.header("Location")).isEqualTo("/api/v1/configuration/1");
            await().atMost(20, TimeUnit.SECONDS).until(() -> state("gw-a").getString("state").equals("applied")
                    && state("gw-b").getString("state").equals("rolled-back"));
            JsonObject applied = state("gw-a");
            assertThat(applied.getLong("desiredVersion")).isEqualTo(1);
            assertThat(applied.getLong("appliedVersion")).isEqualTo(1);
            assertThat(applied.getString("hash")).isEqualTo(ScriptedConfigGateway.hash(1, ConfigPush.APPLIED));
            assertThat(applied.getJsonArray("pids").getList()).containsExactly("cn.taihang.cloudlink");
            JsonObject rolledBack = state("gw-b");
            assertThat(rolledBack.getString("reason")).isEqualTo("unhealthy");
            assertThat(rolledBack.getValue("appliedVersion")).isNull();
            assertThat(state("gw-c").getString("state")).isEqualTo("none");
            assertThat(other.pushes).as("the other site got nothing").isEmpty();

            ApiClient.Answer second = api.post("/api/v1/configuration", push(new JsonObject().put("gateways", new JsonArray().add("gw-a")),
                    new JsonObject().put("cn.taihang.cloudlink", new JsonObject().put("keepAliveSeconds:Integer", 45))
                            .put("cn.taihang.store", new JsonObject().put("quotaBytes", 1_000_000))));
            assertThat(second.status()).as(second.body()).isEqualTo(201);
            assertThat(second.json().getLong("version")).isEqualTo(2);
            await().until(() -> a.pushes.size() == 2);
            JsonObject merged = new JsonObject(a.pushes.get(1).configuration().toString());
            assertThat(a.pushes.get(1).version()).isEqualTo(2);
            assertThat(merged.getJsonObject("cn.taihang.cloudlink").getMap()).as("earlier fragments merged in, later values win")
                    .containsOnlyKeys("inflightRecords", "keepAliveSeconds:Integer").containsEntry("keepAliveSeconds:Integer", 45);
            assertThat(merged.getJsonObject("cn.taihang.store").getInteger("quotaBytes")).isEqualTo(1_000_000);
            await().until(() -> state("gw-a").getLong("appliedVersion") == 2);
            assertThat(b.pushes).hasSize(1);

            JsonArray pushes = api.json("/api/v1/configuration").getJsonArray("items");
            assertThat(pushes).hasSize(2);
            assertThat(api.json("/api/v1/configuration/2").getJsonObject("targets").getJsonArray("gateways").getList()).containsExactly("gw-a");
            await().untilAsserted(() -> assertThat(api.json("/api/v1/audit").getJsonArray("items").stream().map(JsonObject.class::cast)
                    .filter(e -> e.getString("method").equals("POST") && e.getInteger("status") == 201)
                    .map(e -> e.getString("note", "")).toList()).as("each push is audited").anySatisfy(n -> assertThat(n).contains("configuration push 2")));
        }

        @Test
        void aGatewayBornAfterThePushGetsItAndChangesMadeOnItShowAsDrift() throws Exception {
            gateway("zheshui", "gw-a", ScriptedConfigGateway::applies);
            awaitKnown(1);
            assertThat(api.post("/api/v1/configuration", push(new JsonObject().put("all", true),
                    new JsonObject().put("cn.taihang.cloudlink", new JsonObject().put("inflightRecords", 300)))).status()).isEqualTo(201);
            await().until(() -> state("gw-a").getString("state").equals("applied"));

            ScriptedConfigGateway late = gateway("dongshan", "gw-late", ScriptedConfigGateway::applies);
            await().atMost(20, TimeUnit.SECONDS).until(() -> late.pushes.size() == 1);
            assertThat(late.pushes.get(0).version()).isEqualTo(1);
            await().until(() -> state("gw-late").getString("state").equals("applied"));

            late.report(0, ConfigPush.DRIFT, "changed-on-gateway", "cn.taihang.console");
            await().until(() -> state("gw-late").getBoolean("drifted"));
            JsonObject drifted = state("gw-late");
            assertThat(drifted.getString("drift")).contains("cn.taihang.console");
            assertThat(drifted.getString("hash")).isEqualTo(ScriptedConfigGateway.hash(0, ConfigPush.DRIFT));
            assertThat(drifted.getLong("appliedVersion")).as("drift changes what it runs, not what it applied").isEqualTo(1);
            assertThat(state("gw-a").getBoolean("drifted")).isFalse();
        }

        @Test
        void badInputIsRefusedWithAProblemAndNothingIsStoredOrSent() throws Exception {
            ScriptedConfigGateway a = gateway("zheshui", "gw-a", ScriptedConfigGateway::applies);
            awaitKnown(1);
            JsonObject fine = new JsonObject().put("cn.taihang.cloudlink", new JsonObject().put("inflightRecords", 300));

            ApiClient.Answer notJson = api.call("POST", "/api/v1/configuration", "{not json");
            assertThat(notJson.status()).isEqualTo(400);
            assertThat(notJson.mediaType()).isEqualTo("application/problem+json");

            ApiClient.Answer unknown = api.post("/api/v1/configuration", push(new JsonObject().put("gateways", new JsonArray().add("gw-nobody")), fine));
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.json().getString("reason")).isEqualTo("unknown-targets");
            assertThat(unknown.json().getString("detail")).contains("gw-nobody");
            ApiClient.Answer unknownSite = api.post("/api/v1/configuration", push(new JsonObject().put("sites", new JsonArray().add("atlantis")), fine));
            assertThat(unknownSite.json().getString("reason")).isEqualTo("unknown-targets");

            JsonObject huge = new JsonObject().put("cn.taihang.sign~s1", new JsonObject().put("message", "长".repeat(ConfigPush.MAX_BYTES / 3 + 10)));
            ApiClient.Answer tooLarge = api.post("/api/v1/configuration", push(new JsonObject().put("all", true), huge));
            assertThat(tooLarge.status()).isEqualTo(400);
            assertThat(tooLarge.json().getString("reason")).isEqualTo("too-large");

            ApiClient.Answer cutOff = api.call("POST", "/api/v1/configuration", "{\"note\": \"" + "x".repeat(5 * ConfigPush.MAX_BYTES) + "\"}");
            assertThat(cutOff.status()).isEqualTo(413);
            assertThat(cutOff.mediaType()).isEqualTo("application/problem+json");

            ApiClient.Answer nested = api.post("/api/v1/configuration", push(new JsonObject().put("all", true),
                    new JsonObject().put("cn.taihang.cloudlink", new JsonObject().put("inflightRecords", new JsonObject().put("a", 1)))));
            assertThat(nested.status()).isEqualTo(400);
            assertThat(nested.json().getString("parameter")).isEqualTo("configuration.cn.taihang.cloudlink.inflightRecords");
            ApiClient.Answer noTargets = api.post("/api/v1/configuration", new JsonObject().put("configuration", fine));
            assertThat(noTargets.json().getString("parameter")).isEqualTo("targets");

            a.report(0, ConfigPush.DRIFT, "changed-on-gateway", "cn.taihang.console");
            await().until(() -> state("gw-a").getString("hash") != null);
            assertThat(state("gw-a").getBoolean("drifted")).as("no push sent, so no drift from one").isFalse();
            assertThat(api.json("/api/v1/configuration").getJsonArray("items")).as("nothing stored").isEmpty();
            assertThat(state("gw-a").getString("state")).isEqualTo("none");
            assertThat(a.pushes).as("nothing sent").isEmpty();
        }

        @Test
        void aPushThatDoesNotFitTheSchemaOfTheReleaseATargetRunsIsRefusedAtTheBridge() throws Exception {
            ReleaseFixture fixture = new ReleaseFixture(dir, SECURITY.httpClient(), SECURITY.bearer(Scopes.FLEET_ADMIN));
            fixture.trustAt(dir.resolve("bridge"));
            assertThat(fixture.upload(bridge.httpUrl(), fixture.release("0.1.0-test", "one"))).isEqualTo(201);
            ScriptedConfigGateway a = gateway("zheshui", "gw-a", ScriptedConfigGateway::applies);
            awaitKnown(1);
            ApiClient.Answer refused = api.post("/api/v1/configuration", push(new JsonObject().put("all", true),
                    new JsonObject().put("cn.taihang.nosuch", new JsonObject().put("x", 1))));
            assertThat(refused.status()).as(refused.body()).isEqualTo(422);
            assertThat(refused.json().getString("reason")).isEqualTo("configuration");
            assertThat(refused.json().getString("detail")).contains("release 0.1.0-test", "cn.taihang.nosuch");
            assertThat(api.json("/api/v1/configuration").getJsonArray("items")).isEmpty();
            assertThat(a.pushes).isEmpty();
        }
    }
}
