package cn.taihang.hardware.sim.internal;

import cn.taihang.hardware.api.Gpio;
import cn.taihang.hardware.api.GpioRig;
import cn.taihang.hardware.sim.harness.HarnessServer;
import cn.taihang.hardware.sim.harness.VirtualBoard;
import cn.taihang.testkit.config.Configs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A simulated board wired to a real harness on loopback; the harness side plays the outside world. */
final class SimRig implements GpioRig {

    static final Duration WAIT = Duration.ofSeconds(10);

    final HarnessServer server;
    final VirtualBoard board;
    final SimHardware hardware;
    private final Map<Integer, List<Boolean>> outputs = new ConcurrentHashMap<>();
    private final AtomicLong clock;

    SimRig(String nodeId) throws Exception {
        this(HarnessServer.start(), nodeId);
    }

    SimRig(HarnessServer server, String nodeId) throws Exception {
        this.server = server;
        this.board = server.board(nodeId);
        board.addOutputListener((pin, high, micros) -> outputs.computeIfAbsent(pin, p -> new CopyOnWriteArrayList<>()).add(high));
        Instant now = Instant.now();
        clock = new AtomicLong(now.getEpochSecond() * 1_000_000L);
        hardware = start(server.port(), nodeId);
        server.awaitNode(nodeId, WAIT);
    }

    static SimHardware start(int port, String nodeId) {
        return new SimHardware(Configs.of(SimConfig.class, Map.of("harnessPort", port, "nodeId", nodeId)));
    }

    @Override
    public Gpio gpio() {
        return hardware;
    }

    @Override
    public void awaitInputReady(int pin) throws Exception {
        if (!board.awaitClaimed(pin, WAIT)) {
            throw new AssertionError("the simulator never saw GPIO " + pin + " claimed");
        }
    }

    /** Drives with a timestamp of the simulated source: strictly increasing, some µs apart. */
    @Override
    public OptionalLong drive(int pin, boolean high) {
        long micros = clock.addAndGet(137);
        if (!board.sendEdge(pin, high, micros)) {
            throw new AssertionError("the gateway is not connected");
        }
        return OptionalLong.of(micros);
    }

    @Override
    public List<Boolean> watchOutput(int pin) {
        return outputs.computeIfAbsent(pin, p -> new CopyOnWriteArrayList<>());
    }

    @Override
    public void close() {
        hardware.deactivate();
        server.close();
    }
}
