package cn.taihang.distribution.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.bridge.Bridge;
import cn.taihang.bridge.RunningBridge;
import cn.taihang.bridge.module.Scopes;
import cn.taihang.bridge.testing.TestSecurity;
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
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A real gateway — the distribution in Felix — configured by the real bridge over HTTPS and MQTT on 127.0.0.1: a valid
 * push is applied and reported with the new hash; a value outside MetaType's range is refused with nothing changed; a push
 * whose values each fit but make the uplink fail to activate (first backoff above its cap) is rolled back by the gateway and
 * reported once the uplink is back; a change made on the gateway itself (as the console makes it, through
 * ConfigurationAdmin) is reported as drift.
 */
@Tag("framework")
class RemoteConfigurationTest {

    private static final Path DIST = Path.of(System.getProperty("taihang.dist.dir", "target/taihang-gateway"));
    private static final String LINK = "cn.taihang.cloudlink";

    @RegisterExtension
    static final TestSecurity SECURITY = new TestSecurity();

    @TempDir
    Path dir;

    private final HttpClient http = SECURITY.httpClient();
    private final String adminToken = SECURITY.token(Scopes.FLEET_ADMIN, Scopes.TELEMETRY_READ);
    private final ObjectMapper json = new ObjectMapper();
    private RunningBridge bridge;
    private EmbeddedGateway gateway;
    private ConfigurationAdmin admin;

    @BeforeEach
    void start() throws Exception {
        bridge = Bridge.start(SECURITY.options(dir.resolve("bridge"))).toCompletableFuture().get(60, TimeUnit.SECONDS);
        Path identity = SECURITY.pki().gateway("gw-config", "zheshui");
        bridge.commandAnchor().write(identity);
        Path config = Files.writeString(dir.resolve("gateway.json"), """
                {
                  "cn.taihang.gateway": {"gatewayId": "gw-config", "site": "zheshui", "siteName": "浙水 Zheshui", "identityDir": %s},
                  "cn.taihang.cloudlink": {"brokerUrl": "%s", "backoffInitialMillis": 100, "backoffMaxMillis": 1000},
                  "cn.taihang.remoteconfig": {"activationTimeoutSeconds": 30}
                }
                """.formatted(json.writeValueAsString(identity.toString()), bridge.brokerUrl()));
        gateway = EmbeddedGateway.start(new LaunchSpec(config, dir.resolve("data"), DIST.resolve("bundles"), Map.of(), Duration.ofSeconds(20)));
        assertThat(gateway.readiness().problems()).isEmpty();
        var context = gateway.framework().getBundleContext();
        admin = context.getService(context.getServiceReference(ConfigurationAdmin.class));
        await().atMost(60, TimeUnit.SECONDS).until(() -> mine().path("hash").isTextual());
    }

    @AfterEach
    void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (bridge != null) {
            bridge.close();
        }
    }

    @Test
    void aValidPushIsAppliedAnOutOfRangeOneRefusedAFailingOneRolledBackAndConsoleChangesAreDrift() throws Exception {
        String booted = mine().path("hash").asText();

        long first = push("{\"" + LINK + "\": {\"inflightRecords\": 321}}");
        JsonNode applied = awaitOutcome(first);
        assertThat(applied.path("state").asText()).as(applied.toString()).isEqualTo("applied");
        assertThat(applied.path("appliedVersion").asLong()).isEqualTo(first);
        assertThat(link().get("inflightRecords")).as("typed as MetaType declares it").isEqualTo(321);
        assertThat(link().get("brokerUrl")).as("merged into what the gateway holds").isEqualTo(bridge.brokerUrl());
        String afterFirst = applied.path("hash").asText();
        assertThat(afterFirst).hasSize(64).isNotEqualTo(booted);

        Dictionary<String, Object> beforeRefusal = link();
        long refusedVersion = push("{\"" + LINK + "\": {\"keepAliveSeconds\": 1, \"inflightRecords\": 500}}");
        JsonNode refused = awaitOutcome(refusedVersion);
        assertThat(refused.path("state").asText()).as(refused.toString()).isEqualTo("refused");
        assertThat(refused.path("reason").asText()).isEqualTo("invalid");
        assertThat(refused.path("message").asText()).contains("keepAliveSeconds must be at least 5, was 1", "已拒绝");
        assertThat(refused.path("appliedVersion").asLong()).isEqualTo(first);
        assertThat(refused.path("hash").asText()).as("nothing changed").isEqualTo(afterFirst);
        assertThat(link()).as("nothing changed, not even the value that fit").isEqualTo(beforeRefusal);

        long failing = push("{\"" + LINK + "\": {\"keepAliveSeconds\": 20, \"backoffInitialMillis\": 60000}, \"cn.taihang.store\": {\"quotaBytes\": 300000000}}");
        JsonNode rolledBack = awaitOutcome(failing);
        assertThat(rolledBack.path("state").asText()).as(rolledBack.toString()).isEqualTo("rolled-back");
        assertThat(rolledBack.path("reason").asText()).isEqualTo("unhealthy");
        assertThat(rolledBack.path("message").asText()).contains("CloudLinkComponent", "backoff", "已回滚");
        assertThat(link().get("backoffInitialMillis")).as("the previous values are back").isEqualTo(100L);
        assertThat(link().get("keepAliveSeconds")).isNull();
        assertThat(admin.getConfiguration("cn.taihang.store", "?").getProperties()).as("created by the push, deleted by the rollback").isNull();
        assertThat(rolledBack.path("hash").asText()).isEqualTo(afterFirst);
        assertThat(rolledBack.path("appliedVersion").asLong()).isEqualTo(first);

        Configuration onConsole = admin.getConfiguration(LINK, "?");
        Dictionary<String, Object> edited = new Hashtable<>();
        for (var keys = onConsole.getProperties().keys(); keys.hasMoreElements(); ) {
            String k = keys.nextElement();
            edited.put(k, onConsole.getProperties().get(k));
        }
        edited.put("inflightRecords", 400);
        onConsole.update(edited);
        await().atMost(60, TimeUnit.SECONDS).until(() -> mine().path("drifted").asBoolean());
        JsonNode drifted = mine();
        assertThat(drifted.path("drift").asText()).contains(LINK);
        assertThat(drifted.path("hash").asText()).isNotEqualTo(afterFirst);
        assertThat(drifted.path("state").asText()).as("drift does not change the outcome of the last push").isEqualTo("rolled-back");
    }

    private Dictionary<String, Object> link() throws Exception {
        return admin.getConfiguration(LINK, "?").getProperties();
    }

    private JsonNode awaitOutcome(long version) throws Exception {
        await().atMost(90, TimeUnit.SECONDS).until(() -> mine().path("desiredVersion").asLong() == version && !mine().path("state").asText().equals("pending"));
        return mine();
    }

    private long push(String configuration) throws Exception {
        String body = "{\"targets\": {\"gateways\": [\"gw-config\"]}, \"configuration\": " + configuration + "}";
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(bridge.httpUrl() + "/api/v1/configuration"))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(201);
        return json.readTree(response.body()).path("version").asLong();
    }

    private JsonNode mine() throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(bridge.httpUrl() + "/api/v1/configuration/gateways"))
                .header("Authorization", "Bearer " + adminToken).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        for (JsonNode g : json.readTree(response.body()).path("items")) {
            if (g.path("gateway").asText().equals("gw-config")) {
                return g;
            }
        }
        return json.createObjectNode();
    }
}
