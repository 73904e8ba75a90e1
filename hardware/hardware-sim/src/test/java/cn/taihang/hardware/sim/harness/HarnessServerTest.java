package cn.taihang.hardware.sim.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The simulator's side of the harness, against gateways played over plain sockets on 127.0.0.1. */
@Tag("loopback")
class HarnessServerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private HarnessServer server;

    @BeforeEach
    void start() throws IOException {
        server = HarnessServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void fiftyNodesEachReceiveTheirEdgesInOrder() throws Exception {
        int nodes = 50;
        int edgesPerNode = 2_000;
        List<RawNode> gateways = new ArrayList<>();
        List<VirtualBoard> boards = new ArrayList<>();
        ExecutorService readers = Executors.newFixedThreadPool(nodes);
        try {
            for (int n = 0; n < nodes; n++) {
                gateways.add(new RawNode(server.port()).say("HELLO gw-" + n + " raspberry-pi-4", "CLAIM 17 IN loop A"));
            }
            for (int n = 0; n < nodes; n++) {
                VirtualBoard board = server.awaitNode("gw-" + n, WAIT);
                assertThat(board.awaitClaimed(17, WAIT)).isTrue();
                boards.add(board);
            }
            List<Future<List<String>>> received = new ArrayList<>();
            for (RawNode gateway : gateways) {
                received.add(readers.submit(() -> {
                    List<String> lines = new ArrayList<>(edgesPerNode);
                    for (int i = 0; i < edgesPerNode; i++) {
                        lines.add(gateway.in.readLine());
                    }
                    return lines;
                }));
            }
            for (int i = 0; i < edgesPerNode; i++) {
                for (VirtualBoard board : boards) {
                    assertThat(board.sendEdge(17, i % 2 == 0, 1_700_000_000_000_000L + i)).isTrue();
                }
            }
            for (Future<List<String>> lines : received) {
                List<String> got = lines.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
                for (int i = 0; i < edgesPerNode; i++) {
                    assertThat(got.get(i)).isEqualTo("EDGE 17 " + (i % 2 == 0 ? 1 : 0) + " " + (1_700_000_000_000_000L + i));
                }
            }
            assertThat(server.boards()).hasSize(nodes);
            assertThat(server.ignoredLines()).isEmpty();
        } finally {
            readers.shutdownNow();
            for (RawNode gateway : gateways) {
                gateway.close();
            }
        }
    }

    @Test
    void listenersAddedBeforeTheNodeConnectsSeeOutputsAndSerialLines() throws Exception {
        VirtualBoard board = server.board("gw-1");
        List<String> seen = new CopyOnWriteArrayList<>();
        board.addOutputListener((pin, high, micros) -> seen.add("OUT " + pin + " " + high + " " + micros));
        board.addTxListener((port, text) -> seen.add("TX " + port + " " + text));
        assertThat(board.isConnected()).isFalse();
        assertThat(board.sendEdge(17, true, 5)).as("nobody to send to").isFalse();

        try (RawNode gateway = new RawNode(server.port())) {
            gateway.say("HELLO gw-1 raspberry-pi-4", "CLAIM 18 OUT gate-1 relay", "OUT 18 1 1700000000000005",
                    "OPEN scanner-1 validator gate-1", "TX scanner-1 BEEP twice");
            await().atMost(WAIT).untilAsserted(() -> assertThat(seen)
                    .containsExactly("OUT 18 true 1700000000000005", "TX scanner-1 BEEP twice"));
            assertThat(board.outputLevel(18)).isTrue();
            assertThat(board.claims()).containsEntry(18, new VirtualBoard.Claim(18, VirtualBoard.Direction.OUT, "gate-1 relay"));
            assertThat(board.openPorts()).containsEntry("scanner-1", "validator gate-1");

            board.sendLine("scanner-1", "TH1:ABC", 42);
            assertThat(gateway.in.readLine()).isEqualTo("LINE scanner-1 42 TH1:ABC");
            gateway.say("RELEASE 18", "CLOSE scanner-1");
            await().atMost(WAIT).until(() -> !board.isClaimed(18) && board.openPorts().isEmpty());
            assertThat(board.outputLevel(18)).as("a released output reads low").isFalse();
        }
        await().atMost(WAIT).until(() -> !board.isConnected());
    }

    @Test
    void badLinesFromAGatewayAreCountedButNeverEndItsConnection() throws Exception {
        try (RawNode gateway = new RawNode(server.port())) {
            gateway.say("HELLO gw-2 raspberry-pi-4", "NONSENSE", "EDGE 17 1 5", "CLAIM x IN y", "x".repeat(20_000),
                    "HELLO gw-2 raspberry-pi-4", "CLAIM 17 IN loop A");
            VirtualBoard board = server.awaitNode("gw-2", WAIT);
            assertThat(board.awaitClaimed(17, WAIT)).isTrue();
            assertThat(server.ignoredLines()).isEqualTo(Map.of("unknown-verb", 1L, "wrong-direction", 2L, "bad-number", 1L,
                    "oversized", 1L));
            assertThat(board.isConnected()).isTrue();
        }
    }

    @Test
    void aConnectionThatDoesNotStartWithHelloIsDropped() throws Exception {
        try (RawNode stranger = new RawNode(server.port())) {
            stranger.say("CLAIM 17 IN loop A");
            assertThat(stranger.in.read()).as("the harness hung up").isEqualTo(-1);
        }
        assertThat(server.ignoredLines()).containsEntry("not-hello-first", 1L);
        assertThat(server.boards()).isEmpty();
    }

    @Test
    void aNodeThatConnectsAgainReplacesItsOldConnection() throws Exception {
        try (RawNode old = new RawNode(server.port()); RawNode fresh = new RawNode(server.port())) {
            old.say("HELLO gw-3 raspberry-pi-4", "CLAIM 17 IN loop A");
            VirtualBoard board = server.awaitNode("gw-3", WAIT);
            assertThat(board.awaitClaimed(17, WAIT)).isTrue();

            fresh.say("HELLO gw-3 raspberry-pi-4", "CLAIM 22 IN loop B");
            assertThat(old.in.read()).as("the old connection is dropped").isEqualTo(-1);
            assertThat(board.awaitClaimed(22, WAIT)).isTrue();
            assertThat(board.claims()).as("claims of the old connection are forgotten").containsOnlyKeys(22);
            assertThat(board.isConnected()).isTrue();
            assertThat(server.connectionsAccepted()).isEqualTo(2);
        }
    }

    @Test
    void waitingForAnAbsentNodeTimesOutWithAHint() {
        assertThatThrownBy(() -> server.awaitNode("gw-absent", Duration.ofMillis(100)))
                .isInstanceOf(TimeoutException.class).hasMessageContaining("gw-absent")
                .hasMessageContaining(String.valueOf(server.port()));
        assertThatThrownBy(() -> server.board("gw absent")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> server.board("gw-1").sendLine("scanner-1", "two\nlines"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTakenPortIsReportedWithWhatToDo() {
        assertThatThrownBy(() -> HarnessServer.start(server.port()))
                .isInstanceOf(IOException.class).hasMessageContaining("pick another harness port");
    }
}
