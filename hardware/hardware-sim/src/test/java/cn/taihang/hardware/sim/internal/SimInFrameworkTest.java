package cn.taihang.hardware.sim.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.hardware.api.FelixRig;
import cn.taihang.hardware.sim.harness.HarnessServer;
import cn.taihang.hardware.sim.harness.VirtualBoard;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * This bundle (its target/classes) in a real Felix, configured through ConfigAdmin, dialling a real
 * harness on 127.0.0.1 that runs outside the framework, as the simulator runs it.
 */
@Tag("framework")
class SimInFrameworkTest {

    private static final String API = "cn.taihang.hardware-api";

    @Test
    void theConfiguredBoardDialsTheHarnessAndDeliversEdges() throws Exception {
        try (HarnessServer server = HarnessServer.start(); FelixRig felix = new FelixRig()) {
            felix.start(FelixRig.RUNTIME);
            felix.configure(SimConfig.PID, Map.of("harnessPort", server.port(), "nodeId", "gw-felix"));
            felix.start(List.of(SimHardware.class.getName()));
            VirtualBoard board = server.awaitNode("gw-felix", Duration.ofSeconds(20));

            Object gpio = felix.awaitService("cn.taihang.hardware.api.Gpio");
            Class<?> listenerType = felix.bundle(API).loadClass("cn.taihang.hardware.api.EdgeListener");
            List<String> edges = new CopyOnWriteArrayList<>();
            Object listener = Proxy.newProxyInstance(listenerType.getClassLoader(), new Class<?>[] {listenerType},
                    (proxy, method, args) -> method.getName().equals("onEdge") ? edges.add(args[0].toString()) : null);
            Class<?> pull = felix.bundle(API).loadClass("cn.taihang.hardware.api.Pull");
            Class<?> inputSpec = felix.bundle(API).loadClass("cn.taihang.hardware.api.InputSpec");
            Object spec = inputSpec.getConstructor(int.class, pull, String.class)
                    .newInstance(17, pull.getField("DOWN").get(null), "counter lane-1 loop A");
            felix.call(gpio, API, "cn.taihang.hardware.api.Gpio", "openInput", new Class<?>[] {inputSpec, listenerType}, spec, listener);

            assertThat(board.awaitClaimed(17, Duration.ofSeconds(20))).isTrue();
            board.sendEdge(17, true, 1_700_000_000_000_042L);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(edges)
                    .containsExactly("EdgeEvent[pin=17, high=true, timestampMicros=1700000000000042]"));
            assertThat(felix.hasService("cn.taihang.hardware.api.SerialPorts")).isTrue();
        }
    }
}
