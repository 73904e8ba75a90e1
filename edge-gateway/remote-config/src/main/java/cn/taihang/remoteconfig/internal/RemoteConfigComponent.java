package cn.taihang.remoteconfig.internal;

import cn.taihang.gateway.api.CommandException;
import cn.taihang.gateway.api.CommandHandler;
import cn.taihang.gateway.api.GatewayHealth;
import cn.taihang.gateway.api.IncomingCommand;
import cn.taihang.gateway.api.Outbox;
import cn.taihang.gateway.api.worker.DaemonThreads;
import cn.taihang.release.ConfigPush;
import cn.taihang.release.ConfigSchema;
import cn.taihang.release.ReleaseException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The remote configuration as an OSGi component: takes the bridge's {@value ConfigPush#COMMAND} pushes (a thin adapter:
 * the check, the trial and the report run on its own thread, so the command thread is never held — and the uplink a push
 * reconfigures may restart under it), and as a {@link ConfigurationListener} reports changes made on the gateway itself
 * (the console, the installation file) as drift. The outbox and the health are dynamic references: a push that restarts
 * the store does not stop its own trial. Runs with its MetaType defaults when {@value RemoteConfigConfig#PID} is not
 * configured.
 */
@Component(configurationPid = RemoteConfigConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true,
        service = {CommandHandler.class, ConfigurationListener.class}, property = CommandHandler.COMMAND_PROPERTY + "=" + ConfigPush.COMMAND)
@Designate(ocd = RemoteConfigConfig.class)
public final class RemoteConfigComponent implements CommandHandler, ConfigurationListener {

    /** Framework property naming the gateway's data directory. */
    static final String DATA_DIR_PROPERTY = "taihang.data.dir";
    private static final Logger LOG = LoggerFactory.getLogger(RemoteConfigComponent.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Outbox outbox;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile GatewayHealth health;

    private final BundleContext context;
    private final RemoteConfigSettings settings;
    private final PushLedger ledger;
    private final TrialJournal journal;
    private final ConfigReports reports;
    private final ConfigTrial trial;
    private final ConfigurationAdmin admin;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(DaemonThreads.named("remote-config"));
    private final AtomicLong taken = new AtomicLong();
    private final AtomicBoolean stopping = new AtomicBoolean();

    @Activate
    public RemoteConfigComponent(RemoteConfigConfig config, BundleContext context, @Reference(name = "scr") ServiceComponentRuntime scr,
                                 @Reference(name = "admin") ConfigurationAdmin admin) {
        this.context = context;
        this.admin = admin;
        this.settings = RemoteConfigSettings.from(config);
        Path dir = Path.of(Optional.ofNullable(context.getProperty(DATA_DIR_PROPERTY)).orElse(".")).resolve("remote-config");
        this.ledger = new PushLedger(new AtomicFile(dir.resolve("ledger.properties")));
        this.journal = new TrialJournal(new AtomicFile(dir.resolve("trial.json")));
        this.reports = new ConfigReports(() -> outbox);
        this.trial = new ConfigTrial(admin, new ComponentWatch(scr, () -> health), journal, settings.activationTimeout());
        taken.set(ledger.version());
        worker.execute(this::recover);
    }

    @Override
    public String handle(IncomingCommand command) throws CommandException {
        ConfigPush push;
        try {
            push = ConfigPush.decode(command.body());
        } catch (ReleaseException e) {
            throw new CommandException(e.getMessage());
        }
        if (push.version() <= ledger.version()) {
            return "configuration push " + push.version() + " already ended: " + ledger.state();
        }
        long before = taken.getAndAccumulate(push.version(), Math::max);
        if (push.version() <= before) {
            return "configuration push " + push.version() + " is in progress";
        }
        worker.execute(() -> apply(push));
        return "configuration push " + push.version() + " taken";
    }

    private void apply(ConfigPush push) {
        ConfigSchema schema = RunningSchema.of(context);
        PushedConfiguration.Checked checked = PushedConfiguration.check(push.configuration(), schema, settings.protectedPids());
        if (!checked.fits()) {
            end(push.version(), ConfigPush.REFUSED, "invalid", "refused, nothing changed 已拒绝，未作任何更改: " + String.join("; ", checked.problems()),
                    schema, List.of());
            return;
        }
        List<String> keys = List.copyOf(checked.configurations().keySet());
        try {
            ConfigTrial.Outcome outcome = trial.run(push.version(), checked.configurations(), stopping::get);
            end(push.version(), outcome.state(), outcome.reason(), outcome.message(), schema, keys);
        } catch (IOException e) {
            end(push.version(), ConfigPush.REFUSED, "unavailable", "not applied 未应用: " + e.getMessage(), schema, keys);
        } catch (InterruptedException e) {
            LOG.info("configuration push {} interrupted by a stop; its previous values come back at the next start", push.version());
            Thread.currentThread().interrupt();
        }
    }

    private void end(long version, String state, String reason, String message, ConfigSchema schema, List<String> keys) {
        String hash = hash(schema);
        if (reports.report(version, state, reason, message, hash, keys)) {
            ledger.ended(version, state, hash);
        }
    }

    /** At start: a trial cut off by a stop or a power cut is rolled back; a configuration changed while away is drift. */
    private void recover() {
        try {
            Optional<TrialJournal.Entry> interrupted = journal.pending();
            if (interrupted.isPresent()) {
                trial.restore(interrupted.get().previous());
                journal.end();
                end(interrupted.get().version(), ConfigPush.ROLLED_BACK, "interrupted", "the gateway stopped during the trial; the previous values are back"
                        + " 试运行期间网关停止，已恢复原有配置", RunningSchema.of(context), List.copyOf(interrupted.get().previous().keySet()));
                return;
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("an interrupted configuration trial cannot be rolled back: {}", e.toString());
        }
        drift(ledger.hash().isEmpty() ? "first-report" : "changed-while-away", List.of());
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        if (!stopping.get()) {
            worker.execute(() -> drift("changed-on-gateway", List.of(event.getPid())));
        }
    }

    /** Reports the configuration if it is not the one last reported (a push's own changes are, once it ended). */
    private void drift(String reason, List<String> pids) {
        ConfigSchema schema = RunningSchema.of(context);
        String hash = hash(schema);
        if (hash.equals(ledger.hash())) {
            return;
        }
        String message = reason.equals("first-report") ? "the configuration this gateway runs 网关当前运行的配置"
                : "changed on the gateway, not by a push 配置在网关本地被修改（非远程推送）" + (pids.isEmpty() ? "" : ": " + String.join(", ", pids));
        if (reports.report(0, ConfigPush.DRIFT, reason, message, hash, pids)) {
            ledger.reported(hash);
        }
    }

    private String hash(ConfigSchema schema) {
        try {
            return ConfigHash.of(InstalledConfigurations.of(admin), schema);
        } catch (IOException e) {
            LOG.warn("the configuration cannot be listed for its hash: {}", e.getMessage());
            return "-";
        }
    }

    @Deactivate
    void deactivate() {
        stopping.set(true);
        worker.shutdownNow();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
