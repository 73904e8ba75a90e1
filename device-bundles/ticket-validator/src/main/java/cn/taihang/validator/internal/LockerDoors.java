package cn.taihang.validator.internal;

import cn.taihang.gateway.api.Alarm;
import cn.taihang.gateway.api.AlarmSeverity;
import cn.taihang.gateway.api.Alarms;
import cn.taihang.gateway.api.LedgerException;
import cn.taihang.validator.domain.Decision;
import cn.taihang.validator.domain.DoorWatch;
import cn.taihang.validator.domain.LockerStock;
import cn.taihang.validator.domain.SlotContent;
import cn.taihang.validator.domain.UseLookup;
import cn.taihang.validator.domain.UseState;
import cn.taihang.validator.domain.Verdict;
import cn.taihang.wire.ticket.Entitlement;
import cn.taihang.wire.ticket.RentalPass;
import cn.taihang.wire.ticket.TicketException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A key locker's slots and the passes their doors are open for: which slot a pass opens ({@link LockerStock}), each
 * door's {@link DoorWatch}, and what each step means — the opening uses the pass (ledger) and relocks the latch, the
 * shutting completes the pickup or return (slot content, CRITICAL {@code rental.*} record timed at the close), an unlock
 * window that passes relocks and leaves the pass unused, a door left open or forced raises an alarm. The open door of a
 * pass is kept in the ledger, so a restart resumes it. Not thread-safe: only the locker's thread calls it.
 */
final class LockerDoors {

    private static final Logger LOG = LoggerFactory.getLogger(LockerDoors.class);

    /** A pass a slot is unlocked or open for; {@code decision} is null for one resumed after a restart. */
    private record Session(long ticketId, int entitlement, Instant validUntil, int place, RentalPass pass, SlotContent content, Decision decision) {}

    /**
     * Which slot an accepted pass opens, or why none.
     *
     * @param slot the slot, when {@code refusal} is null
     * @param pass what the pass carries, or null if unreadable
     * @param refusal the refusal, or null
     */
    record Choice(int slot, RentalPass pass, Decision refusal) {}

    private final LockerSettings settings;
    private final LockerStock stock;
    private final LockerSlots slots;
    private final LockerLedger ledger;
    private final ScanLedger uses;
    private final ScanRecords records;
    private final Alarms alarms;
    private final Consumer<String> echo;
    private final DoorWatch[] watches;
    private final Session[] sessions;
    private final String[] summaries;
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong expired = new AtomicLong();
    private boolean recovered;
    private volatile String ledgerProblem = "";

    LockerDoors(LockerSettings settings, LockerStock stock, LockerSlots slots, LockerLedger ledger, ScanLedger uses, ScanRecords records, Alarms alarms,
                Consumer<String> echo) {
        this.settings = settings;
        this.stock = stock;
        this.slots = slots;
        this.ledger = ledger;
        this.uses = uses;
        this.records = records;
        this.alarms = alarms;
        this.echo = echo;
        int n = settings.slots();
        this.watches = new DoorWatch[n + 1];
        this.sessions = new Session[n + 1];
        this.summaries = new String[n + 1];
    }

    /** Resumes the doors that were open for a pass when the locker stopped; raises alarms for doors open without one. */
    void recover(Instant now) {
        List<LockerLedger.OpenDoor> open;
        try {
            open = ledger.openDoors(settings.slots());
        } catch (LedgerException e) {
            ledgerProblem = e.getMessage();
            open = List.of();
        }
        for (int slot = 1; slot <= settings.slots(); slot++) {
            watches[slot] = new DoorWatch(settings.timings());
        }
        for (LockerLedger.OpenDoor d : open) {
            if (d.slot() < 1 || d.slot() > settings.slots()) {
                continue;
            }
            Instant openedAt = Instant.ofEpochMilli(d.openedAtMillis());
            watches[d.slot()] = DoorWatch.resumed(settings.timings(), openedAt, slots.doorOpen(d.slot()), now);
            sessions[d.slot()] = new Session(d.ticketId(), d.entitlement(), Instant.ofEpochMilli(d.validUntilMillis()), d.place(), d.pass(),
                    stock.at(d.slot()), null);
            ensureUse(sessions[d.slot()], openedAt);
            LOG.info("key locker {}: slot {} was open for {} of {} when the gateway stopped; watching its door again", settings.device(), d.slot(),
                    d.pass().action().id(), d.pass().reservation());
        }
        recovered = true;
        for (int slot = 1; slot <= settings.slots(); slot++) {
            if (!watches[slot].inSession()) {
                act(slot, watches[slot].door(slots.doorOpen(slot), now));
            }
            summarise(slot);
        }
    }

    /** Which slot an accepted pass opens, or why none. No side effects. */
    Choice choose(Decision d) {
        RentalPass pass;
        try {
            pass = RentalPass.of(d.ticket());
        } catch (TicketException e) {
            return new Choice(0, null, withVerdict(d, Verdict.MALFORMED, e.getMessage()));
        }
        Set<Integer> busy = new HashSet<>();
        for (int slot = 1; slot <= settings.slots(); slot++) {
            Session s = sessions[slot];
            if (s != null && s.ticketId() == d.ticket().id() && s.entitlement() == d.entitlement()) {
                return new Choice(0, pass, withVerdict(d, Verdict.IN_PROGRESS, "slot " + slot + " is open for this pass"));
            }
            if (watches[slot] == null || !watches[slot].available()) {
                busy.add(slot);
            }
        }
        OptionalInt slot = stock.choose(pass.action(), pass.car(), busy);
        if (slot.isEmpty()) {
            return pass.action() == RentalPass.Action.PICKUP
                    ? new Choice(0, pass, withVerdict(d, Verdict.NO_KEY, "no slot holds a key (" + stock.keys() + " keys, " + busy.size() + " slots busy)"))
                    : new Choice(0, pass, withVerdict(d, Verdict.LOCKER_FULL, "no slot is empty (" + busy.size() + " slots busy)"));
        }
        return new Choice(slot.getAsInt(), pass, null);
    }

    private static Decision withVerdict(Decision d, Verdict verdict, String detail) {
        return new Decision(verdict, d.ticket(), d.entitlement(), d.state(), d.stateVersion(), detail);
    }

    /** Unlocks the chosen slot for an accepted pass. */
    void unlock(int slot, Decision d, RentalPass pass, Instant now) {
        Entitlement e = d.ticket().entitlements().get(d.entitlement());
        sessions[slot] = new Session(d.ticket().id(), d.entitlement(), e.validUntil(), e.place(), pass, stock.at(slot), d);
        watches[slot].unlock(now);
        slots.lock(slot, true);
        summarise(slot);
    }

    /** A door contact changed. */
    void door(int slot, boolean open, Instant at) {
        if (!recovered) {
            return;
        }
        act(slot, watches[slot].door(open, at));
        summarise(slot);
    }

    /** Applies the deadlines that passed by {@code now}. */
    void tick(Instant now) {
        for (int slot = 1; slot <= settings.slots(); slot++) {
            act(slot, watches[slot].tick(now));
            summarise(slot);
        }
    }

    /** @return the earliest deadline of any door, or empty */
    Optional<Instant> nextDeadline() {
        Instant next = null;
        for (int slot = 1; slot <= settings.slots(); slot++) {
            Instant d = watches[slot] == null ? null : watches[slot].nextDeadline().orElse(null);
            if (d != null && (next == null || d.isBefore(next))) {
                next = d;
            }
        }
        return Optional.ofNullable(next);
    }

    private void act(int slot, List<DoorWatch.Step> steps) {
        for (DoorWatch.Step step : steps) {
            Session s = sessions[slot];
            switch (step.kind()) {
                case OPENED -> opened(slot, s, step.at());
                case EXPIRED -> {
                    slots.lock(slot, false);
                    sessions[slot] = null;
                    expired.incrementAndGet();
                    echo.accept("RELOCKED SLOT " + slot + " " + slot + "号格未打开，已重新上锁，请重新扫码 / Slot " + slot + " was not opened and is locked again; scan again");
                }
                case LEFT_OPEN -> alarms.raise(alarm(slot, "locker-door-open", AlarmSeverity.WARNING, "租车钥匙柜 " + slot + " 号格门未关 / Key locker slot "
                        + slot + " left open", step.at()));
                case FORCED_OPEN -> {
                    slots.lock(slot, false);
                    alarms.raise(alarm(slot, "locker-door-forced", AlarmSeverity.CRITICAL, "租车钥匙柜 " + slot + " 号格门被打开 / Key locker slot " + slot
                            + " opened while locked", step.at()));
                }
                case COMPLETED -> completed(slot, s, step.at());
                case CLEARED -> alarms.clear(alarmId(slot), "door shut at " + step.at());
            }
        }
    }

    /** The door opened for the pass: relock the latch, use the pass (door record first, so a restart completes it). */
    private void opened(int slot, Session s, Instant at) {
        slots.lock(slot, false);
        try {
            ledger.opened(new LockerLedger.OpenDoor(slot, s.ticketId(), s.entitlement(), s.validUntil().toEpochMilli(), s.place(), s.pass(),
                    at.toEpochMilli()));
            UseState used = uses.addUse(s.ticketId(), s.entitlement(), s.validUntil(), settings.device(), at);
            ledgerProblem = "";
            if (s.decision() != null) {
                records.redemption(s.decision(), used.uses(), at);
            }
        } catch (LedgerException e) {
            ledgerProblem = e.getMessage();
            LOG.error("key locker {}: slot {} opened for {} but its use could not be stored ({}); the pickup/return is still reported",
                    settings.device(), slot, s.pass().reservation(), e.getMessage());
        }
    }

    /** A resumed door's pass: records its use unless the ledger already has this opening. */
    private void ensureUse(Session s, Instant openedAt) {
        try {
            UseState state = uses.find(s.ticketId(), s.entitlement()).state();
            if (!(state.lastGate().equals(settings.device()) && state.lastAtMillis() == openedAt.toEpochMilli())) {
                uses.addUse(s.ticketId(), s.entitlement(), s.validUntil(), settings.device(), openedAt);
            }
        } catch (LedgerException | UseLookup.LookupFailure e) {
            ledgerProblem = e.getMessage();
        }
    }

    /** The door shut after the pass's opening: the slot's content changes and the bridge is told. */
    private void completed(int slot, Session s, Instant closedAt) {
        sessions[slot] = null;
        boolean pickup = s.pass().action() == RentalPass.Action.PICKUP;
        SlotContent before = s.content();
        SlotContent after = pickup ? SlotContent.empty(closedAt.toEpochMilli())
                : SlotContent.keyOf(s.pass().car(), s.pass().reservation(), closedAt.toEpochMilli());
        stock.set(slot, after);
        try {
            ledger.save(slot, after);
            ledger.shut(slot);
        } catch (LedgerException e) {
            ledgerProblem = e.getMessage();
        }
        String car = pickup ? before.car() : s.pass().car();
        records.rental(s.pass(), car, pickup && before.car().isEmpty() ? before.returnedBy() : null, slot, s.ticketId(), s.place(), closedAt);
        completed.incrementAndGet();
        echo.accept("DONE SLOT " + slot + " " + (pickup ? "取钥匙完成，祝您旅途愉快 / Key taken, have a good trip" : "还钥匙完成，谢谢 / Key returned, thank you"));
        LOG.info("key locker {}: {} of {} complete at slot {} (car {})", settings.device(), s.pass().action().id(), s.pass().reservation(), slot,
                car == null || car.isEmpty() ? "not known here" : car);
    }

    /** Clears the alarms this locker raised (it stops). */
    void clearAlarms() {
        for (int slot = 1; slot <= settings.slots(); slot++) {
            if (watches[slot] != null && watches[slot].alarmed()) {
                alarms.clear(alarmId(slot), "locker stopped");
            }
        }
    }

    private Alarm alarm(int slot, String kind, AlarmSeverity severity, String message, Instant at) {
        return new Alarm(alarmId(slot), kind, severity, settings.device(), message, at, Map.of("slot", slot));
    }

    private String alarmId(int slot) {
        return "locker-door@" + settings.device() + "/" + slot;
    }

    private void summarise(int slot) {
        Session s = sessions[slot];
        summaries[slot] = stock.at(slot).describe() + "; door " + watches[slot] + (s == null ? "" : " (" + s.pass().action().id() + " " + s.pass().reservation() + ")");
    }

    /** @return what slot {@code slot} holds and where its door is, for the status */
    String summary(int slot) {
        return summaries[slot] == null ? "starting" : summaries[slot];
    }

    long completed() {
        return completed.get();
    }

    long expired() {
        return expired.get();
    }

    String ledgerProblem() {
        return ledgerProblem;
    }
}
