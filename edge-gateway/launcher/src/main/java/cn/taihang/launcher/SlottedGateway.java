package cn.taihang.launcher;

import cn.taihang.slots.BootPlan;
import cn.taihang.slots.SlotControl;
import cn.taihang.slots.SlotException;
import cn.taihang.slots.SlotManager;
import cn.taihang.slots.SlotState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gateway booted from its software slots: asks the {@link SlotManager} what to boot, starts it with the slots
 * registered as the {@link SlotControl} service, and when the updater switches or rolls back, stops the framework and
 * boots again — in the same JVM. A release on trial that neither commits nor rolls back within its deadline is rolled
 * back here; one that cannot even start is rolled back at once. If the framework does not stop in time the JVM halts:
 * the state file already says what the next boot must be, and systemd starts it.
 */
public final class SlottedGateway {

    /** Exit status when the framework would not stop for a switch: the supervisor restarts the gateway. */
    public static final int HALT_STATUS = 3;
    /** Framework property: the slot running. */
    public static final String SLOT_PROPERTY = "taihang.slot";

    private static final Logger LOG = LoggerFactory.getLogger(SlottedGateway.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final LaunchSpec spec;
    private final SlotManager slots;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "slot-deadline");
        t.setDaemon(true);
        return t;
    });
    private volatile EmbeddedGateway current;
    private volatile String restartReason;
    private volatile boolean shuttingDown;

    /**
     * @param spec what to launch; its bundles directory is the distribution's own (the {@value SlotState#FACTORY} slot)
     * @param board the gateway's board profile id
     * @throws LaunchException if the slots' state file cannot be read
     */
    public SlottedGateway(LaunchSpec spec, String board) throws LaunchException {
        this.spec = spec;
        try {
            this.slots = SlotManager.open(spec.dataDir().resolve("slots"), spec.bundlesDir(), board, SystemPackages.sharedBundles(spec.bundlesDir()),
                    System::currentTimeMillis);
        } catch (IOException e) {
            throw new LaunchException("cannot read the software slots: " + e.getMessage(), e);
        }
        slots.onRestart(this::restart);
    }

    /** @return the slots */
    public SlotManager slots() {
        return slots;
    }

    /**
     * Boots and keeps booting across switches and rollbacks until the framework stops for another reason (shutdown).
     *
     * @param onBoot told of every boot (the gateway, and the plan it followed)
     * @throws LaunchException if the committed slot cannot start (nothing to fall back to here)
     */
    public void run(Consumer<Boot> onBoot) throws LaunchException, InterruptedException {
        while (!shuttingDown) {
            BootPlan plan;
            try {
                plan = slots.planBoot();
            } catch (IOException e) {
                throw new LaunchException("cannot write the software slots' state: " + e.getMessage(), e);
            }
            plan.notes().forEach(n -> LOG.warn("{}", n));
            restartReason = null;
            long bootNanos = System.nanoTime();
            EmbeddedGateway gateway;
            slots.commitGate(() -> List.of("the framework of release " + plan.release() + " is still starting"));
            try {
                gateway = EmbeddedGateway.start(specFor(plan), context -> context.registerService(SlotControl.class, slots, null));
            } catch (LaunchException e) {
                if (!plan.trying()) {
                    throw e;
                }
                LOG.error("release {} on trial did not start: {}", plan.release(), e.getMessage());
                rollBack(plan.release(), "the release did not start: " + e.getMessage());
                continue;
            }
            current = gateway;
            if (restartReason != null) {
                restart(restartReason);
            }
            slots.commitGate(gateway::problemsNow);
            long left = TimeUnit.SECONDS.toNanos(plan.deadlineSeconds()) - (System.nanoTime() - bootNanos);
            ScheduledFuture<?> deadline = plan.trying() ? timer.schedule(() -> deadlinePassed(plan), Math.max(0, left), TimeUnit.NANOSECONDS) : null;
            onBoot.accept(new Boot(gateway, plan));
            gateway.framework().waitForStop(0);
            if (deadline != null) {
                deadline.cancel(false);
            }
            current = null;
            if (restartReason == null) {
                return;
            }
            LOG.info("framework stopped to {}; booting again", restartReason);
        }
    }

    /**
     * A boot.
     *
     * @param gateway the gateway it started
     * @param plan what the slots said to boot
     */
    public record Boot(EmbeddedGateway gateway, BootPlan plan) {}

    /** Stops the running gateway for good (the JVM is shutting down). */
    public void shutdown(Duration timeout) {
        shuttingDown = true;
        EmbeddedGateway gateway = current;
        if (gateway != null) {
            gateway.stop(timeout);
        }
        timer.shutdownNow();
    }

    private LaunchSpec specFor(BootPlan plan) {
        Map<String, String> properties = new HashMap<>(spec.frameworkProperties());
        properties.put(EmbeddedGateway.VERSION_PROPERTY, plan.slot().equals(SlotState.FACTORY) ? EmbeddedGateway.softwareVersion() : plan.release());
        properties.put(SLOT_PROPERTY, plan.slot());
        return new LaunchSpec(spec.configFile(), spec.dataDir(), plan.bundlesDir(), properties, spec.readyTimeout());
    }

    private void deadlinePassed(BootPlan plan) {
        SlotControl.Running running = slots.running();
        if (running.trying() && running.release().equals(plan.release())) {
            EmbeddedGateway gateway = current;
            String problems = gateway == null ? "" : String.join("; ", gateway.problemsNow());
            LOG.error("release {} did not commit within {} s of its boot; rolling back{}", plan.release(), plan.deadlineSeconds(),
                    problems.isEmpty() ? "" : " (not up: " + problems + ")");
            rollBack(plan.release(), "not committed within " + plan.deadlineSeconds() + " s of its boot" + (problems.isEmpty() ? "" : ": " + problems));
        }
    }

    private void rollBack(String release, String reason) {
        try {
            slots.rollback(release, reason);
        } catch (IOException | SlotException e) {
            LOG.error("cannot record the rollback of {}: {}; halting so that the next boot rolls it back", release, e.getMessage());
            Runtime.getRuntime().halt(HALT_STATUS);
        }
    }

    private void restart(String reason) {
        restartReason = reason;
        EmbeddedGateway gateway = current;
        if (gateway == null) {
            return;
        }
        Thread stopper = new Thread(() -> {
            if (!gateway.stop(STOP_TIMEOUT)) {
                LOG.error("the framework did not stop within {} s to {}; halting (the next start boots what the slots say)", STOP_TIMEOUT.toSeconds(), reason);
                Runtime.getRuntime().halt(HALT_STATUS);
            }
        }, "slot-restart");
        stopper.setDaemon(true);
        stopper.start();
    }
}
