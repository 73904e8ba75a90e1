package cn.taihang.hardware.sim.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.hardware.api.EdgeEvent;
import cn.taihang.hardware.api.InputSpec;
import cn.taihang.hardware.api.Pull;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The simulated board against a hand-driven harness (a plain server socket on 127.0.0.1) that sends
 * what a correct simulator never would.
 */
@Tag("loopback")
class SimHardwareBadInputTest {

    @Test
    void ignoresAndCountsWhatItCannotUseAndKeepsTheConnection() throws Exception {
        try (ServerSocket harness = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            harness.setSoTimeout(10_000);
            SimHardware hardware = SimRig.start(harness.getLocalPort(), "gw-raw");
            try {
                List<EdgeEvent> edges = new CopyOnWriteArrayList<>();
                Socket first = harness.accept();
                BufferedReader fromGateway = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8));
                assertThat(fromGateway.readLine()).isEqualTo("HELLO gw-raw raspberry-pi-4");
                hardware.openInput(new InputSpec(17, Pull.DOWN, "counter lane-1 loop A"), edges::add);
                assertThat(fromGateway.readLine()).isEqualTo("CLAIM 17 IN counter lane-1 loop A");

                OutputStream toGateway = first.getOutputStream();
                toGateway.write(String.join("\n",
                        "GARBAGE",
                        "EDGE 17 2 5",
                        "EDGE x",
                        "x".repeat(100_000),
                        "EDGE 17 1 1000",
                        "EDGE 23 1 1001",
                        "EDGE 17 1 1002",
                        "OUT 17 1 5",
                        "LINE nobody 5 text",
                        "",
                        "EDGE 17 0 900",
                        "EDGE 17 1 1003\r",
                        "EDGE 17 0 1").getBytes(StandardCharsets.UTF_8));
                toGateway.flush();

                await().atMost(SimRig.WAIT).untilAsserted(() -> assertThat(edges).containsExactly(
                        new EdgeEvent(17, true, 1000), new EdgeEvent(17, false, 1000), new EdgeEvent(17, true, 1003)));
                assertThat(hardware.isConnected()).as("bad lines never cost the connection").isTrue();
                await().atMost(SimRig.WAIT).untilAsserted(() -> assertThat(hardware.ignoredLines()).containsExactlyInAnyOrderEntriesOf(
                        java.util.Map.of("unknown-verb", 1L, "bad-level", 1L, "field-count", 1L, "oversized", 1L,
                                "unheld-pin", 1L, "repeated-level", 1L, "wrong-direction", 1L, "unheld-port", 1L,
                                "empty", 1L)));

                first.close();
                Socket second = harness.accept();
                BufferedReader again = new BufferedReader(new InputStreamReader(second.getInputStream(), StandardCharsets.UTF_8));
                assertThat(again.readLine()).isEqualTo("HELLO gw-raw raspberry-pi-4");
                assertThat(again.readLine()).as("claims are re-announced").isEqualTo("CLAIM 17 IN counter lane-1 loop A");
                assertThat(hardware.ignoredLines()).as("the unterminated last line").containsEntry("truncated", 1L);
                second.close();
            } finally {
                hardware.deactivate();
            }
        }
    }
}
