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
import cn.taihang.bridge.testing.TestGateway;
import cn.taihang.hardware.sim.harness.HarnessServer;
import cn.taihang.hardware.sim.harness.VirtualBoard;
import cn.taihang.launcher.EmbeddedGateway;
import cn.taihang.launcher.LaunchSpec;
import org.eclipse.paho.client.mqttv3.MqttClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import cn.taihang.wire.Command;
import cn.taihang.wire.CommandCodec;
import cn.taihang.wire.Topics;
import cn.taihang.wire.testing.TestCommandKeys;
import cn.taihang.wire.ticket.DenyList;
import cn.taihang.wire.ticket.Entitlement;
import cn.taihang.wire.ticket.EntitlementKind;
import cn.taihang.wire.ticket.KeyRing;
import cn.taihang.wire.ticket.Ticket;
import cn.taihang.wire.ticket.TicketSigner;
import cn.taihang.wire.ticket.TrustCodec;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * their codes on the scanner line; a forged key ring and deny list (issue 12's intruder) lock nothing.
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

    /** The gate of one test: the gateway in Felix, its board, what its scanner line echoed and its relay did. */
    private record Gate(EmbeddedGateway gateway, VirtualBoard board, List<String> echoed, List<Boolean> relay) implements AutoCloseable {
        @Override
        public void close() {
            gateway.close();
        }
    }

    /** Starts the gateway with one scenic entrance gate, enrolled with the bridge's command anchor, once it holds the key ring. */
    private Gate startGate(RunningBridge bridge, HarnessServer harness) throws Exception {
        Path config = Enrolment.pinCommandAnchor(bridge, Files.writeString(dir.resolve("gateway.json"), """
                {
                  "cn.taihang.gateway": {"gatewayId": "gw-wangmangling", "site": "wangmangling", "siteName": "王莽岭 Wangmangling", "identityDir": "%s"},
                  "cn.taihang.cloudlink": {"brokerUrl": "%s"},
                  "cn.taihang.hardware.sim": {"harnessPort": %d, "nodeId": "gw-wangmangling"},
                  "cn.taihang.validator.gate~entrance-1": {"device": "wml-gate-1", "kind": "SCENIC_ENTRANCE", "places": [2001],
                      "scannerPort": "scanner-1", "relayPin": %d, "greenLedPin": 22, "redLedPin": 23, "buzzerPin": 24}
                }
                """.formatted(SECURITY.pki().gateway("gw-wangmangling", "wangmangling"), bridge.brokerUrl(), harness.port(), RELAY)));
        EmbeddedGateway gateway = EmbeddedGateway.start(new LaunchSpec(config, dir.resolve("data"), DistributionBootTest.DIST.resolve("bundles"), Map.of(),
                Duration.ofSeconds(20)));
        Gate gate = new Gate(gateway, harness.awaitNode("gw-wangmangling", Duration.ofSeconds(10)), new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
        try {
            assertThat(gateway.readiness().problems()).isEmpty();
            assertThat(gate.board().awaitPortOpen("scanner-1", Duration.ofSeconds(10)) && gate.board().awaitClaimed(RELAY, Duration.ofSeconds(10))).isTrue();
            gate.board().addTxListener((port, text) -> gate.echoed().add(text));
            gate.board().addOutputListener((pin, high, micros) -> {
                if (pin == RELAY) {
                    gate.relay().add(high);
                }
            });
            await().atMost(30, TimeUnit.SECONDS).until(() -> appliedCount(bridge, "ticket-keyring") >= 1);
            return gate;
        } catch (Exception | AssertionError e) {
            gateway.close();
            throw e;
        }
    }

    private JsonNode buy(RunningBridge bridge) throws Exception {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        return post(bridge, "/api/v1/tickets/orders", "{\"holder\":\"G1234567\",\"items\":[{\"product\":\"bus-t01\",\"date\":\"" + today
                + "\"},{\"product\":\"scenic-wangmangling\",\"date\":\"" + today + "\"}]}", 201);
    }

    @Test
    void aScannedTicketOpensTheGateAndItsRedemptionReachesTheBridge() throws Exception {
        try (RunningBridge bridge = Bridge.start(SECURITY.options(dir.resolve("bridge"))).toCompletableFuture().get(60, TimeUnit.SECONDS);
             HarnessServer harness = HarnessServer.start()) {
            JsonNode ticket = buy(bridge);
            String id = ticket.path("id").asText();
            try (Gate gate = startGate(bridge, harness)) {
                VirtualBoard board = gate.board();
                List<String> echoed = gate.echoed();
                assertThat(board.sendLine("scanner-1", ticket.path("qr").asText())).isTrue();
                await().until(() -> echoed.size() == 1);
                assertThat(echoed.get(0)).startsWith("ACCEPTED " + id);
                await().until(() -> gate.relay().contains(true));

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
                assertThat(gate.relay().stream().filter(high -> high)).as("the relay opened once").hasSize(1);
                await().atMost(30, TimeUnit.SECONDS).until(() -> get(bridge, "/api/v1/telemetry?kind=ticket.rejection").path("items").size() == 2);
                assertThat(get(bridge, "/api/v1/tickets/conflicts").path("items").size()).isZero();
            }
        }
    }

    /**
     * Issue 12's intruder, holding a stolen bridge instance certificate (so the broker's ACL lets it publish fleet commands;
     * the command key is a different key): a fleet key ring with version 9,000,000 holding the intruder's own ticket key,
     * signed by a command key the gateway never pinned, and an unsigned deny list with version 2^63-2. The gate refuses
     * both (command results and critical alarms reach the bridge), a ticket the intruder signs stays out, and the
     * bridge's own key rotation still takes effect.
     */
    @Test
    void aForgedKeyRingAndDenyListLockNothingAndTheBridgesRotationStillApplies() throws Exception {
        try (RunningBridge bridge = Bridge.start(SECURITY.options(dir.resolve("bridge"))).toCompletableFuture().get(60, TimeUnit.SECONDS);
             HarnessServer harness = HarnessServer.start();
             Gate gate = startGate(bridge, harness);
             MqttClient intruder = TestGateway.connect(bridge.brokerUrl(), SECURITY.pki().bridge("bridge-stolen"), "bridge-stolen")) {
            TicketSigner intrudersTicketKey = new TicketSigner(777, TicketSigner.newPrivateKey(new SecureRandom()));
            byte[] forgedRing = new TrustCodec().encode(new KeyRing(9_000_000, List.of(new KeyRing.Key(777, intrudersTicketKey.publicKey(),
                    KeyRing.KeyState.ACTIVE))));
            long now = System.currentTimeMillis();
            intruder.publish(Topics.fleetCommand("ticket-keyring"), new TestCommandKeys().sign(Command.of(Long.MAX_VALUE - 1, "ticket-keyring",
                    Command.FLEET, now, 0, forgedRing)), 1, false);
            intruder.publish(Topics.fleetCommand("ticket-deny-list"), new CommandCodec().encodeVersion1(new Command(1, Long.MAX_VALUE - 1,
                    "ticket-deny-list", null, now, 0, false, new TrustCodec().encode(new DenyList(Long.MAX_VALUE - 1, List.of())))), 1, false);
            intruder.disconnect();   // both publishes are acknowledged by the broker (QoS 1, synchronous); Paho closes only a disconnected client

            await().atMost(30, TimeUnit.SECONDS).until(() -> refusalAlarms(bridge).size() == 2);
            assertThat(refusalAlarms(bridge)).containsExactlyInAnyOrder("command-refused/bad-signature/fleet/ticket-keyring",
                    "command-refused/unsigned/fleet/ticket-deny-list");
            assertThat(results(bridge, "ticket-keyring", false)).singleElement().satisfies(m -> assertThat(m).contains("refused, bad-signature"));
            assertThat(results(bridge, "ticket-deny-list", false)).singleElement().satisfies(m -> assertThat(m).contains("refused, unsigned"));

            Instant today = Instant.now().truncatedTo(ChronoUnit.MINUTES);
            String forgedTicket = intrudersTicketKey.sign(new Ticket(777, 42, new byte[Ticket.HOLDER_REF_BYTES], today.minus(Duration.ofDays(1)),
                    List.of(Entitlement.of(EntitlementKind.SCENIC_ENTRY, 2001, today.minus(Duration.ofHours(2)), today.plus(Duration.ofHours(8)), 1))));
            gate.board().sendLine("scanner-1", forgedTicket);
            await().until(() -> gate.echoed().size() == 1);
            assertThat(gate.echoed().get(0)).startsWith("REJECTED UNKNOWN_KEY");

            post(bridge, "/api/v1/tickets/keys/rotate", "", 200);
            await().atMost(30, TimeUnit.SECONDS).until(() -> appliedCount(bridge, "ticket-keyring") >= 2);
            JsonNode ticket = buy(bridge);
            gate.board().sendLine("scanner-1", ticket.path("qr").asText());
            await().until(() -> gate.echoed().size() == 2);
            assertThat(gate.echoed().get(1)).as("a ticket of the rotated key opens the gate").startsWith("ACCEPTED " + ticket.path("id").asText());
            assertThat(gate.relay().stream().filter(high -> high)).as("the relay opened for the genuine ticket only").hasSize(1);
        }
    }

    /** @return the ids of the critical command-refused alarms the gateway raised, as the bridge recorded them */
    private List<String> refusalAlarms(RunningBridge bridge) throws Exception {
        List<String> ids = new java.util.ArrayList<>();
        for (JsonNode row : get(bridge, "/api/v1/telemetry?kind=alarm.raised&limit=1000").path("items")) {
            if (row.path("values").path("kind").asText().equals("command-refused") && row.path("values").path("severity").asText().equals("CRITICAL")) {
                ids.add(row.path("values").path("id").asText());
            }
        }
        return ids;
    }

    private List<String> results(RunningBridge bridge, String command, boolean ok) throws Exception {
        List<String> messages = new java.util.ArrayList<>();
        for (JsonNode row : get(bridge, "/api/v1/telemetry?kind=command.result&limit=1000").path("items")) {
            if (row.path("values").path("command").asText().equals(command) && row.path("values").path("ok").asBoolean() == ok) {
                messages.add(row.path("values").path("message").asText());
            }
        }
        return messages;
    }

    private long appliedCount(RunningBridge bridge, String command) throws Exception {
        return results(bridge, command, true).size();
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

    private JsonNode post(RunningBridge bridge, String path, String body, int status) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(bridge.httpUrl() + path)).header("Authorization", SECURITY.bearer(Scopes.TICKETS_SELL, Scopes.TICKETS_ADMIN, Scopes.TELEMETRY_READ)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(status);
        return json.readTree(response.body());
    }
}
