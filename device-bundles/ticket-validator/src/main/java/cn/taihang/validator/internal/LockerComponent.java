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
import cn.taihang.gateway.api.worker.DeviceWorker;
import cn.taihang.hardware.api.Gpio;
import cn.taihang.hardware.api.HardwareException;
import cn.taihang.hardware.api.SerialPorts;
import cn.taihang.validator.domain.Decision;
import cn.taihang.validator.domain.LockerStock;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
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
public final class LockerComponent implements Device, TicketCheck, ScanStation.Desk {

    static final String PID = "cn.taihang.validator.locker";
    static final String KIND = "rental-key-locker";
    private static final Logger LOG = LoggerFactory.getLogger(LockerComponent.class);

    private final LockerSettings settings;
    private final TrustSource trust;
    private final Clock clock;
    private final DeviceWorker worker;
    private final ScanStation station;
    private volatile LockerDoors doors;
    private final LockerSlots slots;
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
        LockerLedger lockerLedger = new LockerLedger(ledger, settings.device());
        LockerStock stock;
        try {
            stock = new LockerStock(lockerLedger.slots(settings, clock.instant()));
        } catch (LedgerException e) {
            throw LockerSettings.fail(settings.device(), "its slot records cannot be read (" + e.getMessage() + "); check the gateway store");
        }
        this.worker = new DeviceWorker("locker-" + settings.device(), "key locker " + settings.device());
        this.station = new ScanStation(new ScanStation.Setup("locker", settings.rules(), settings.echoVerdict(), settings.publishRejections()), ledger,
                outbox, trust, clock, worker);
        try {
            slots = new LockerSlots(gpio, settings, (slot, open, at) -> worker.execute(() -> {
                if (doors != null) {
                    doors.door(slot, open, at);
                    reschedule();
                }
            }));
        } catch (HardwareException | RuntimeException e) {
            worker.close();
            throw LockerSettings.fail(settings.device(), e.getMessage() + ". Give every slot's lock and door free GPIO pins that no other device uses");
        }
        LockerDoors ready = new LockerDoors(settings, stock, slots, lockerLedger, station.uses(), station.records(), alarms, station::echo);
        try {
            station.open(serial, settings.scannerPort(), settings.scannerBaud(), this);
        } catch (HardwareException | RuntimeException e) {
            slots.close();
            worker.close();
            throw LockerSettings.fail(settings.device(), e.getMessage() + ". Check scannerPort and that no other device holds it");
        }
        doors = ready;
        worker.execute(() -> {
            doors.recover(clock.instant());
            reschedule();
        });
        LOG.info("key locker {} ({} slots, stations {}) ready: scanner on {}, {} keys in stock", settings.device(), settings.slots(), settings.rules().places(),
                settings.scannerPort(), stock.keys());
    }

    @Deactivate
    void deactivate() {
        station.close();
        worker.close();
        slots.close();
        doors.clearAlarms();
        LOG.info("key locker {} stopped: {}, {} completed, {} unlocked but not opened", settings.device(), station.stats().summary(), doors.completed(),
                doors.expired());
    }

    /** Judges a pass and unlocks its slot. Runs on the locker's thread. */
    @Override
    public void scan(String text, Instant at) {
        Decision d = station.judge(text);
        if (!d.verdict().accepted()) {
            station.refuse(d, at);
            return;
        }
        LockerDoors.Choice choice = doors.choose(d);
        if (choice.refusal() != null) {
            station.refuse(choice.refusal(), at);
            return;
        }
        int slot = choice.slot();
        doors.unlock(slot, d, choice.pass(), clock.instant());
        boolean pickup = choice.pass().action() == RentalPass.Action.PICKUP;
        station.accepted(d, at, "ACCEPTED " + d.ticketId() + " SLOT " + slot + " " + (pickup ? "请打开" + slot + "号格取走钥匙 / Open slot " + slot
                + " and take the key" : "请打开" + slot + "号格放回钥匙 / Open slot " + slot + " and put the key in"));
        reschedule();
    }

    private void tick() {
        doors.tick(clock.instant());
        reschedule();
    }

    /** Runs {@link #tick} on the locker's thread now (tests move an injected clock and call this). */
    CompletableFuture<Void> tickNow() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!worker.execute(() -> {
            try {
                tick();
            } finally {
                done.complete(null);
            }
        })) {
            done.completeExceptionally(new IllegalStateException("the locker is stopped"));
        }
        return done;
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
        timer = worker.schedule(() -> {
            timerAt = null;
            tick();
        }, Duration.ofMillis(delay));
    }

    @Override
    public TicketCheckResult check(String scannedText) {
        Decision d = station.testScan(scannedText);
        Map<String, Object> details = new LinkedHashMap<>(CheckDetails.of(d));
        if (d.verdict().accepted()) {
            Decision accepted = d;
            LockerDoors.Choice choice = chooseOnWorker(accepted);
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

    private LockerDoors.Choice chooseOnWorker(Decision accepted) {
        try {
            return worker.submit(() -> doors.choose(accepted)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("key locker " + settings.device() + " could not choose a slot: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while key locker " + settings.device() + " chose a slot", e);
        }
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
        var ring = trust.current().keyRing();
        List<ChannelStatus> channels = new ArrayList<>();
        channels.add(TrustStatus.keyRing(ring, "pass"));
        String ledgerProblem = doors.ledgerProblem();
        channels.add(new ChannelStatus("ledger", ledgerProblem.isEmpty() ? ChannelStatus.State.OK : ChannelStatus.State.FAULT, ledgerProblem.isEmpty() ? "ok" : "failing",
                ledgerProblem.isEmpty() ? "" : ledgerProblem + ": check the gateway store; passes may be refused (LEDGER_FAULT)"));
        channels.add(new ChannelStatus("scans", ChannelStatus.State.OK, station.stats().summary() + "; " + doors.completed() + " completed, " + doors.expired()
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
        return station.stats();
    }
}
