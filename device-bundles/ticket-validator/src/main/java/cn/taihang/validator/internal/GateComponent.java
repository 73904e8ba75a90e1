package cn.taihang.validator.internal;

import cn.taihang.gateway.api.ChannelStatus;
import cn.taihang.gateway.api.Device;
import cn.taihang.gateway.api.LedgerException;
import cn.taihang.gateway.api.LocalLedger;
import cn.taihang.gateway.api.Outbox;
import cn.taihang.gateway.api.ScanEntry;
import cn.taihang.gateway.api.TicketCheck;
import cn.taihang.gateway.api.TicketCheckResult;
import cn.taihang.hardware.api.Gpio;
import cn.taihang.hardware.api.HardwareException;
import cn.taihang.hardware.api.LineListener;
import cn.taihang.hardware.api.SerialLine;
import cn.taihang.hardware.api.SerialPorts;
import cn.taihang.hardware.api.SerialSpec;
import cn.taihang.validator.domain.Decision;
import cn.taihang.validator.domain.TicketJudge;
import cn.taihang.validator.domain.Trust;
import cn.taihang.validator.domain.UseState;
import cn.taihang.validator.domain.Verdict;
import cn.taihang.wire.ticket.KeyRing;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ticket gate: lines from the QR scanner are judged on the gate's own thread (queue of
 * {@value #QUEUE} scans; beyond it a scan is refused BUSY), an accept is written to the ledger before the
 * relay opens, then published as a critical record; every verdict is echoed to the scanner port, shown on
 * the lights and buzzer, and counted. Registered as a {@link Device} (kind {@value #KIND}) and as the gate's
 * {@link TicketCheck}.
 */
@Component(name = GateComponent.PID, configurationPid = GateComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {Device.class, TicketCheck.class}, immediate = true)
@Designate(ocd = GateConfiguration.class, factory = true)
public final class GateComponent implements Device, TicketCheck, LineListener {

    static final String PID = "cn.taihang.validator.gate";
    static final String KIND = "ticket-validator";
    static final int QUEUE = 64;
    private static final Logger LOG = LoggerFactory.getLogger(GateComponent.class);
    private static final int MAX_LINE = 1024;
    private static final int CAS_ATTEMPTS = 3;

    private final GateSettings settings;
    private final TrustSource trust;
    private final Clock clock;
    private final TicketJudge judge;
    private final ScanLedger ledger;
    private final ScanRecords records;
    private final ScanStats stats = new ScanStats();
    private final GateOutputs outputs;
    private final SerialLine scanner;
    private final ThreadPoolExecutor worker;
    private final AtomicBoolean internalErrorLogged = new AtomicBoolean();
    private volatile String ledgerProblem = "";
    private volatile String echoProblem = "";

    /** Activated by DS with the gate's factory configuration. */
    @Activate
    public GateComponent(@Reference(name = "gpio") Gpio gpio, @Reference(name = "serial") SerialPorts serial,
                         @Reference(name = "outbox") Outbox outbox, @Reference(name = "ledger") LocalLedger ledger,
                         @Reference(name = "trust") TrustSource trust, GateConfiguration configuration, Map<String, Object> properties) {
        this(gpio, serial, outbox, ledger, trust, GateSettings.from(configuration, properties), Clock.systemUTC());
    }

    GateComponent(Gpio gpio, SerialPorts serial, Outbox outbox, LocalLedger ledger, TrustSource trust, GateSettings settings, Clock clock) {
        this.settings = settings;
        this.trust = trust;
        this.clock = clock;
        this.judge = new TicketJudge(settings.rules());
        this.ledger = new ScanLedger(ledger, settings.rules().skew());
        this.records = new ScanRecords(outbox, settings.device(), settings.rules().kind());
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "gate-" + settings.device());
            t.setDaemon(true);
            return t;
        }, (task, executor) -> busy());
        try {
            outputs = new GateOutputs(gpio, settings.device(), settings.relayPin(), settings.relayPulse(), settings.greenPin(), settings.redPin(),
                    settings.buzzerPin());
        } catch (HardwareException e) {
            worker.shutdownNow();
            throw GateSettings.fail(settings.device(), e.getMessage() + ". Give the gate free GPIO pins that no other device uses");
        }
        try {
            scanner = serial.open(new SerialSpec(settings.scannerPort(), settings.scannerBaud(), MAX_LINE, "gate " + settings.device() + " scanner"), this);
        } catch (HardwareException | RuntimeException e) {
            outputs.close();
            worker.shutdownNow();
            throw GateSettings.fail(settings.device(), e.getMessage() + ". Check scannerPort and that no other device holds it");
        }
        LOG.info("ticket gate {} ({} {}) ready: scanner on {}, relay on GPIO {}", settings.device(), settings.rules().kind(), settings.rules().places(),
                settings.scannerPort(), settings.relayPin());
    }

    @Deactivate
    void deactivate() {
        scanner.close();
        worker.shutdown();
        try {
            if (!worker.awaitTermination(2, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
        outputs.close();
        LOG.info("ticket gate {} stopped: {}", settings.device(), stats.summary());
    }

    @Override
    public void onLine(String line, long timestampMicros) {
        Instant at = Instant.ofEpochSecond(timestampMicros / 1_000_000, (timestampMicros % 1_000_000) * 1000);
        String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        worker.execute(() -> guarded(() -> scan(text, at)));
    }

    @Override
    public void onOverflow(int length) {
        worker.execute(() -> guarded(() -> refuse(Decision.refused(Verdict.TOO_LARGE, "a line of " + length + " characters from the scanner"),
                clock.instant())));
    }

    /** Judges a scan, records an accept in the ledger (then opens), answers and publishes. Runs on the gate's thread. */
    void scan(String text, Instant at) {
        Decision decision = null;
        for (int attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
            decision = judge.judge(text, clock.instant(), trust.current(), ledger);
            if (decision.verdict() == Verdict.LEDGER_FAULT) {
                ledgerProblem = decision.detail();
            }
            if (!decision.verdict().accepted()) {
                break;
            }
            try {
                Optional<UseState> written = ledger.recordUse(decision, settings.device(), at);
                ledgerProblem = "";
                if (written.isPresent()) {
                    outputs.pass();
                    records.redemption(decision, written.get().uses(), at);
                    finish(decision, at);
                    return;
                }
            } catch (LedgerException e) {
                ledgerProblem = e.getMessage();
                decision = new Decision(Verdict.LEDGER_FAULT, decision.ticket(), decision.entitlement(), decision.state(), decision.stateVersion(),
                        e.getMessage());
                break;
            }
        }
        if (decision.verdict().accepted()) {
            decision = new Decision(Verdict.LEDGER_FAULT, decision.ticket(), decision.entitlement(), decision.state(), decision.stateVersion(),
                    "the ledger entry kept changing under " + CAS_ATTEMPTS + " attempts; scan again");
        }
        refuse(decision, at);
    }

    private void refuse(Decision decision, Instant at) {
        outputs.refuse();
        if (settings.publishRejections()) {
            records.rejection(decision, at);
        }
        finish(decision, at);
    }

    private void finish(Decision decision, Instant at) {
        stats.count(settings.device(), decision.verdict(), decision.ticketId(), at);
        if (!decision.verdict().accepted()) {
            LOG.debug("gate {}: {} {} {}", settings.device(), decision.verdict(), decision.ticketId(), decision.detail());
        }
        if (settings.echoVerdict()) {
            String line = decision.verdict().accepted() ? "ACCEPTED " + decision.ticketId() + " " + decision.verdict().message()
                    : "REJECTED " + decision.verdict().name() + " " + decision.verdict().message();
            try {
                scanner.writeLine(line);
                echoProblem = "";
            } catch (HardwareException | RuntimeException e) {
                echoProblem = e.getMessage();
            }
        }
    }

    private void busy() {
        stats.count(settings.device(), Verdict.BUSY, "", clock.instant());
    }

    private void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            if (internalErrorLogged.compareAndSet(false, true)) {
                LOG.error("ticket gate {}: internal error on a scan, the gate goes on; please report it", settings.device(), e);
            }
        }
    }

    @Override
    public TicketCheckResult check(String scannedText) {
        String text = CheckDetails.scannedLine(scannedText);
        Decision d = judge.judge(text, clock.instant(), trust.current(), ledger);
        return new TicketCheckResult(settings.device(), d.verdict().accepted(), d.verdict().name(), d.verdict().message(), CheckDetails.of(d));
    }

    @Override
    public List<ScanEntry> recentScans(int max) {
        return stats.recent(max);
    }

    @Override
    public String id() {
        return settings.device();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String description() {
        return settings.description();
    }

    @Override
    public List<ChannelStatus> channels() {
        Trust now = trust.current();
        KeyRing ring = now.keyRing();
        Instant last = stats.lastScan();
        return List.of(
                new ChannelStatus("scanner", echoProblem.isEmpty() ? ChannelStatus.State.OK : ChannelStatus.State.DEGRADED,
                        settings.scannerPort() + (last == null ? ", no scan yet" : ", last scan " + last),
                        echoProblem.isEmpty() ? "" : "cannot write to the scanner port (" + echoProblem + "): check the scanner's cable"),
                new ChannelStatus("relay", outputs.lastProblem().isEmpty() ? ChannelStatus.State.OK : ChannelStatus.State.FAULT,
                        "GPIO " + outputs.relayPin() + (outputs.relayHigh() ? " open" : " closed"),
                        outputs.lastProblem().isEmpty() ? "" : outputs.lastProblem() + ": check the relay driver and wiring"),
                TrustStatus.keyRing(ring, "ticket"),
                new ChannelStatus("deny-list", ChannelStatus.State.OK, "version " + now.denyList().version() + ", " + now.denied().size() + " tickets", ""),
                new ChannelStatus("ledger", ledgerProblem.isEmpty() ? ChannelStatus.State.OK : ChannelStatus.State.FAULT, ledgerProblem.isEmpty() ? "ok" : "failing",
                        ledgerProblem.isEmpty() ? "" : ledgerProblem + ": tickets are refused (LEDGER_FAULT) until the ledger writes again"),
                new ChannelStatus("scans", records.lastProblem().isEmpty() ? ChannelStatus.State.OK : ChannelStatus.State.DEGRADED, stats.summary(),
                        records.lastProblem().isEmpty() ? "" : records.failures() + " records refused by the outbox, latest " + records.lastProblem()
                                + ": check the gateway store"));
    }

    /** @return the counters (tests, console) */
    ScanStats stats() {
        return stats;
    }
}
