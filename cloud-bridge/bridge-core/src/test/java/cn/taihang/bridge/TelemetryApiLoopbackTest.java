package cn.taihang.bridge;

import cn.taihang.bridge.testing.TestSecurity;
import cn.taihang.bridge.module.Scopes;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Nested;
import cn.taihang.bridge.testing.EngineSuite;
import cn.taihang.bridge.testing.TestStorage;
import cn.taihang.bridge.testing.TestGateway;
import cn.taihang.bridge.testing.Frames;
import cn.taihang.bridge.testing.ApiClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.wire.RecordFrame;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** One bridge with 3 gateways × 40 records whose times collide, queried many ways. */
@Tag("loopback")
class TelemetryApiLoopbackTest {

    @RegisterExtension
    static final TestSecurity SECURITY = new TestSecurity();

    @Nested class OnSqlite extends Contract { OnSqlite() { super(TestStorage.SQLITE); } }

    @Nested class OnPostgresql extends Contract { OnPostgresql() { super(TestStorage.POSTGRESQL); } }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract class Contract extends EngineSuite {

        Contract(TestStorage storage) { super(storage); }

        static final List<String> GATEWAYS = List.of("gw-a", "gw-b", "gw-c");
        static final int PER_GATEWAY = 40;

        RunningBridge bridge;
        ApiClient http;

        @BeforeAll
        void fill(@TempDir Path dir) throws Exception {
            bridge = BridgeCore.start(SECURITY.secure(storage.options(dir)), List.of()).toCompletableFuture().get();
            http = SECURITY.client(bridge, Scopes.TELEMETRY_READ, Scopes.METRICS_READ);
            for (String id : GATEWAYS) {
                try (TestGateway gw = TestGateway.online(SECURITY.pki(), bridge.brokerUrl(), "lingchuan", id)) {
                    List<RecordFrame> frames = new ArrayList<>();
                    for (int i = 0; i < PER_GATEWAY; i++) {
                        // five distinct times only, so ordering must fall back on gateway, then seq
                        frames.add(Frames.counter(1000 + i, Frames.T0 + (i % 5) * 60_000, i % 2 == 0 ? "lane-1" : "lane-2", i));
                    }
                    gw.send(frames.subList(0, 25));
                    gw.send(frames.subList(25, PER_GATEWAY));
                    await().until(() -> gw.ackedSeqs().size() == PER_GATEWAY);
                }
            }
        }

        @AfterAll
        void stop() {
            http.close();
            bridge.close();
        }

        private List<JsonObject> walk(String query, int limit) {
            List<JsonObject> all = new ArrayList<>();
            String after = null;
            int pages = 0;
            do {
                String q = "/api/v1/telemetry?limit=" + limit + query + (after == null ? "" : "&after=" + after);
                JsonObject page = http.json(q);
                page.getJsonArray("items").forEach(o -> all.add((JsonObject) o));
                assertThat(page.getJsonArray("items").size()).isLessThanOrEqualTo(limit);
                after = page.getString("next");
                assertThat(++pages).as("pages").isLessThan(1000);
            } while (after != null);
            return all;
        }

        @Test
        void paginationWalksEveryRowExactlyOnceInOrder() {
            List<JsonObject> rows = walk("", 7);
            assertThat(rows).hasSize(GATEWAYS.size() * PER_GATEWAY);
            Set<String> keys = new HashSet<>();
            rows.forEach(r -> assertThat(keys.add(r.getString("gateway") + "/" + r.getLong("seq"))).as("seen once").isTrue());
            Comparator<JsonObject> order = Comparator.<JsonObject, Instant>comparing(r -> Instant.parse(r.getString("time")))
                    .thenComparing(r -> r.getString("gateway")).thenComparing(r -> r.getLong("seq"));
            assertThat(rows).isSortedAccordingTo(order);
        }

        @Test
        void aPageExactlyAsLargeAsTheRestEndsWithoutNext() {
            JsonObject page = http.json("/api/v1/telemetry?limit=1000");
            assertThat(page.getJsonArray("items")).hasSize(120);
            assertThat(page.getValue("next")).isNull();
            assertThat(page.containsKey("next")).isTrue();
            assertThat(http.json("/api/v1/telemetry?limit=120").getValue("next")).isNull();
            assertThat(http.json("/api/v1/telemetry?limit=119").getString("next")).isNotNull();
            assertThat(http.json("/api/v1/telemetry").getJsonArray("items")).hasSize(100);
        }

        @Test
        void filtersByGatewayDeviceKindAndTime() {
            assertThat(walk("&gateway=gw-b", 9)).hasSize(PER_GATEWAY).allMatch(r -> r.getString("gateway").equals("gw-b"));
            assertThat(walk("&gateway=gw-b&device=lane-2", 50)).hasSize(PER_GATEWAY / 2).allMatch(r -> r.getString("device").equals("lane-2"));
            assertThat(walk("&kind=counter.interval", 500)).hasSize(120);
            assertThat(walk("&kind=ticket.redemption", 500)).isEmpty();
            String from = Instant.ofEpochMilli(Frames.T0 + 60_000).toString();
            String to = enc(Instant.ofEpochMilli(Frames.T0 + 180_000).atOffset(java.time.ZoneOffset.ofHours(8)).toString());
            // times T0+1min and T0+2min: 2 of the 5 time slots, [from, to)
            assertThat(walk("&from=" + from + "&to=" + to, 13)).hasSize(120 * 2 / 5);
            assertThat(walk("&from=" + (Frames.T0 + 240_000), 100)).hasSize(120 / 5);
            assertThat(walk("&gateway=gw-nobody", 10)).isEmpty();
        }

        @Test
        void badParametersAnswer400NamingTheParameter() {
            Map<String, String> cases = Map.ofEntries(
                    Map.entry("limit=0", "limit"),
                    Map.entry("limit=1001", "limit"),
                    Map.entry("limit=ten", "limit"),
                    Map.entry("from=yesterday", "from"),
                    Map.entry("to=2024-13-01T00:00:00Z", "to"),
                    Map.entry("from=2024-11-29T10:00:00Z&to=2024-11-29T09:00:00Z", "to"),
                    Map.entry("after=not-a-cursor", "after"),
                    Map.entry("after=" + enc(java.util.Base64.getUrlEncoder().encodeToString("1:x:y:gw".getBytes(StandardCharsets.UTF_8))), "after"),
                    Map.entry("gateway=GW%20A", "gateway"),
                    Map.entry("device=" + "d".repeat(129), "device"),
                    Map.entry("kind=", "kind"),
                    Map.entry("limit=1&limit=2", "limit"),
                    Map.entry("gatway=gw-a", "gatway"));
            cases.forEach((query, parameter) -> {
                ApiClient.Answer r = http.get("/api/v1/telemetry?" + query);
                assertThat(r.status()).as(query).isEqualTo(400);
                assertThat(r.contentType()).as(query).startsWith("application/problem+json");
                JsonObject problem = r.json();
                assertThat(problem.getString("parameter")).as(query).isEqualTo(parameter);
                assertThat(problem.getString("expected")).as(query).isNotBlank();
                assertThat(problem.getString("detail")).as(query).contains(problem.getString("expected"));
                assertThat(problem.getInteger("status")).isEqualTo(400);
            });
        }

        @Test
        void unknownPathsAnswerAProblem() {
            ApiClient.Answer r = http.unchecked().get("/api/v1/nothing-here");
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.json().getString("detail")).contains("/api/v1/openapi.yaml");
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
