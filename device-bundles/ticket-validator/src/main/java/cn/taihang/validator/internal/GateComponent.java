package cn.taihang.validator.internal;

import cn.taihang.gateway.api.Alarm;
import cn.taihang.gateway.api.AlarmSeverity;
import cn.taihang.gateway.api.Alarms;
import cn.taihang.gateway.api.ChannelStatus;
import cn.taihang.gateway.api.Device;
import cn.taihang.gateway.api.LedgerException;
import cn.taihang.gateway.api.LocalLedger;
import cn.taihang.gateway.api.Outbox;
import cn.taihang.gateway.api.ScanEntry;
import cn.taihang.gateway.api.TicketCheck;
import cn.taihang.gateway.api.TicketCheckResult;
import cn.taihang.gateway.api.worker.DeviceWorker;
import cn.taihang.hardware.api.Gpio;
import cn.taihang.hardware.api.HardwareException;
import cn.taihang.hardware.api.SerialPorts;
import cn.taihang.validator.domain.ClockJumpWatch;
import cn.taihang.validator.domain.Decision;
import cn.taihang.validator.domain.Trust;
import cn.taihang.validator.domain.UseState;
import cn.taihang.validator.domain.Verdict;
import cn.taihang.wire.ticket.KeyRing;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ticket gate: lines from the QR scanner are judged on the gate's own thread ({@link ScanStation}: beyond
 * {@value ScanStation#QUEUE} waiting scans a scan is refused BUSY), an accept is written to the ledger before the
 * relay opens, then published as a critical record; every verdict is echoed to the scanner port, shown on
 * the lights and buzzer, and counted. Registered as a {@link Device} (kind {@value #KIND}) and as the gate's
 * {@link TicketCheck}.
 */
@Component(name = GateComponent.PID, configurationPid = GateComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {Device.class, TicketCheck.class}, immediate = true)
@Designate(ocd = GateConfiguration.class, factory = true)
public final class GateComponent implements Device, TicketCheck, ScanStation.Desk {

    static final String PID = "cn.taihang.validator.gate";
    static final String KIND = "ticket-validator";
    private static final Logger LOG = LoggerFactory.getLogger(GateComponent.class);
    private static final int CAS_ATTEMPTS = 3;

    private final GateSettings settings;
    private final TrustSource trust;
    private final DeviceWorker worker;
    private final ScanStation station;
    private final GateOutputs outputs;
    private final Clock clock;
    private final LongSupplier monotonicNanos;
    private final ClockJumpWatch clockWatch;
    private volatile String ledgerProblem = "";
    private volatile Alarms alarms;
    private volatile boolean clockAlarmRaised;

    /** Activated by DS with the gate's factory configuration. */
    @Activate
    public GateComponent(@Reference(name = "gpio") Gpio gpio, @Reference(name = "serial") SerialPorts serial,
                         @Reference(name = "outbox") Outbox outbox, @Reference(name = "ledger") LocalLedger ledger,
                         @Reference(name = "trust") TrustSource trust, GateConfiguration configuration, Map<String, Object> properties) {
        this(gpio, serial, outbox, ledger, trust, GateSettings.from(configuration, properties), Clock.systemUTC());
    }

    GateComponent(Gpio gpio, SerialPorts serial, Outbox outbox, LocalLedger ledger, TrustSource trust, GateSettings settings, Clock clock) {
        this(gpio, serial, outbox, ledger, trust, settings, clock, System::nanoTime);
    }

    /** @param monotonicNanos a clock that never steps, to notice the wall clock going back */
    GateComponent(Gpio gpio, SerialPorts serial, Outbox outbox, LocalLedger ledger, TrustSource trust, GateSettings settings, Clock clock,
                  LongSupplier monotonicNanos) {
        this.settings = settings;
        this.clock = clock;
        this.monotonicNanos = monotonicNanos;
        this.clockWatch = new ClockJumpWatch(settings.clockJump());
        clockWatch.behind(clock.instant(), monotonicNanos.getAsLong());
        this.trust = trust;
        this.worker = new DeviceWorker("gate-" + settings.device(), "ticket gate " + settings.device());
        this.station = new ScanStation(new ScanStation.Setup("gate", settings.rules(), settings.echoVerdict(), settings.publishRejections()), ledger, outbox,
                trust, clock, worker);
        try {
            outputs = new GateOutputs(gpio, settings.device(), settings.relayPin(), settings.relayPulse(), settings.greenPin(), settings.redPin(),
                    settings.buzzerPin());
        } catch (HardwareException e) {
            worker.close();
            throw GateSettings.fail(settings.device(), e.getMessage() + ". Give the gate free GPIO pins that no other device uses");
        }
        try {
            station.open(serial, settings.scannerPort(), settings.scannerBaud(), this);
        } catch (HardwareException | RuntimeException e) {
            outputs.close();
            worker.close();
            throw GateSettings.fail(settings.device(), e.getMessage() + ". Check scannerPort and that no other device holds it");
        }
        LOG.info("ticket gate {} ({} {}) ready: scanner on {}, relay on GPIO {}", settings.device(), settings.rules().kind(), settings.rules().places(),
                settings.scannerPort(), settings.relayPin());
    }

    /** The gateway's alarms, for a clock stepped back; optional (without it the gate still refuses, and its status says why). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setAlarms(Alarms bound) {
        alarms = bound;
    }

    void unsetAlarms(Alarms gone) {
        if (alarms == gone) {
            alarms = null;
        }
    }

    @Deactivate
    void deactivate() {
        clearClockAlarm("the gate stopped");
        station.close();
        worker.close();
        outputs.close();
        LOG.info("ticket gate {} stopped: {}", settings.device(), station.stats().summary());
    }

    /** Judges a scan, records an accept in the ledger (then opens), answers and publishes. Runs on the gate's thread. */
    @Override
    public void scan(String text, Instant at) {
        if (clockSteppedBack()) {
            station.refuse(Decision.refused(Verdict.CLOCK_FAULT, "the gateway clock went back more than " + settings.clockJump().toSeconds()
                    + " s; scans are refused until it is right again"), at);
            return;
        }
        Decision decision = null;
        for (int attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
            decision = station.judge(text);
            if (decision.verdict() == Verdict.LEDGER_FAULT) {
                ledgerProblem = decision.detail();
            }
            if (!decision.verdict().accepted()) {
                break;
            }
            try {
                Optional<UseState> written = station.uses().recordUse(decision, settings.device(), at);
                ledgerProblem = "";
                if (written.isPresent()) {
                    outputs.pass();
                    station.records().redemption(decision, written.get().uses(), at);
                    station.accepted(decision, at, "ACCEPTED " + decision.ticketId() + " " + decision.verdict().message());
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
        station.refuse(decision, at);
    }

    /** @return whether the wall clock is too far behind the monotonic one; raises the alarm then, clears it once it is right */
    private boolean clockSteppedBack() {
        Duration behind = clockWatch.behind(clock.instant(), monotonicNanos.getAsLong());
        if (!clockWatch.tooFarBack(behind)) {
            clearClockAlarm("the clock is right again");
            return false;
        }
        Alarms now = alarms;
        if (!clockAlarmRaised && now != null) {
            clockAlarmRaised = true;
            now.raise(new Alarm(clockAlarmId(), "clock-jump", AlarmSeverity.CRITICAL, settings.device(), "检票闸机 " + settings.device()
                    + " 时钟回拨 " + behind.toMinutes() + " 分钟，暂停检票 / Ticket gate " + settings.device() + ": the clock went back "
                    + behind.toMinutes() + " min, scans refused", clock.instant(), Map.of("behindSeconds", behind.toSeconds())));
        }
        return true;
    }

    private void clearClockAlarm(String reason) {
        Alarms now = alarms;
        if (clockAlarmRaised && now != null) {
            clockAlarmRaised = false;
            now.clear(clockAlarmId(), reason);
        }
    }

    private String clockAlarmId() {
        return "clock-jump@" + settings.device();
    }

    @Override
    public void showRefusal() {
        outputs.refuse();
    }

    @Override
    public TicketCheckResult check(String scannedText) {
        Decision d = station.testScan(scannedText);
        return new TicketCheckResult(settings.device(), d.verdict().accepted(), d.verdict().name(), d.verdict().message(), CheckDetails.of(d));
    }

    @Override
    public List<ScanEntry> recentScans(int max) {
        return station.recent(max);
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
        Instant last = station.stats().lastScan();
        String echoProblem = station.echoProblem();
        ScanRecords records = station.records();
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
                new ChannelStatus("scans", records.lastProblem().isEmpty() ? ChannelStatus.State.OK : ChannelStatus.State.DEGRADED, station.stats().summary(),
                        records.lastProblem().isEmpty() ? "" : records.failures() + " records refused by the outbox, latest " + records.lastProblem()
                                + ": check the gateway store"));
    }

    /** @return the counters (tests, console) */
    ScanStats stats() {
        return station.stats();
    }
}
