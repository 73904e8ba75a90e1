package cn.taihang.hardware.sim.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.taihang.hardware.api.DigitalOutput;
import cn.taihang.hardware.api.EdgeEvent;
import cn.taihang.hardware.api.HardwareException;
import cn.taihang.hardware.api.InputSpec;
import cn.taihang.hardware.api.LineListener;
import cn.taihang.hardware.api.OutputSpec;
import cn.taihang.hardware.api.Pull;
import cn.taihang.hardware.api.SerialLine;
import cn.taihang.hardware.api.SerialSpec;
import cn.taihang.hardware.sim.harness.HarnessServer;
import cn.taihang.hardware.sim.harness.VirtualBoard;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The simulated board against a real harness on 127.0.0.1: dialling, re-announcing, ordering, serial lines. */
@Tag("loopback")
class SimHardwareLoopbackTest {

    private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private SimHardware startHardware(int port, String nodeId) {
        SimHardware hardware = SimRig.start(port, nodeId);
        toClose.add(hardware::deactivate);
        return hardware;
    }

    private HarnessServer startServer(int port) throws Exception {
        HarnessServer server = HarnessServer.start(port);
        toClose.add(server);
        return server;
    }

    @Test
    void dialsUntilTheHarnessAppearsThenAnnouncesWhatItHolds() throws Exception {
        int port = freePort();
        SimHardware hardware = startHardware(port, "gw-late");
        hardware.openInput(new InputSpec(17, Pull.DOWN, "counter lane-1 loop A"), e -> { });
        hardware.openOutput(new OutputSpec(18, true, "gate-1 relay"));
        hardware.open(new SerialSpec("scanner-1", 9600, 256, "validator gate-1"), (line, micros) -> { });
        assertThat(hardware.isConnected()).isFalse();

        HarnessServer server = startServer(port);
        VirtualBoard board = server.awaitNode("gw-late", SimRig.WAIT);

        assertThat(board.awaitPortOpen("scanner-1", SimRig.WAIT)).isTrue();
        assertThat(board.boardId()).isEqualTo("raspberry-pi-4");
        assertThat(board.claims()).containsOnlyKeys(17, 18);
        assertThat(board.claims().get(17)).isEqualTo(new VirtualBoard.Claim(17, VirtualBoard.Direction.IN, "counter lane-1 loop A"));
        assertThat(board.claims().get(18)).isEqualTo(new VirtualBoard.Claim(18, VirtualBoard.Direction.OUT, "gate-1 relay"));
        await().atMost(SimRig.WAIT).until(() -> board.outputLevel(18));
        assertThat(board.openPorts()).containsEntry("scanner-1", "validator gate-1");
    }

    @Test
    void reannouncesEverythingAfterTheHarnessDrops() throws Exception {
        int port = freePort();
        HarnessServer first = startServer(port);
        SimHardware hardware = startHardware(port, "gw-drop");
        first.awaitNode("gw-drop", SimRig.WAIT);
        List<EdgeEvent> edges = new CopyOnWriteArrayList<>();
        hardware.openInput(new InputSpec(17, Pull.DOWN, "counter lane-1 loop A"), edges::add);
        DigitalOutput relay = hardware.openOutput(new OutputSpec(18, false, "gate-1 relay"));
        SerialLine scanner = hardware.open(new SerialSpec("scanner-1", 9600, 256, "validator gate-1"), (line, micros) -> { });

        first.close();
        await().atMost(SimRig.WAIT).until(() -> !hardware.isConnected());
        relay.set(true);
        hardware.openInput(new InputSpec(22, Pull.UP, "counter lane-2 loop A"), e -> { });
        assertThatThrownBy(() -> scanner.writeLine("BEEP"))
                .isInstanceOfSatisfying(HardwareException.class, e -> {
                    assertThat(e.reason()).isEqualTo(HardwareException.Reason.PORT_UNAVAILABLE);
                    assertThat(e.reason().temporary()).isTrue();
                });

        HarnessServer second = startServer(port);
        VirtualBoard board = second.awaitNode("gw-drop", SimRig.WAIT);
        assertThat(board.awaitClaimed(22, SimRig.WAIT)).isTrue();
        assertThat(board.awaitPortOpen("scanner-1", SimRig.WAIT)).isTrue();
        assertThat(board.claims()).containsOnlyKeys(17, 18, 22);
        await().atMost(SimRig.WAIT).until(() -> board.outputLevel(18));

        board.sendEdge(17, true, 1_700_000_000_000_000L);
        await().atMost(SimRig.WAIT).untilAsserted(() -> assertThat(edges).containsExactly(
                new EdgeEvent(17, true, 1_700_000_000_000_000L)));
    }

    @Test
    void deliversManyEdgesOfAPinInOrderWithTheSourceTimestamps() throws Exception {
        SimRig rig = new SimRig("gw-burst");
        toClose.add(rig);
        List<EdgeEvent> edges = new CopyOnWriteArrayList<>();
        rig.hardware.openInput(new InputSpec(17, Pull.DOWN, "counter lane-1 loop A"), edges::add);
        rig.awaitInputReady(17);

        long start = 1_700_000_000_000_000L;
        int count = 20_000;
        for (int i = 0; i < count; i++) {
            rig.board.sendEdge(17, i % 2 == 0, start + i);
        }

        await().atMost(SimRig.WAIT).until(() -> edges.size() == count);
        for (int i = 0; i < count; i++) {
            assertThat(edges.get(i)).isEqualTo(new EdgeEvent(17, i % 2 == 0, start + i));
        }
        assertThat(rig.hardware.ignoredLines()).isEmpty();
    }

    @Test
    void carriesSerialLinesBothWays() throws Exception {
        SimRig rig = new SimRig("gw-serial");
        toClose.add(rig);
        List<String> received = new CopyOnWriteArrayList<>();
        List<String> sent = new CopyOnWriteArrayList<>();
        rig.board.addTxListener((port, text) -> sent.add(port + ":" + text));
        SerialLine scanner = rig.hardware.open(new SerialSpec("scanner-1", 9600, 64, "validator gate-1"), new LineListener() {
            @Override
            public void onLine(String line, long timestampMicros) {
                received.add(line + "@" + timestampMicros);
            }

            @Override
            public void onOverflow(int length) {
                received.add("overflow " + length);
            }
        });
        assertThat(rig.board.awaitPortOpen("scanner-1", SimRig.WAIT)).isTrue();

        rig.board.sendLine("scanner-1", "TH1:6BFOXN%TS3DH 晋城", 1_700_000_000_000_123L);
        rig.board.sendLine("scanner-1", "x".repeat(100), 1_700_000_000_000_200L);
        scanner.writeLine("BEEP twice");

        await().atMost(SimRig.WAIT).untilAsserted(() -> assertThat(received)
                .containsExactly("TH1:6BFOXN%TS3DH 晋城@1700000000000123", "overflow 100"));
        await().atMost(SimRig.WAIT).untilAsserted(() -> assertThat(sent).containsExactly("scanner-1:BEEP twice"));

        assertThatThrownBy(() -> rig.hardware.open(new SerialSpec("scanner-1", 9600, 64, "locker-7"), (l, m) -> { }))
                .isInstanceOfSatisfying(HardwareException.class,
                        e -> assertThat(e.reason()).isEqualTo(HardwareException.Reason.PIN_IN_USE))
                .hasMessageContaining("validator gate-1");
        assertThatThrownBy(() -> rig.hardware.open(new SerialSpec("scanner 2", 9600, 64, "locker-7"), (l, m) -> { }))
                .isInstanceOfSatisfying(HardwareException.class,
                        e -> assertThat(e.reason()).isEqualTo(HardwareException.Reason.NO_SUCH_PIN));

        scanner.close();
        scanner.close();
        await().atMost(SimRig.WAIT).until(() -> rig.board.openPorts().isEmpty());
        assertThatThrownBy(() -> scanner.writeLine("late")).isInstanceOf(IllegalStateException.class);
        rig.hardware.open(new SerialSpec("scanner-1", 9600, 64, "locker-7"), (l, m) -> { }).close();
    }

    @Test
    void ownersThatAreNotOneLineAreFlattenedForTheHarness() throws Exception {
        SimRig rig = new SimRig("gw-owners");
        toClose.add(rig);

        rig.hardware.openInput(new InputSpec(17, Pull.DOWN, "counter\nlane-1\r\nloop A"), e -> { });

        assertThat(rig.board.awaitClaimed(17, SimRig.WAIT)).isTrue();
        assertThat(rig.board.claims().get(17).owner()).isEqualTo("counter lane-1  loop A");
        assertThat(rig.hardware.pins().get(0).owner()).as("the gateway keeps the name as given").isEqualTo("counter\nlane-1\r\nloop A");
    }
}
