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
import cn.taihang.release.ReleaseCodec;
import cn.taihang.release.ReleaseKeys;
import cn.taihang.release.ReleaseSigner;
import cn.taihang.release.UpdateOrder;
import cn.taihang.release.build.ReleaseDirectory;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The releases module in a real bridge on SQLite and on PostgreSQL, over HTTPS (real tokens of the scopes each route
 * takes) and MQTT on 127.0.0.1, with scripted gateways answering the orders.
 */
@Tag("loopback")
class ReleasesLoopbackTest {

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

        final String adminBearer = SECURITY.bearer(Scopes.FLEET_ADMIN);
        final String gatewayBearer = SECURITY.bearer(Scopes.FLEET_GATEWAY);

        RunningBridge bridge;
        ApiClient api;
        ReleaseFixture fixture;
        final List<ScriptedGateway> gateways = new ArrayList<>();

        @BeforeEach
        void start() throws Exception {
            fixture = new ReleaseFixture(dir, SECURITY.httpClient(), SECURITY.bearer(Scopes.FLEET_ADMIN));
            fixture.trustAt(dir.resolve("bridge"));
            bridge = BridgeCore.start(SECURITY.secure(storage.options(dir.resolve("bridge"))), List.of(new ReleasesModule(Clock.systemUTC(), 100)))
                    .toCompletableFuture().get(60, TimeUnit.SECONDS);
            api = SECURITY.client(bridge, Scopes.FLEET_ADMIN, Scopes.TELEMETRY_READ);
        }

        @AfterEach
        void stop() throws Exception {
            for (ScriptedGateway g : gateways) {
                g.close();
            }
            api.close();
            bridge.close();
        }

        ScriptedGateway gateway(String site, String id, java.util.function.Function<UpdateOrder, List<String[]>> script) throws Exception {
            ScriptedGateway g = new ScriptedGateway(bridge.brokerUrl(), SECURITY.pki().gateway(id, site), site, id, script);
            gateways.add(g);
            return g;
        }

        @Test
        void aReleaseIsTakenOnlyWithItsBundlesAndItsBundlesAreServedByContentWithRanges() throws Exception {
            ReleaseDirectory release = fixture.release("2026.12.1", "one");
            byte[] envelope = Files.readAllBytes(release.dir().resolve(ReleaseDirectory.ENVELOPE));
            ApiClient.Answer missing = api.call("POST", "/api/v1/releases", new String(envelope));
            assertThat(missing.status()).isEqualTo(409);
            assertThat(missing.json().getString("reason")).isEqualTo("missing-bundles");
            assertThat(missing.json().getString("detail")).contains(release.bundles().keySet().iterator().next());

            String sha = release.bundles().keySet().iterator().next();
            byte[] jar = Files.readAllBytes(release.bundles().get(sha));
            String bundleUrl = bridge.httpUrl() + "/api/v1/releases/bundles/" + sha;
            HttpResponse<byte[]> wrong = fixture.send("PUT", bundleUrl, Arrays.copyOf(jar, jar.length - 1), null, adminBearer);
            assertThat(wrong.statusCode()).isEqualTo(400);
            assertThat(new String(wrong.body())).contains("hash-mismatch");

            assertThat(fixture.upload(bridge.httpUrl(), release)).isEqualTo(201);
            assertThat(fixture.upload(bridge.httpUrl(), release)).as("the same release again is harmless").isEqualTo(201);
            JsonObject listed = api.json("/api/v1/releases").getJsonArray("items").getJsonObject(0);
            assertThat(listed.getString("version")).isEqualTo("2026.12.1");
            assertThat(listed.getString("keyId")).isEqualTo(fixture.signer.keyId());
            assertThat(api.json("/api/v1/releases/2026.12.1").getJsonArray("bundles")).hasSize(2);
            assertThat(api.get("/api/v1/releases/2026.12.1/manifest").bytes()).as("the bytes that were signed").isEqualTo(envelope);

            HttpResponse<byte[]> all = fixture.send("GET", bundleUrl, null, null, gatewayBearer);
            assertThat(all.statusCode()).isEqualTo(200);
            assertThat(all.body()).isEqualTo(jar);
            HttpResponse<byte[]> rest = fixture.send("GET", bundleUrl, null, "bytes=100-", gatewayBearer);
            assertThat(rest.statusCode()).isEqualTo(206);
            assertThat(rest.headers().firstValue("Content-Range")).hasValue("bytes 100-" + (jar.length - 1) + "/" + jar.length);
            assertThat(rest.body()).isEqualTo(Arrays.copyOfRange(jar, 100, jar.length));
            HttpResponse<byte[]> beyond = fixture.send("GET", bundleUrl, null, "bytes=" + jar.length + "-", gatewayBearer);
            assertThat(beyond.statusCode()).isEqualTo(416);
            assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes */" + jar.length);
            assertThat(api.get("/api/v1/releases/bundles/" + "0".repeat(64)).status()).isEqualTo(404);
        }

        @Test
        void aForgedOrUnknownReleaseIsRefusedWithTheReasonAndNothingIsStored() throws Exception {
            ReleaseDirectory release = fixture.release("2026.12.1", "one");
            fixture.upload(bridge.httpUrl(), release);
            ReleaseSigner intruder = new ReleaseSigner(ReleaseKeys.newPrivateKey(new SecureRandom()));
            ReleaseCodec codec = new ReleaseCodec();
            byte[] unknown = codec.envelope(intruder.sign(codec.decode(release.signed().manifest())));
            ApiClient.Answer refused = api.call("POST", "/api/v1/releases", new String(unknown));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.json().getString("reason")).isEqualTo("unknown-key");
            byte[] altered = new String(release.signed().manifest()).replace("test one", "test evil").getBytes();
            var forged = new cn.taihang.release.SignedManifest(altered, release.signed().keyId(), release.signed().signature());
            ApiClient.Answer bad = api.call("POST", "/api/v1/releases", new String(codec.envelope(forged)));
            assertThat(bad.status()).isEqualTo(422);
            assertThat(bad.json().getString("reason")).isEqualTo("bad-signature");
            assertThat(api.call("POST", "/api/v1/releases", "{\"format\":\"zip\"}").json().getString("reason")).isEqualTo("malformed");
            assertThat(api.json("/api/v1/releases").getJsonArray("items")).hasSize(1);
        }

        @Test
        void aGoodReleaseGoesToTheCanaryThenInGrowingWavesToEveryGateway() throws Exception {
            fixture.upload(bridge.httpUrl(), fixture.release("2026.12.1", "one"));
            for (int i = 1; i <= 5; i++) {
                gateway("post-" + i, "gw-post-" + i, ScriptedGateway::commits);
            }
            await().until(() -> api.json("/api/v1/gateways").getJsonArray("items").size() == 5);
            JsonObject created = api.post("/api/v1/rollouts", new JsonObject().put("release", "2026.12.1")
                    .put("waves", new JsonObject().put("canary", 1).put("growth", 2).put("canaryGateways", new JsonArray().add("gw-post-3")))).json();
            long id = created.getLong("id");
            assertThat(created.getJsonArray("waves")).extracting(w -> ((JsonObject) w).getInteger("gateways")).containsExactly(1, 2, 2);
            await().atMost(30, TimeUnit.SECONDS).until(() -> api.json("/api/v1/rollouts/" + id).getString("status").equals("completed"));
            JsonObject done = api.json("/api/v1/rollouts/" + id);
            assertThat(done.getJsonObject("states").getInteger("committed")).isEqualTo(5);
            assertThat(done.getLong("bytes")).isEqualTo(5 * 4096L);
            assertThat(done.getString("reason")).isEqualTo("5 of 5 gateways committed");
            JsonArray states = api.json("/api/v1/rollouts/" + id + "/gateways").getJsonArray("items");
            assertThat(states).allSatisfy(g -> assertThat(((JsonObject) g).getString("state")).isEqualTo("committed"));
            assertThat(states.getJsonObject(0).getString("gateway")).isEqualTo("gw-post-3");
            long canaryDone = java.time.Instant.parse(states.getJsonObject(0).getString("finished")).toEpochMilli();
            for (int i = 1; i < 5; i++) {
                assertThat(java.time.Instant.parse(states.getJsonObject(i).getString("started")).toEpochMilli()).as("after the canary committed")
                        .isGreaterThanOrEqualTo(canaryDone - 1000);
            }
            assertThat(gateways).allSatisfy(g -> assertThat(g.orders).extracting(UpdateOrder::attempt).containsExactly(1));
        }

        @Test
        void aCanaryThatRollsBackHaltsTheRolloutBeforeAnyOtherGatewayGetsTheRelease() throws Exception {
            fixture.upload(bridge.httpUrl(), fixture.release("2026.12.2", "bad"));
            ScriptedGateway canary = gateway("post-1", "gw-post-1", o -> List.of(new String[] {"accepted", ""}, new String[] {"trying", ""},
                    new String[] {"rolled-back", "unhealthy"}));
            List<ScriptedGateway> others = new ArrayList<>();
            for (int i = 2; i <= 4; i++) {
                others.add(gateway("post-" + i, "gw-post-" + i, ScriptedGateway::commits));
            }
            await().until(() -> api.json("/api/v1/gateways").getJsonArray("items").size() == 4);
            long id = api.post("/api/v1/rollouts", new JsonObject().put("release", "2026.12.2")).json().getLong("id");
            await().atMost(30, TimeUnit.SECONDS).until(() -> api.json("/api/v1/rollouts/" + id).getString("status").equals("halted"));
            JsonObject halted = api.json("/api/v1/rollouts/" + id);
            assertThat(halted.getString("reason")).contains("canary", "gw-post-1", "rolled-back");
            assertThat(halted.getJsonObject("states").getInteger("pending")).isEqualTo(3);
            assertThat(canary.orders).hasSize(1);
            assertThat(others).allSatisfy(g -> assertThat(g.orders).isEmpty());

            ApiClient.Answer cancelled = api.post("/api/v1/rollouts/" + id + "/cancel", null);
            assertThat(cancelled.json().getString("status")).isEqualTo("cancelled");
            assertThat(cancelled.json().getJsonObject("states").getInteger("cancelled")).isEqualTo(3);
            assertThat(api.post("/api/v1/rollouts/" + id + "/resume", null).status()).isEqualTo(409);
        }

        @Test
        void aStuckRolloutNeverBlocksTheNextPauseHoldsNewGatewaysAndCancelAlwaysWorks() throws Exception {
            fixture.upload(bridge.httpUrl(), fixture.release("2026.12.1", "one"));
            fixture.upload(bridge.httpUrl(), fixture.release("2026.12.3", "three"));
            ScriptedGateway stuck = gateway("post-1", "gw-post-1", o -> o.release().equals("2026.12.1") ? List.<String[]>of(new String[] {"accepted", ""})
                    : ScriptedGateway.commits(o));
            ScriptedGateway other = gateway("post-2", "gw-post-2", ScriptedGateway::commits);
            await().until(() -> api.json("/api/v1/gateways").getJsonArray("items").size() == 2);
            long first = api.post("/api/v1/rollouts", new JsonObject().put("release", "2026.12.1")
                    .put("waves", new JsonObject().put("canaryGateways", new JsonArray().add("gw-post-1")))).json().getLong("id");
            await().until(() -> stuck.orders.size() == 1);
            assertThat(api.post("/api/v1/rollouts/" + first + "/pause", null).json().getString("status")).isEqualTo("paused");

            long second = api.post("/api/v1/rollouts", new JsonObject().put("release", "2026.12.3")
                    .put("targets", new JsonObject().put("gateways", new JsonArray().add("gw-post-1").add("gw-post-2")))).json().getLong("id");
            await().atMost(30, TimeUnit.SECONDS).until(() -> api.json("/api/v1/rollouts/" + second).getString("status").equals("completed"));
            JsonArray older = api.json("/api/v1/rollouts/" + first + "/gateways").getJsonArray("items");
            assertThat(older).allSatisfy(g -> assertThat(((JsonObject) g).getString("state")).isEqualTo("superseded"));
            assertThat(stuck.orders).extracting(UpdateOrder::release).containsExactly("2026.12.1", "2026.12.3");
            assertThat(other.orders).extracting(UpdateOrder::release).containsExactly("2026.12.3");
            assertThat(api.post("/api/v1/rollouts/" + first + "/cancel", null).json().getString("status")).isEqualTo("cancelled");
        }

        @Test
        void badRolloutRequestsNameWhatIsWrong() throws Exception {
            fixture.upload(bridge.httpUrl(), fixture.release("2026.12.1", "one"));
            gateway("post-1", "gw-post-1", ScriptedGateway::commits);
            await().until(() -> api.json("/api/v1/gateways").getJsonArray("items").size() == 1);
            assertThat(api.post("/api/v1/rollouts", new JsonObject().put("release", "9.9.9")).status()).isEqualTo(404);
            ApiClient.Answer unknown = api.post("/api/v1/rollouts", new JsonObject().put("release", "2026.12.1")
                    .put("targets", new JsonObject().put("gateways", new JsonArray().add("gw-nowhere"))));
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.json().getString("parameter")).isEqualTo("targets.gateways");
            ApiClient.Answer threshold = api.post("/api/v1/rollouts", new JsonObject().put("release", "2026.12.1")
                    .put("thresholds", new JsonObject().put("error", 2)));
            assertThat(threshold.status()).isEqualTo(400);
            assertThat(threshold.json().getString("detail")).contains("thresholds.error");
            assertThat(api.put("/api/v1/fleet/sites/post-1", new JsonObject().put("kind", "Hub!")).status()).isEqualTo(400);
            assertThat(api.put("/api/v1/fleet/sites/post-1", new JsonObject().put("kind", "post")).status()).isEqualTo(200);
            assertThat(api.json("/api/v1/fleet/sites").getJsonArray("items").getJsonObject(0).getMap()).isEqualTo(Map.of("site", "post-1", "kind", "post"));
        }

        @Test
        void eachRouteTakesOnlyItsScopesAndAGatewayTokenFetchesSoftwareAndNothingElse() throws Exception {
            ReleaseDirectory release = fixture.release("2026.12.1", "one");
            assertThat(fixture.upload(bridge.httpUrl(), release)).isEqualTo(201);
            String sha = release.bundles().keySet().iterator().next();
            byte[] jar = Files.readAllBytes(release.bundles().get(sha));
            String releases = bridge.httpUrl() + "/api/v1/releases";
            assertThat(fixture.send("GET", releases + "/bundles/" + sha, null, null, null).statusCode()).as("no token").isEqualTo(401);
            assertThat(fixture.send("GET", releases + "/bundles/" + sha, null, null, "Bearer " + SECURITY.foreign(Scopes.FLEET_GATEWAY)).statusCode())
                    .as("a token of an issuer the bridge does not trust").isEqualTo(401);
            assertThat(fixture.send("GET", releases + "/2026.12.1/manifest", null, null, gatewayBearer).statusCode()).isEqualTo(200);
            assertThat(fixture.send("GET", releases, null, null, gatewayBearer).statusCode()).as("a gateway lists nothing").isEqualTo(403);
            assertThat(fixture.send("PUT", releases + "/bundles/" + sha, jar, null, gatewayBearer).statusCode()).as("nor uploads").isEqualTo(403);
            assertThat(fixture.send("POST", releases, Files.readAllBytes(release.dir().resolve(ReleaseDirectory.ENVELOPE)), null,
                    SECURITY.bearer(Scopes.TELEMETRY_READ)).statusCode()).as("another area's scope").isEqualTo(403);

            try (ApiClient reader = SECURITY.client(bridge, Scopes.FLEET_READ)) {
                assertThat(reader.json("/api/v1/releases").getJsonArray("items")).hasSize(1);
                assertThat(reader.json("/api/v1/rollouts").getJsonArray("items")).isEmpty();
                ApiClient.Answer refused = reader.post("/api/v1/rollouts", new JsonObject().put("release", "2026.12.1"));
                assertThat(refused.status()).isEqualTo(403);
                assertThat(refused.json().getString("scope")).isEqualTo(Scopes.FLEET_ADMIN);
                assertThat(reader.get("/api/v1/releases/bundles/" + sha).status()).as("a reader fetches no software").isEqualTo(403);
                assertThat(reader.put("/api/v1/fleet/sites/post-1", new JsonObject().put("kind", "post")).status()).isEqualTo(403);
            }
            await().untilAsserted(() -> assertThat(api.json("/api/v1/audit").getJsonArray("items").stream().map(JsonObject.class::cast)
                    .filter(e -> e.getString("method").equals("POST") && e.getInteger("status") == 201).toList())
                    .as("the release upload is audited").isNotEmpty());
        }
    }
}
