package cn.taihang.distribution;

import cn.taihang.bridge.testing.TestSecurity;
import cn.taihang.bridge.module.Access;
import cn.taihang.bridge.module.Scopes;
import org.junit.jupiter.api.extension.RegisterExtension;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.bridge.Bridge;
import cn.taihang.bridge.BridgeOptions;
import cn.taihang.bridge.RunningBridge;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ticket gate of the real distribution in Felix, on the simulated board, against the real bridge: the bridge's
 * key ring reaches the gateway as a retained fleet command; a scan line in → judged offline → relay pulse out →
 * ticket.redemption record → store → MQTT → the bridge's ticket ledger; a replay and garbage are refused with
 * their codes on the scanner line.
 */
@Tag("framework")
class TicketGateTest {

    @RegisterExtension
    static final TestSecurity SECURITY = new TestSecurity();

    private static final int RELAY = 17;

    @TempDir
    Path dir;

    private final HttpClient http = SECURITY.httpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aScannedTicketOpensTheGateAndItsRedemptionReachesTheBridge() throws Exception {
        try (RunningBridge bridge = Bridge.start(SECURITY.options(dir.resolve("bridge"))).toCompletableFuture().get(60, TimeUnit.SECONDS);
             HarnessServer harness = HarnessServer.start()) {
            String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
            JsonNode ticket = post(bridge, "/api/v1/tickets/orders", "{\"holder\":\"G1234567\",\"items\":[{\"product\":\"bus-t01\",\"date\":\"" + today
                    + "\"},{\"product\":\"scenic-wangmangling\",\"date\":\"" + today + "\"}]}");
            String id = ticket.path("id").asText();
            Path config = Files.writeString(dir.resolve("gateway.json"), """
                    {
                      "cn.taihang.gateway": {"gatewayId": "gw-wangmangling", "site": "wangmangling", "siteName": "王莽岭 Wangmangling"},
                      "cn.taihang.cloudlink": {"brokerUrl": "%s"},
                      "cn.taihang.hardware.sim": {"harnessPort": %d, "nodeId": "gw-wangmangling"},
                      "cn.taihang.validator.gate~entrance-1": {"device": "wml-gate-1", "kind": "SCENIC_ENTRANCE", "places": [2001],
                          "scannerPort": "scanner-1", "relayPin": %d, "greenLedPin": 22, "redLedPin": 23, "buzzerPin": 24}
                    }
                    """.formatted(bridge.brokerUrl(), harness.port(), RELAY));
            try (EmbeddedGateway gateway = EmbeddedGateway.start(new LaunchSpec(config, dir.resolve("data"),
                    DistributionBootTest.DIST.resolve("bundles"), Map.of(), Duration.ofSeconds(20)))) {
                assertThat(gateway.readiness().problems()).isEmpty();
                VirtualBoard board = harness.awaitNode("gw-wangmangling", Duration.ofSeconds(10));
                assertThat(board.awaitPortOpen("scanner-1", Duration.ofSeconds(10)) && board.awaitClaimed(RELAY, Duration.ofSeconds(10))).isTrue();
                List<String> echoed = new CopyOnWriteArrayList<>();
                List<Boolean> relay = new CopyOnWriteArrayList<>();
                board.addTxListener((port, text) -> echoed.add(text));
                board.addOutputListener((pin, high, micros) -> {
                    if (pin == RELAY) {
                        relay.add(high);
                    }
                });
                await().atMost(30, TimeUnit.SECONDS).until(() -> applied(bridge, "ticket-keyring"));

                assertThat(board.sendLine("scanner-1", ticket.path("qr").asText())).isTrue();
                await().until(() -> echoed.size() == 1);
                assertThat(echoed.get(0)).startsWith("ACCEPTED " + id);
                await().until(() -> relay.contains(true));

                await().atMost(30, TimeUnit.SECONDS).until(() -> get(bridge, "/api/v1/tickets/" + id, Access.HOLDER_HEADER, ticket.path("holderToken").asText()).path("redemptions").size() == 1);
                JsonNode redemption = get(bridge, "/api/v1/tickets/" + id, Access.HOLDER_HEADER, ticket.path("holderToken").asText()).path("redemptions").get(0);
                assertThat(redemption.path("gateway").asText()).isEqualTo("gw-wangmangling");
                assertThat(redemption.path("device").asText()).isEqualTo("wml-gate-1");
                assertThat(redemption.path("entitlement").asInt()).isEqualTo(1);

                board.sendLine("scanner-1", ticket.path("qr").asText());
                board.sendLine("scanner-1", "TH1:NOT*A*TICKET~");
                await().until(() -> echoed.size() == 3);
                assertThat(echoed.get(1)).startsWith("REJECTED REPLAYED");
                assertThat(echoed.get(2)).startsWith("REJECTED MALFORMED");
                assertThat(relay.stream().filter(high -> high)).as("the relay opened once").hasSize(1);
                await().atMost(30, TimeUnit.SECONDS).until(() -> get(bridge, "/api/v1/telemetry?kind=ticket.rejection").path("items").size() == 2);
                assertThat(get(bridge, "/api/v1/tickets/conflicts").path("items").size()).isZero();
            }
        }
    }

    private boolean applied(RunningBridge bridge, String command) throws Exception {
        for (JsonNode row : get(bridge, "/api/v1/telemetry?kind=command.result&limit=1000").path("items")) {
            if (row.path("values").path("command").asText().equals(command) && row.path("values").path("ok").asBoolean()) {
                return true;
            }
        }
        return false;
    }

    private JsonNode get(RunningBridge bridge, String path) throws Exception {
        return get(bridge, path, "Authorization", SECURITY.bearer(Scopes.TICKETS_ADMIN, Scopes.TELEMETRY_READ));
    }

    /** As the ticket admin, or (header Holder-Token) as the ticket's holder. */
    private JsonNode get(RunningBridge bridge, String path, String header, String credential) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(bridge.httpUrl() + path)).header(header, credential).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode post(RunningBridge bridge, String path, String body) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(bridge.httpUrl() + path)).header("Authorization", SECURITY.bearer(Scopes.TICKETS_SELL, Scopes.TICKETS_ADMIN, Scopes.TELEMETRY_READ)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(201);
        return json.readTree(response.body());
    }
}
