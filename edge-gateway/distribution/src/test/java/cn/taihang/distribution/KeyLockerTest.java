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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rental key locker of the real distribution in Felix, on the simulated board, against the real bridge: a reservation's
 * passes come from the bridge's ticket service; the pickup pass scanned at the locker unlocks the slot of the held car
 * (lock output high), the door contact opening relocks it, the door shutting sends {@code rental.pickup} — and the bridge
 * marks the reservation active with that car; the return pass opens the empty slot and its close returns the car.
 */
@Tag("framework")
class KeyLockerTest {

    @RegisterExtension
    static final TestSecurity SECURITY = new TestSecurity();

    private static final int[] LOCKS = {16, 20, 21};
    private static final int[] DOORS = {5, 6, 13};
    private static final Pattern ACCEPTED = Pattern.compile("ACCEPTED (\\d+) SLOT (\\d+) .*");

    @TempDir
    Path dir;

    private final HttpClient http = SECURITY.httpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aPickupAndAReturnThroughTheLockerReachTheRentalService() throws Exception {
        try (RunningBridge bridge = Bridge.start(SECURITY.options(dir.resolve("bridge"))).toCompletableFuture().get(60, TimeUnit.SECONDS);
             HarnessServer harness = HarnessServer.start()) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
            String booking = """
                    {"customer": "locker-test", "pickup": {"station": "jincheng-hsr-east", "from": "%s", "until": "%s"},
                     "return": {"station": "jincheng-hsr-east", "from": "%s", "until": "%s"}}""".formatted(now.minus(Duration.ofMinutes(5)),
                    now.plus(Duration.ofMinutes(3)), now.plus(Duration.ofMinutes(3)), now.plus(Duration.ofHours(5)));
            JsonNode reservation = send(bridge, "POST", "/api/v1/rental/reservations", booking, 201);
            String id = reservation.path("id").asText();
            String car = reservation.path("car").asText();
            assertThat(car).as("held at booking: the pickup window is open").startsWith("car-");
            JsonNode passes = send(bridge, "POST", "/api/v1/rental/reservations/" + id + "/passes", null, 200, Access.HOLDER_HEADER, reservation.path("holderToken").asText()).path("items");

            Path config = Enrolment.pinCommandAnchor(bridge, Files.writeString(dir.resolve("gateway.json"), """
                    {
                      "cn.taihang.gateway": {"gatewayId": "gw-jincheng-hsr-east", "site": "jincheng-hsr-east", "siteName": "晋城高铁东站 Jincheng HSR East",
                                             "identityDir": "%s"},
                      "cn.taihang.cloudlink": {"brokerUrl": "%s"},
                      "cn.taihang.hardware.sim": {"harnessPort": %d, "nodeId": "gw-jincheng-hsr-east"},
                      "cn.taihang.validator.locker~hsr-east": {"device": "hsr-east-locker-1", "places": [4001], "scannerPort": "scanner-1",
                          "slotPins": [16, 20, 21], "doorPins": [5, 6, 13], "doorPull": "DOWN", "slotCars": ["%s", "car-099", "-"]}
                    }
                    """.formatted(SECURITY.pki().gateway("gw-jincheng-hsr-east", "jincheng-hsr-east"), bridge.brokerUrl(), harness.port(), car)));
            try (EmbeddedGateway gateway = EmbeddedGateway.start(new LaunchSpec(config, dir.resolve("data"),
                    DistributionBootTest.DIST.resolve("bundles"), Map.of(), Duration.ofSeconds(20)))) {
                assertThat(gateway.readiness().problems()).isEmpty();
                VirtualBoard board = harness.awaitNode("gw-jincheng-hsr-east", Duration.ofSeconds(10));
                assertThat(board.awaitPortOpen("scanner-1", Duration.ofSeconds(10)) && board.awaitClaimed(DOORS[2], Duration.ofSeconds(10))).isTrue();
                List<String> echoed = new CopyOnWriteArrayList<>();
                board.addTxListener((port, text) -> echoed.add(text));
                await().atMost(30, TimeUnit.SECONDS).until(() -> applied(bridge, "ticket-keyring"));

                int slot = open(board, echoed, passes.get(0).path("qrText").asText(), passes.get(0).path("ticketId").asText());
                assertThat(slot).as("the held car's key").isEqualTo(1);
                shut(board, echoed, slot);
                await().atMost(30, TimeUnit.SECONDS).until(() -> send(bridge, "GET", "/api/v1/rental/reservations/" + id, null, 200)
                        .path("state").asText().equals("active"));
                assertThat(send(bridge, "GET", "/api/v1/rental/reservations/" + id, null, 200).path("car").asText()).isEqualTo(car);

                int back = open(board, echoed, passes.get(1).path("qrText").asText(), passes.get(1).path("ticketId").asText());
                assertThat(back).as("the empty slot: the one just emptied").isEqualTo(1);
                shut(board, echoed, back);
                await().atMost(30, TimeUnit.SECONDS).until(() -> send(bridge, "GET", "/api/v1/rental/reservations/" + id, null, 200)
                        .path("state").asText().equals("returned"));
                JsonNode available = send(bridge, "GET", "/api/v1/rental/cars?station=jincheng-hsr-east&state=available", null, 200).path("items");
                assertThat(available.findValuesAsText("id")).contains(car);
                await().atMost(30, TimeUnit.SECONDS).until(() -> send(bridge, "GET", "/api/v1/telemetry?kind=ticket.redemption&limit=1000", null, 200)
                        .path("items").findValues("values").stream().filter(v -> v.path("ticket").asText().equals(passes.get(0).path("ticketId").asText())).count() == 1);

                int before = echoed.size();
                board.sendLine("scanner-1", passes.get(0).path("qrText").asText());
                await().until(() -> echoed.size() > before);
                assertThat(echoed.get(before)).startsWith("REJECTED REPLAYED");
            }
        }
    }

    /** Scans a pass, expects its slot to unlock, opens the door and expects the lock to drop. */
    private int open(VirtualBoard board, List<String> echoed, String qr, String ticket) {
        int before = echoed.size();
        assertThat(board.sendLine("scanner-1", qr)).isTrue();
        await().until(() -> echoed.size() > before);
        Matcher m = ACCEPTED.matcher(echoed.get(before));
        assertThat(m.matches()).as(echoed.get(before)).isTrue();
        assertThat(m.group(1)).isEqualTo(ticket);
        int slot = Integer.parseInt(m.group(2));
        await().until(() -> board.outputLevel(LOCKS[slot - 1]));
        board.sendEdge(DOORS[slot - 1], true, micros(Instant.now()));
        await().until(() -> !board.outputLevel(LOCKS[slot - 1]));
        return slot;
    }

    /** Shuts the slot's door and waits for the locker to say the pickup or return is done. */
    private void shut(VirtualBoard board, List<String> echoed, int slot) {
        board.sendEdge(DOORS[slot - 1], false, micros(Instant.now()));
        await().atMost(10, TimeUnit.SECONDS).until(() -> echoed.stream().filter(l -> l.startsWith("DONE SLOT " + slot)).count()
                == echoed.stream().filter(l -> l.startsWith("ACCEPTED")).count());
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000 + t.getNano() / 1000;
    }

    private boolean applied(RunningBridge bridge, String command) throws Exception {
        for (JsonNode row : send(bridge, "GET", "/api/v1/telemetry?kind=command.result&limit=1000", null, 200).path("items")) {
            if (row.path("values").path("command").asText().equals(command) && row.path("values").path("ok").asBoolean()) {
                return true;
            }
        }
        return false;
    }

    private JsonNode send(RunningBridge bridge, String method, String path, String body, int expected) throws Exception {
        return send(bridge, method, path, body, expected, "Authorization", SECURITY.bearer(Scopes.RENTAL_DESK, Scopes.TELEMETRY_READ));
    }

    /** As the rental desk, or (header Holder-Token) as the reservation's holder. */
    private JsonNode send(RunningBridge bridge, String method, String path, String body, int expected, String header, String credential) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(bridge.httpUrl() + path)).header(header, credential).header("Content-Type", "application/json");
        request = body == null && method.equals("GET") ? request.GET() : request.method(method, HttpRequest.BodyPublishers.ofString(body == null ? "" : body));
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(method + " " + path + ": " + new String(response.body())).isEqualTo(expected);
        return json.readTree(response.body());
    }
}
