package cn.taihang.simulator.signs;

import cn.taihang.gateway.api.worker.DaemonThreads;
import cn.taihang.hardware.sim.harness.HarnessServer;
import cn.taihang.sign.panel.LineFaults;
import cn.taihang.simulator.fleet.GatewayPlan;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The virtual panels of a simulated network, one behind each sign of {@link SignPlan}, on the gateways' simulated serial
 * ports. Pictures of what each panel shows go to {@code <runDir>/signs/<sign id>.png}, rewritten on every change.
 */
public final class VirtualPanels implements AutoCloseable {

    private final List<VirtualPanel> panels;
    private final ExecutorService writer;
    private final Path imageDir;

    private VirtualPanels(List<VirtualPanel> panels, ExecutorService writer, Path imageDir) {
        this.panels = List.copyOf(panels);
        this.writer = writer;
        this.imageDir = imageDir;
    }

    /**
     * Puts a panel behind every planned sign; call before the gateways start.
     *
     * @param faults makes the faults of each panel's line (same for both directions), e.g. {@code LineFaults::none}
     */
    public static VirtualPanels attach(HarnessServer harness, List<GatewayPlan> plans, Path imageDir, Clock clock,
                                       java.util.function.Supplier<LineFaults> faults) {
        ExecutorService writer = Executors.newSingleThreadExecutor(DaemonThreads.named("panel-pictures"));
        List<VirtualPanel> panels = new ArrayList<>();
        for (GatewayPlan plan : plans) {
            for (SignPlan sign : SignPlan.forGateway(plan)) {
                panels.add(VirtualPanel.onSerial(sign.device(), sign.width(), sign.height(), sign.scheme(), harness.board(plan.gatewayId()),
                        SignPlan.PORT, faults.get(), faults.get(), clock, imageDir.resolve(sign.device() + ".png"), writer::execute));
            }
        }
        return new VirtualPanels(panels, writer, imageDir);
    }

    /** @return every panel */
    public List<VirtualPanel> all() {
        return panels;
    }

    /** @return the panel of a sign */
    public Optional<VirtualPanel> panel(String signId) {
        return panels.stream().filter(p -> p.id().equals(signId)).findFirst();
    }

    /** @return where the pictures are */
    public Path imageDir() {
        return imageDir;
    }

    @Override
    public void close() {
        panels.forEach(VirtualPanel::close);
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
