package cn.taihang.validator.internal;

import cn.taihang.gateway.api.Alarms;
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
import cn.taihang.validator.domain.LockerStock;
import cn.taihang.validator.domain.TicketJudge;
import cn.taihang.validator.domain.Verdict;
import cn.taihang.wire.ticket.RentalPass;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One rental key locker. A scanned rental pass is judged offline like a gate ticket (signature, deny list, station,
 * window, uses); an accepted pass unlocks the slot {@link LockerStock} chooses. The door opening uses the pass (ledger)
 * and relocks the latch; the door shutting completes the pickup or return: the slot's content changes and a CRITICAL
 * {@code rental.pickup} / {@code rental.return} record, timed at the close, goes to the bridge. A door never opened
 * within the unlock time relocks and leaves the pass unused; a door left open, or forced, raises an alarm. Scans, door
 * edges and deadlines all run on the locker's one thread; the open door of a pass survives a restart (ledger).
 */
@Component(name = LockerComponent.PID, configurationPid = LockerComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {Device.class, TicketCheck.class}, immediate = true)
@Designate(ocd = LockerConfiguration.class, factory = true)
public final class LockerComponent implements Device, TicketCheck, LineListener {

    static final String PID = "cn.taihang.validator.locker";
    static final String KIND = "rental-key-locker";
    private static final Logger LOG = LoggerFactory.getLogger(LockerComponent.class);
    private final java.util.concurrent.atomic.AtomicBoolean internalErrorLogged = new java.util.concurrent.atomic.AtomicBoolean();
    private static final int QUEUE = 64;
    private static final int MAX_LINE = 1024;

    private final LockerSettings settings;
    private final TrustSource trust;
    private final Clock clock;
    private final TicketJudge judge;
    private final ScanLedger uses;
    private final ScanRecords records;
    private final ScanStats stats = new ScanStats();
    private final ScheduledThreadPoolExecutor worker;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile LockerDoors doors;
    private final LockerSlots slots;
    private final SerialLine scanner;
    private ScheduledFuture<?> timer;
    private Instant timerAt;

    /** Activated by DS with the locker's factory configuration. */
    @Activate
    public LockerComponent(@Reference(name = "gpio") Gpio gpio, @Reference(name = "serial") SerialPorts serial, @Reference(name = "outbox") Outbox outbox,
                           @Reference(name = "ledger") LocalLedger ledger, @Reference(name = "trust") TrustSource trust,
                           @Reference(name = "alarms") Alarms alarms, LockerConfiguration configuration, Map<String, Object> properties) {
        this(gpio, serial, outbox, ledger, trust, alarms, LockerSettings.from(configuration, properties), Clock.systemUTC());
    }

    LockerComponent(Gpio gpio, SerialPorts serial, Outbox outbox, LocalLedger ledger, TrustSource trust, Alarms alarms, LockerSettings settings,
                    Clock clock) {
        this.settings = settings;
        this.trust = trust;
        this.clock = clock;
        this.judge = new TicketJudge(settings.rules());
        this.uses = new ScanLedger(ledger, settings.rules().skew());
        this.records = new ScanRecords(outbox, settings.device(), settings.rules().kind());
        LockerLedger lockerLedger = new LockerLedger(ledger, settings.device());
        LockerStock stock;
        try {
            stock = new LockerStock(lockerLedger.slots(settings, clock.instant()));
        } catch (LedgerException e) {
            throw LockerSettings.fail(settings.device(), "its slot records cannot be read (" + e.getMessage() + "); check the gateway store");
        }
        this.worker = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "locker-" + settings.device());
            t.setDaemon(true);
            return t;
        });
        worker.setRemoveOnCancelPolicy(true);
        worker.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        try {
            slots = new LockerSlots(gpio, settings, (slot, open, at) -> worker.execute(() -> guarded(() -> {
                if (doors != null) {
                    doors.door(slot, open, at);
                    reschedule();
                }
            })));
        } catch (HardwareException | RuntimeException e) {
            worker.shutdownNow();
            throw LockerSettings.fail(settings.device(), e.getMessage() + ". Give every slot's lock and door free GPIO pins that no other device uses");
        }
        try {
            scanner = serial.open(new SerialSpec(settings.scannerPort(), settings.scannerBaud(), MAX_LINE, "locker " + settings.device() + " scanner"), this);
        } catch (HardwareException | RuntimeException e) {
            slots.close();
            worker.shutdownNow();
            throw LockerSettings.fail(settings.device(), e.getMessage() + ". Check scannerPort and that no other device holds it");
        }
        doors = new LockerDoors(settings, stock, slots, lockerLedger, uses, records, alarms, this::echo);
        worker.execute(() -> guarded(() -> {
            doors.recover(clock.instant());
            reschedule();
        }));
        LOG.info("key locker {} ({} slots, stations {}) ready: scanner on {}, {} keys in stock", settings.device(), settings.slots(), settings.rules().places(),
                settings.scannerPort(), stock.keys());
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
        slots.close();
        doors.clearAlarms();
        LOG.info("key locker {} stopped: {}, {} completed, {} unlocked but not opened", settings.device(), stats.summary(), doors.completed(), doors.expired());
    }

    @Override
    public void onLine(String line, long timestampMicros) {
        Instant at = Instant.ofEpochSecond(timestampMicros / 1_000_000, (timestampMicros % 1_000_000) * 1000);
        String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        if (pending.incrementAndGet() > QUEUE) {
            pending.decrementAndGet();
            stats.count(settings.device(), Verdict.BUSY, "", clock.instant());
            return;
        }
        worker.execute(() -> guarded(() -> {
            pending.decrementAndGet();
            scan(text, at);
        }));
    }

    @Override
    public void onOverflow(int length) {
        worker.execute(() -> guarded(() -> refuse(Decision.refused(Verdict.TOO_LARGE, "a line of " + length + " characters from the scanner"),
                clock.instant())));
    }

    /** Judges a pass and unlocks its slot. Runs on the locker's thread. */
    void scan(String text, Instant at) {
        Decision d = judge.judge(text, clock.instant(), trust.current(), uses);
        if (!d.verdict().accepted()) {
            refuse(d, at);
            return;
        }
        LockerDoors.Choice choice = doors.choose(d);
        if (choice.refusal() != null) {
            refuse(choice.refusal(), at);
            return;
        }
        int slot = choice.slot();
        doors.unlock(slot, d, choice.pass(), clock.instant());
        stats.count(settings.device(), Verdict.ACCEPTED, d.ticketId(), at);
        boolean pickup = choice.pass().action() == RentalPass.Action.PICKUP;
        echo("ACCEPTED " + d.ticketId() + " SLOT " + slot + " " + (pickup ? "请打开" + slot + "号格取走钥匙 / Open slot " + slot + " and take the key"
                : "请打开" + slot + "号格放回钥匙 / Open slot " + slot + " and put the key in"));
        reschedule();
    }

    private void tick() {
        doors.tick(clock.instant());
        reschedule();
    }

    /** Runs {@link #tick} on the locker's thread now (tests move an injected clock and call this). */
    CompletableFuture<Void> tickNow() {
        return CompletableFuture.runAsync(() -> guarded(this::tick), worker);
    }

    private void refuse(Decision d, Instant at) {
        if (settings.publishRejections()) {
            records.rejection(d, at);
        }
        stats.count(settings.device(), d.verdict(), d.ticketId(), at);
        echo("REJECTED " + d.verdict().name() + " " + d.verdict().message());
    }

    private void echo(String line) {
        if (settings.echoVerdict()) {
            try {
                scanner.writeLine(line);
            } catch (HardwareException | RuntimeException e) {
                LOG.debug("locker {}: cannot write to the scanner: {}", settings.device(), e.getMessage());
            }
        }
    }

    private void reschedule() {
        Instant next = doors.nextDeadline().orElse(null);
        if (next == null || next.equals(timerAt)) {
            return;
        }
        if (timer != null) {
            timer.cancel(false);
        }
        timerAt = next;
        long delay = Math.max(0, Duration.between(clock.instant(), next).toMillis());
        timer = worker.schedule(() -> guarded(() -> {
            timerAt = null;
            tick();
        }), delay, TimeUnit.MILLISECONDS);
    }

    private void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            if (internalErrorLogged.compareAndSet(false, true)) {
                LOG.error("key locker {}: internal error, the locker goes on (further ones are not logged); please report it", settings.device(), e);
            }
        }
    }

    @Override
    public TicketCheckResult check(String scannedText) {
        String text = CheckDetails.scannedLine(scannedText);
        Decision d = judge.judge(text, clock.instant(), trust.current(), uses);
        Map<String, Object> details = new LinkedHashMap<>(CheckDetails.of(d));
        if (d.verdict().accepted()) {
            Decision accepted = d;
            LockerDoors.Choice choice = CompletableFuture.supplyAsync(() -> doors.choose(accepted), worker).join();
            if (choice.refusal() != null) {
                d = choice.refusal();
                details.put("detail", d.detail());
            } else {
                details.put("action", choice.pass().action().id());
                details.put("reservation", choice.pass().reservation());
                details.put("slot", choice.slot());
            }
        }
        return new TicketCheckResult(settings.device(), d.verdict().accepted(), d.verdict().name(), d.verdict().message(), details);
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
        var ring = trust.current().keyRing();
        List<ChannelStatus> channels = new ArrayList<>();
        channels.add(TrustStatus.keyRing(ring, "pass"));
        String ledgerProblem = doors.ledgerProblem();
        channels.add(new ChannelStatus("ledger", ledgerProblem.isEmpty() ? ChannelStatus.State.OK : ChannelStatus.State.FAULT, ledgerProblem.isEmpty() ? "ok" : "failing",
                ledgerProblem.isEmpty() ? "" : ledgerProblem + ": check the gateway store; passes may be refused (LEDGER_FAULT)"));
        channels.add(new ChannelStatus("scans", ChannelStatus.State.OK, stats.summary() + "; " + doors.completed() + " completed, " + doors.expired()
                + " unlocked but not opened", ""));
        for (int slot = 1; slot <= settings.slots(); slot++) {
            String problem = slots.problem(slot);
            String summary = doors.summary(slot);
            boolean alarm = summary.contains("alarm");
            channels.add(new ChannelStatus("slot-" + slot, !problem.isEmpty() ? ChannelStatus.State.FAULT : alarm ? ChannelStatus.State.DEGRADED : ChannelStatus.State.OK,
                    summary + "; " + slots.pins(slot), !problem.isEmpty() ? problem + ": check the lock driver and wiring"
                            : alarm ? "the door is open: close it, or check the door contact" : ""));
        }
        return channels;
    }

    /** @return the counters (tests) */
    ScanStats stats() {
        return stats;
    }
}
