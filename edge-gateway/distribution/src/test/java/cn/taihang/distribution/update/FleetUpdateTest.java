package cn.taihang.distribution.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.bridge.Bridge;
import cn.taihang.bridge.RunningBridge;
import cn.taihang.bridge.module.Scopes;
import cn.taihang.bridge.releases.ReleasesModule;
import cn.taihang.bridge.testing.TestGateway;
import cn.taihang.bridge.testing.TestSecurity;
import cn.taihang.launcher.LaunchSpec;
import cn.taihang.launcher.SlottedGateway;
import cn.taihang.release.UpdateOrder;
import cn.taihang.release.build.DerivedReleases;
import cn.taihang.release.build.ReleaseDirectory;
import cn.taihang.release.build.ReleasePublisher;
import cn.taihang.slots.SlotControl;
import cn.taihang.slots.SlotState;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real gateway — the distribution in Felix, booted from its slots by the launcher — updated by the real bridge over
 * HTTPS and MQTT on 127.0.0.1 (the gateway fetches with its own certificate and a token of scope {@code fleet:gateway}
 * only; the operator uploads and steers with a {@code fleet:admin} token): a one-bundle release rolls out, is fetched
 * (only the changed bundle), staged, switched to and committed; then a release with a bundle whose component fails to
 * activate goes to the canary, is rolled back there by the gateway itself, reported, and the rollout halts before the
 * other gateway receives any order.
 */
@Tag("framework")
class FleetUpdateTest {

    private static final Path DIST = Path.of(System.getProperty("taihang.dist.dir", "target/taihang-gateway"));
    private static final Path FAULTY = Path.of("target/fixtures/faulty-bundle.jar");

    @RegisterExtension
    static final TestSecurity SECURITY = new TestSecurity();

    @TempDir
    Path dir;

    private final HttpClient http = SECURITY.httpClient();
    private final String adminToken = SECURITY.token(Scopes.FLEET_ADMIN, Scopes.TELEMETRY_READ);
    private final ObjectMapper json = new ObjectMapper();
    private final List<SlottedGateway.Boot> boots = new CopyOnWriteArrayList<>();
    private final AtomicReference<Throwable> gatewayFailure = new AtomicReference<>();
    private RunningBridge bridge;
    private SlottedGateway gateway;
    private Thread gatewayThread;
    private TestGateway bystander;
    private DerivedReleases releases;

    @BeforeEach
    void start() throws Exception {
        releases = new DerivedReleases(dir.resolve("releases"), DIST.resolve("bundles"), List.of("raspberry-pi-4"));
        releases.pinKey(dir.resolve("bridge").resolve(ReleasesModule.TRUSTED_KEYS));
        Path gatewayKeys = releases.pinKey(dir.resolve("etc").resolve("release-keys.pub"));
        bridge = Bridge.start(SECURITY.options(dir.resolve("bridge"))).toCompletableFuture().get(60, TimeUnit.SECONDS);
        Path identity = SECURITY.pki().gateway("gw-canary", "zheshui");
        bridge.commandAnchor().write(identity);
        Path token = Files.writeString(dir.resolve("etc").resolve("bridge.token"),
                SECURITY.issuer().mint("gw-canary", "gateway", Set.of(Scopes.FLEET_GATEWAY), Duration.ofHours(1)) + "\n");
        Path config = Files.writeString(dir.resolve("gateway.json"), """
                {
                  "cn.taihang.gateway": {"gatewayId": "gw-canary", "site": "zheshui", "siteName": "浙水 Zheshui", "identityDir": %s},
                  "cn.taihang.cloudlink": {"brokerUrl": "%s"},
                  "cn.taihang.updater": {"releaseServer": "%s", "releaseKeyFile": %s, "identityDir": %s, "tokenFile": %s,
                                         "healthTimeoutSeconds": 60, "retryMillis": 100}
                }
                """.formatted(json.writeValueAsString(identity.toString()), bridge.brokerUrl(), bridge.httpUrl(), json.writeValueAsString(gatewayKeys.toString()),
                json.writeValueAsString(identity.toString()), json.writeValueAsString(token.toString())));
        gateway = new SlottedGateway(new LaunchSpec(config, dir.resolve("data"), DIST.resolve("bundles"), Map.of(), Duration.ofSeconds(10)),
                "raspberry-pi-4");
        gatewayThread = new Thread(() -> {
            try {
                gateway.run(boots::add);
            } catch (Throwable e) {
                gatewayFailure.set(e);
            }
        }, "slotted-gateway");
        gatewayThread.start();
        bystander = new TestGateway(bridge.brokerUrl(), SECURITY.pki().gateway("gw-bystander", "dongshan"));
        bystander.birth(1);
        awaitUp(60).until(() -> get("/api/v1/gateways").path("items").size() == 2
                && get("/api/v1/gateways").path("items").findValues("online").stream().allMatch(JsonNode::asBoolean));
    }

    @AfterEach
    void stop() throws Exception {
        if (bystander != null) {
            bystander.close();
        }
        if (gateway != null) {
            gateway.shutdown(Duration.ofSeconds(10));
            gatewayThread.join(TimeUnit.SECONDS.toMillis(30));
        }
        if (bridge != null) {
            bridge.close();
        }
    }

    @Test
    void aReleaseIsInstalledByItsDeltaAndABadOneIsRolledBackOnTheCanaryAndHaltsTheRollout() throws Exception {
        ReleaseDirectory good = releases.oneBundleChanged("2026.12.1");
        ReleasePublisher.Result published = releases.publish(URI.create(bridge.httpUrl()), http, adminToken, good);
        assertThat(published.published()).as(published.answer()).isTrue();
        assertThat(published.uploadedBundles()).isEqualTo(good.manifest().bundles().size());

        long goodStart = System.nanoTime();
        long goodRollout = createRollout("""
                {"release": "2026.12.1", "targets": {"gateways": ["gw-canary"]}}""");
        awaitUp(120).until(() -> status(goodRollout).equals("completed") || terminalFailure(goodRollout));
        long goodMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - goodStart);
        JsonNode done = get("/api/v1/rollouts/" + goodRollout);
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("completed");
        SlotControl.Running running = gateway.slots().running();
        assertThat(running.release()).isEqualTo("2026.12.1");
        assertThat(running.trying()).isFalse();
        assertThat(running.slot()).isNotEqualTo(SlotState.FACTORY);
        long changedBytes = good.manifest().bundles().stream().filter(b -> b.symbolicName().equals(DerivedReleases.CHANGED_SYMBOLIC_NAME))
                .mapToLong(b -> b.size()).sum();
        assertThat(done.path("bytes").asLong()).as("only the rebuilt bundle travels").isEqualTo(changedBytes);
        assertThat(boots).extracting(b -> b.plan().release()).containsSubsequence(SlotState.FACTORY, "2026.12.1");

        ReleaseDirectory bad = releases.withFaultyBundle(good, "2026.12.2", FAULTY);
        ReleasePublisher.Result second = releases.publish(URI.create(bridge.httpUrl()), http, adminToken, bad);
        assertThat(second.published()).as(second.answer()).isTrue();
        assertThat(second.uploadedBundles()).as("the bridge already holds all but the new bundle").isEqualTo(1);

        long badStart = System.nanoTime();
        long badRollout = createRollout("""
                {"release": "2026.12.2", "waves": {"canary": 1, "canaryGateways": ["gw-canary"]}}""");
        awaitUp(120).until(() -> !status(badRollout).equals("running"));
        long rollbackMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - badStart);
        JsonNode halted = get("/api/v1/rollouts/" + badRollout);
        assertThat(halted.path("status").asText()).as(halted.toString()).isEqualTo("halted");
        assertThat(halted.path("reason").asText()).contains("canary", "gw-canary", "rolled-back");
        JsonNode canary = entry(badRollout, "gw-canary");
        assertThat(canary.path("state").asText()).isEqualTo("rolled-back");
        assertThat(canary.path("message").asText() + canary.path("reason").asText()).contains("cn.taihang.faulty.FailingComponent");
        assertThat(entry(badRollout, "gw-bystander").path("state").asText()).isEqualTo("pending");
        assertThat(bystander.commands()).as("no order reached the other gateway").noneMatch(c -> c.name().equals(UpdateOrder.COMMAND));

        awaitUp(60).until(() -> !gateway.slots().running().trying() && boots.size() >= 4);
        assertThat(gateway.slots().running().release()).as("back on the last good release").isEqualTo("2026.12.1");
        assertThat(boots).extracting(b -> b.plan().release()).containsSubsequence("2026.12.1", "2026.12.2", "2026.12.1");
        assertThat(boots.get(boots.size() - 1).gateway().readiness().problems()).isEmpty();
        assertThat(gatewayFailure.get()).isNull();
        System.out.printf("FIGURES update one-bundle: %d ms, %d bytes (of a full release's %d bytes, %d bundles); bad release on the canary: "
                        + "rolled back and rollout halted in %d ms; bad release bytes %d%n", goodMillis, done.path("bytes").asLong(),
                good.manifest().totalBytes(), good.manifest().bundles().size(), rollbackMillis, canary.path("bytes").asLong());
    }

    /**
     * Waits, failing on any thread's uncaught exception meanwhile (Awaitility's default): across the framework restarts a
     * stopped framework's threads must be gone — e.g. a Paho receiver left by an uplink closed while connecting died on a
     * class of its stopped bundle, and a health gate committing before the new framework was up died on its stopped
     * predecessor.
     */
    private static org.awaitility.core.ConditionFactory awaitUp(int seconds) {
        return await().atMost(seconds, TimeUnit.SECONDS);
    }

    private long createRollout(String body) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(bridge.httpUrl() + "/api/v1/rollouts"))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(201);
        return json.readTree(response.body()).path("id").asLong();
    }

    private String status(long rollout) throws Exception {
        return get("/api/v1/rollouts/" + rollout).path("status").asText();
    }

    private boolean terminalFailure(long rollout) throws Exception {
        return List.of("halted", "cancelled").contains(status(rollout));
    }

    private JsonNode entry(long rollout, String gatewayId) throws Exception {
        for (JsonNode e : get("/api/v1/rollouts/" + rollout + "/gateways").path("items")) {
            if (e.path("gateway").asText().equals(gatewayId)) {
                return e;
            }
        }
        throw new AssertionError("rollout " + rollout + " has no gateway " + gatewayId);
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(bridge.httpUrl() + path)).header("Authorization", "Bearer " + adminToken)
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return json.readTree(response.body());
    }
}
