package cn.taihang.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.taihang.bridge.module.Scopes;
import cn.taihang.bridge.testing.ApiClient;
import cn.taihang.bridge.testing.TestSecurity;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP attacks of issue 12, each against the assembled bridge over real TLS on 127.0.0.1: what an intruder on the
 * city network sends, and the refusal it now gets (401 or 403 problem JSON with the reason, or nothing to read).
 */
@Tag("loopback")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpAttackLoopbackTest {

    @RegisterExtension
    static final TestSecurity SECURITY = new TestSecurity();

    private static final String WITHDRAW = "/api/v1/tickets/keys/1/withdraw";

    RunningBridge bridge;
    ApiClient anonymous;
    ApiClient admin;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        bridge = Bridge.start(SECURITY.options(dir)).toCompletableFuture().get();
        anonymous = new ApiClient(bridge);
        admin = anonymous.withToken(SECURITY.token(Scopes.TICKETS_ADMIN, Scopes.FLEET_ADMIN, Scopes.RENTAL_DESK));
    }

    @AfterAll
    void stop() {
        anonymous.close();
        bridge.close();
    }

    private static void refused(ApiClient.Answer a, int status, String reason) {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.mediaType()).isEqualTo("application/problem+json");
        assertThat(a.json().getString("reason")).isEqualTo(reason);
        assertThat(a.header("WWW-Authenticate")).startsWith("Bearer realm=\"taihang-bridge\"");
    }

    private boolean keyOneActive() {
        JsonArray keys = admin.json("/api/v1/tickets/keys").getJsonArray("keys");
        return keys.stream().map(JsonObject.class::cast).anyMatch(k -> k.getInteger("id") == 1 && "active".equals(k.getString("state")));
    }

    @Test
    void withdrawingATicketKeyWithoutATokenIs401AndTheKeyStays() {
        ApiClient.Answer a = anonymous.post(WITHDRAW, null);
        refused(a, 401, "token-missing");
        assertThat(a.json().getString("detail")).contains("tickets:admin");
        assertThat(keyOneActive()).isTrue();
    }

    @Test
    void aTokenWithoutTicketsAdminIs403NamingTheScope() {
        ApiClient.Answer a = anonymous.withToken(SECURITY.token(Scopes.TICKETS_SELL, Scopes.TELEMETRY_READ)).post(WITHDRAW, null);
        refused(a, 403, "insufficient-scope");
        assertThat(a.json().getString("scope")).isEqualTo(Scopes.TICKETS_ADMIN);
        assertThat(a.header("WWW-Authenticate")).contains("error=\"insufficient_scope\"", "scope=\"tickets:admin\"");
        assertThat(keyOneActive()).isTrue();
    }

    @Test
    void forgedExpiredAndForeignTokensAre401WithTheirReason() {
        long now = Instant.now().getEpochSecond();
        JsonObject noExpiry = TestSecurity.claims(Scopes.TICKETS_ADMIN);
        noExpiry.remove("exp");
        Map<String, String> attempts = Map.of(
                SECURITY.foreign(Scopes.TICKETS_ADMIN), "token-signature",
                SECURITY.signed(TestSecurity.claims(Scopes.TICKETS_ADMIN).put("iat", now - 7200).put("exp", now - 3600)), "token-expired",
                SECURITY.signed(TestSecurity.claims(Scopes.TICKETS_ADMIN).put("iss", "https://intruder.example")), "token-issuer",
                SECURITY.signed(TestSecurity.claims(Scopes.TICKETS_ADMIN).put("aud", "another-api")), "token-audience",
                SECURITY.signed(noExpiry), "token-claims",
                unsigned(TestSecurity.claims(Scopes.TICKETS_ADMIN)), "token-malformed",
                "not-a-jwt", "token-malformed");
        attempts.forEach((token, reason) -> {
            ApiClient.Answer a = anonymous.withToken(token).post(WITHDRAW, null);
            refused(a, 401, reason);
            assertThat(a.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
        });
        refused(anonymous.withHeaders(Map.of("Authorization", "Basic YWRtaW46YWRtaW4=")).post(WITHDRAW, null), 401, "token-malformed");
        assertThat(keyOneActive()).isTrue();
    }

    /** An {@code alg: none} token: the classic forgery. */
    private static String unsigned(JsonObject claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.encode().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private JsonObject booking(String customer) {
        Instant pickup = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
        return new JsonObject().put("customer", customer)
                .put("pickup", new JsonObject().put("station", "jincheng-hsr-east").put("from", pickup.toString()).put("until", pickup.plus(Duration.ofHours(2)).toString()))
                .put("return", new JsonObject().put("station", "jincheng-hsr-east").put("from", pickup.plus(Duration.ofDays(1)).toString())
                        .put("until", pickup.plus(Duration.ofDays(1)).plus(Duration.ofHours(9)).toString()));
    }

    @Test
    void theCarListNamesNoReservationAndOnlyTheHolderGetsTheCarKey() {
        JsonObject mine = admin.post("/api/v1/rental/reservations", booking("victim")).json();
        JsonObject other = admin.post("/api/v1/rental/reservations", booking("intruder")).json();
        String id = mine.getString("id");
        ApiClient.Answer cars = admin.get("/api/v1/rental/cars");
        assertThat(cars.status()).isEqualTo(200);
        assertThat(cars.body()).doesNotContain(id).doesNotContain("\"reservation\"");
        refused(anonymous.post("/api/v1/rental/reservations/" + id + "/passes", null), 401, "token-missing");
        refused(admin.post("/api/v1/rental/reservations/" + id + "/passes", null), 403, "insufficient-scope");
        ApiClient.Answer stolen = anonymous.withHolder(other.getString("holderToken")).post("/api/v1/rental/reservations/" + id + "/passes", null);
        ApiClient.Answer unknown = anonymous.withHolder(other.getString("holderToken")).post("/api/v1/rental/reservations/R0000000000/passes", null);
        assertThat(stolen.status()).as("another holder's capability: the same answer as for no such reservation").isEqualTo(404).isEqualTo(unknown.status());
        assertThat(stolen.body()).doesNotContain("qrText");
        ApiClient.Answer own = anonymous.withHolder(mine.getString("holderToken")).post("/api/v1/rental/reservations/" + id + "/passes", null);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().getJsonArray("items")).hasSize(2);
    }

    @Test
    void aCentralSignMessageAbovetheSafetyWarningsNeedsTheOverrideWhichIsAudited() {
        JsonObject message = new JsonObject().put("multi", "[jl3]前方施工").put("priority", 255).put("duration", 10);
        ApiClient operator = anonymous.withToken(SECURITY.token(Scopes.SIGNS_WRITE));
        ApiClient.Answer a = operator.put("/api/v1/signs/sign-hub-1/message", message);
        refused(a, 403, "insufficient-scope");
        assertThat(a.json().getString("scope")).isEqualTo(Scopes.SIGNS_SAFETY_OVERRIDE);
        assertThat(a.json().getString("detail")).contains("249");
        assertThat(operator.put("/api/v1/signs/sign-hub-1/message", message.copy().put("priority", 249)).status()).as("past the cap check: no such sign")
                .isEqualTo(404);
        ApiClient overriding = anonymous.withToken(SECURITY.token(Scopes.SIGNS_WRITE, Scopes.SIGNS_SAFETY_OVERRIDE));
        assertThat(overriding.put("/api/v1/signs/sign-hub-1/message", message).status()).as("allowed, then: no such sign").isEqualTo(404);
        await().untilAsserted(() -> assertThat(admin.json("/api/v1/audit?limit=1000").getJsonArray("items").stream().map(JsonObject.class::cast)
                .filter(e -> "safety override: priority 255 on sign sign-hub-1".equals(e.getString("note"))))
                .as("the audit entry is written once the answer is sent").hasSize(1)
                .allSatisfy(e -> assertThat(e.getString("route")).isEqualTo("PUT /api/v1/signs/{id}/message")));
    }

    @Test
    void metricsNeedTheirScope() {
        refused(anonymous.get("/metrics"), 401, "token-missing");
        refused(anonymous.withToken(SECURITY.token(Scopes.TELEMETRY_READ)).get("/metrics"), 403, "insufficient-scope");
        assertThat(anonymous.withToken(SECURITY.token(Scopes.METRICS_READ)).get("/metrics").body()).contains("bridge_http_refusals_total");
        refused(anonymous.get("/api/v1/gateways"), 401, "token-missing");
        assertThat(anonymous.get("/api/v1/tickets/catalogue").status()).as("the catalogue is public").isEqualTo(200);
    }

    @Test
    void plainHttpGetsNoAnswerAndNoRedirect() {
        HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bridge.httpPort() + "/api/v1/gateways"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        assertThatThrownBy(() -> plain.send(request, HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    }

    private List<JsonObject> withdrawals() {
        return admin.json("/api/v1/audit?limit=1000").getJsonArray("items").stream().map(JsonObject.class::cast)
                .filter(e -> e.getString("route").equals("POST /api/v1/tickets/keys/{keyId}/withdraw")).toList();
    }

    @Test
    void everyStateChangingCallIsAuditedWithWhoWhatAndFromWhere() {
        anonymous.post(WITHDRAW, null);
        anonymous.withToken(SECURITY.token(Scopes.TICKETS_SELL)).post(WITHDRAW, null);
        await().untilAsserted(() -> assertThat(withdrawals()).anySatisfy(e -> assertThat(e.getInteger("status")).isEqualTo(403)));
        assertThat(withdrawals()).anySatisfy(e -> {
            assertThat(e.getString("subject")).isEqualTo("anonymous");
            assertThat(e.getInteger("status")).isEqualTo(401);
            assertThat(e.getJsonObject("target").getString("keyId")).isEqualTo("1");
            assertThat(e.getString("remote")).isEqualTo("127.0.0.1");
        }).anySatisfy(e -> {
            assertThat(e.getString("subject")).isEqualTo("test");
            assertThat(e.getString("client")).isEqualTo("tests");
            assertThat(e.getInteger("status")).isEqualTo(403);
        });
        assertThat(admin.get("/api/v1/audit?limit=0").status()).isEqualTo(400);
        refused(anonymous.withToken(SECURITY.token(Scopes.TELEMETRY_READ)).get("/api/v1/audit"), 403, "insufficient-scope");
    }
}
