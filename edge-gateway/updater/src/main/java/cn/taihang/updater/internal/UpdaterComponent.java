package cn.taihang.updater.internal;

import cn.taihang.gateway.api.CommandException;
import cn.taihang.gateway.api.CommandHandler;
import cn.taihang.gateway.api.GatewayHealth;
import cn.taihang.gateway.api.GatewayIdentity;
import cn.taihang.gateway.api.IncomingCommand;
import cn.taihang.gateway.api.Outbox;
import cn.taihang.gateway.api.worker.DaemonThreads;
import cn.taihang.release.ReleaseException;
import cn.taihang.release.UpdateOrder;
import cn.taihang.release.UpdateStep;
import cn.taihang.slots.Phase;
import cn.taihang.slots.SlotControl;
import cn.taihang.slots.SlotException;
import cn.taihang.slots.SlotState;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The updater as an OSGi component: takes the bridge's {@value UpdateOrder#COMMAND} orders (a thin adapter: the work is
 * done by {@link UpdateJob} on the updater's own thread, so the command thread is never held by a download), reports the
 * steps the slots recorded across restarts, and runs the {@link HealthGate} when the framework boots a release on trial.
 * Needs the launcher's {@link SlotControl}, so it is active only on a gateway booted from its slots, and only when
 * {@code cn.taihang.updater} is configured.
 */
@Component(configurationPid = UpdaterConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true, service = CommandHandler.class,
        property = CommandHandler.COMMAND_PROPERTY + "=" + UpdateOrder.COMMAND)
@Designate(ocd = UpdaterConfig.class)
public final class UpdaterComponent implements CommandHandler {

    /** Framework property naming the gateway's data directory. */
    static final String DATA_DIR_PROPERTY = "taihang.data.dir";

    private final SlotControl slots;
    private final Outcomes outcomes;
    private final StepReporter reporter;
    private final UpdateJob job;
    private final HealthGate gate;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(DaemonThreads.named("updater"));
    private final AtomicReference<Running> current = new AtomicReference<>();

    /** The order being carried out, and whether it was called off. */
    private record Running(UpdateOrder order, AtomicReference<Boolean> cancelled) {}

    /**
     * @throws IOException if the gateway's identity files cannot be read (HTTPS)
     * @throws GeneralSecurityException if they do not make a TLS client
     */
    @Activate
    public UpdaterComponent(UpdaterConfig config, BundleContext context, @Reference(name = "slots") SlotControl slots,
                            @Reference(name = "outbox") Outbox outbox, @Reference(name = "health") GatewayHealth health,
                            @Reference(name = "scr") ServiceComponentRuntime scr, @Reference(name = "admin") ConfigurationAdmin admin,
                            @Reference(name = "identity") GatewayIdentity identity) throws IOException, GeneralSecurityException {
        UpdaterSettings settings = UpdaterSettings.from(config);
        Path data = Path.of(Optional.ofNullable(context.getProperty(DATA_DIR_PROPERTY)).orElse("."));
        this.slots = slots;
        this.outcomes = new Outcomes(data.resolve("updater").resolve("outcomes.properties"));
        this.reporter = new StepReporter(outbox, outcomes);
        ReleaseServer server = ReleaseServer.of(settings, identity.gatewayId());
        BundleFetcher fetcher = new BundleFetcher(server, data.resolve("downloads"), settings.downloadAttempts(), settings.retryPause().toMillis());
        this.job = new UpdateJob(slots, server, fetcher, admin, reporter, settings);
        this.gate = new HealthGate(slots, health, scr, reporter);
        SlotControl.Running running = slots.running();
        if (running.trying()) {
            gate.start(running.release());
        } else {
            worker.execute(() -> reporter.reportSlotEvents(slots));
        }
    }

    @Override
    public String handle(IncomingCommand command) throws CommandException {
        UpdateOrder order;
        try {
            order = UpdateOrder.decode(command.body());
        } catch (ReleaseException e) {
            throw new CommandException(e.getMessage());
        }
        Optional<String> outcome = outcomes.of(order.job());
        if (outcome.isPresent()) {
            return "order " + order.job() + " for release " + order.release() + " already ended: " + outcome.get();
        }
        if (order.action() == UpdateOrder.Action.CANCEL) {
            return cancel(order);
        }
        SlotControl.Running running = slots.running();
        SlotState state = slots.state();
        if (running.release().equals(order.release()) && !running.trying()) {
            worker.execute(() -> reporter.report(order, UpdateStep.COMMITTED, "", "this gateway already runs release " + order.release(), Map.of()));
            return "already runs release " + order.release();
        }
        if (state.phase() == Phase.TRYING && state.pending().release().equals(order.release())) {
            return "release " + order.release() + " is on trial";
        }
        Running previous = current.get();
        if (previous != null && previous.order().job().equals(order.job())) {
            return "order " + order.job() + " is in progress";
        }
        if (previous != null) {
            previous.cancelled().set(true);
        }
        Running next = new Running(order, new AtomicReference<>(false));
        current.set(next);
        worker.execute(() -> {
            try {
                job.install(order, () -> next.cancelled().get());
            } finally {
                current.compareAndSet(next, null);
            }
        });
        return "order " + order.job() + " taken: release " + order.release();
    }

    private String cancel(UpdateOrder order) {
        Running running = current.get();
        if (running != null && running.order().release().equals(order.release())) {
            running.cancelled().set(true);
            return "cancelling order " + running.order().job();
        }
        worker.execute(() -> {
            try {
                boolean dropped = slots.discard(order.release(), "rollout " + order.rollout() + " cancelled");
                reporter.report(order, UpdateStep.CANCELLED, "", dropped ? "the staged release was dropped" : "nothing was pending", Map.of());
            } catch (IOException | SlotException e) {
                reporter.report(order, UpdateStep.CANCELLED, "too-late", "the release stays: " + e.getMessage(), Map.of());
            }
        });
        return "cancel of release " + order.release() + " taken";
    }

    @Deactivate
    void deactivate() {
        gate.close();
        Running running = current.get();
        if (running != null) {
            running.cancelled().set(true);
        }
        worker.shutdownNow();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
