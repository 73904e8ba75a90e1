package cn.taihang.validator.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The door of one key-locker slot, as a state machine driven by door edges and the clock (both handed in, so it is
 * tested without waiting):
 * <pre>
 * SHUT ──unlock──▶ UNLOCKED ──door opens──▶ OPEN ──door closes──▶ CLOSING ──stays closed for settle──▶ SHUT
 *                     │  (OPENED: relock, the pass is used)        ▲   │ door opens again (bounce)        (COMPLETED at the close)
 *                     └─ unlock window passes, door never opened ─┘   └───────────────▶ OPEN
 *                        (EXPIRED: relock, the pass is NOT used)
 * </pre>
 * A door open longer than the alarm time raises LEFT_OPEN (once); a door that opens while the slot is locked raises
 * FORCED_OPEN at once; either alarm is CLEARED when the door has settled shut. Not thread-safe: one locker's thread owns
 * it.
 */
public final class DoorWatch {

    /** Where the door is. */
    public enum Phase {
        /** Locked, door shut, nothing going on. */
        SHUT,
        /** Unlocked for a pass, waiting for the door to open. */
        UNLOCKED,
        /** Open. */
        OPEN,
        /** Closed again, waiting to see it stays closed. */
        CLOSING
    }

    /**
     * How long things may take.
     *
     * @param unlock how long the slot stays unlocked waiting for its door to open
     * @param alarmAfter a door open longer than this raises an alarm
     * @param settle a door must stay closed this long to count as closed (contact bounce, a door that swings back)
     */
    public record Timings(Duration unlock, Duration alarmAfter, Duration settle) {
        /** Validates. */
        public Timings {
            if (unlock.isNegative() || unlock.isZero() || alarmAfter.isNegative() || alarmAfter.isZero() || settle.isNegative()) {
                throw new IllegalArgumentException("unlock and alarm times must be positive, the settle time >= 0");
            }
        }
    }

    /** What happened, for the locker to act on. */
    public enum StepKind {
        /** The door opened for the pass: relock the slot (the latch catches when it shuts), record the use. */
        OPENED,
        /** The unlock window passed and the door never opened: relock; the pass was not used. */
        EXPIRED,
        /** The door has stayed open too long: raise the alarm. */
        LEFT_OPEN,
        /** The door opened while the slot was locked: raise the alarm. */
        FORCED_OPEN,
        /** The door shut after a pass's opening: the pickup or return is complete, at {@link Step#at()}. */
        COMPLETED,
        /** The door that raised an alarm has shut: clear it. */
        CLEARED
    }

    /**
     * One thing that happened.
     *
     * @param kind what
     * @param at when it happened (the door edge, or the deadline that passed)
     */
    public record Step(StepKind kind, Instant at) {}

    private final Timings timings;
    private Phase phase = Phase.SHUT;
    private boolean session;
    private boolean alarmed;
    private Instant unlockedUntil;
    private Instant openedAt;
    private Instant closedAt;

    /** @param timings the locker's times */
    public DoorWatch(Timings timings) {
        this.timings = Objects.requireNonNull(timings, "timings");
    }

    /**
     * A door that was opened for a pass before the gateway restarted: the session goes on from there.
     *
     * @param openedAt when the door opened for the pass
     * @param openNow whether the door is open now
     * @param now the clock
     * @return the watch in OPEN, or CLOSING from {@code now}
     */
    public static DoorWatch resumed(Timings timings, Instant openedAt, boolean openNow, Instant now) {
        DoorWatch w = new DoorWatch(timings);
        w.session = true;
        w.phase = Phase.OPEN;
        w.openedAt = openedAt;
        if (!openNow) {
            w.door(false, now);
        }
        return w;
    }

    /** @return the phase */
    public Phase phase() {
        return phase;
    }

    /** @return whether a pass is being served (unlocked, or opened for it and not yet settled shut) */
    public boolean inSession() {
        return session;
    }

    /** @return whether an alarm of this door is raised */
    public boolean alarmed() {
        return alarmed;
    }

    /** @return whether the slot can be unlocked for a pass now */
    public boolean available() {
        return phase == Phase.SHUT && !session;
    }

    /** @return when the door opened for the current session or alarm, or {@code null} */
    public Instant openedAt() {
        return openedAt;
    }

    /**
     * Unlocks the slot for a pass.
     *
     * @throws IllegalStateException if it is not {@link #available()}
     */
    public void unlock(Instant now) {
        if (!available()) {
            throw new IllegalStateException("slot is " + phase + (session ? " for a pass" : ""));
        }
        phase = Phase.UNLOCKED;
        session = true;
        unlockedUntil = now.plus(timings.unlock());
    }

    /**
     * A level of the door contact (repeats of the same level are ignored).
     *
     * @param open whether the door is open now
     * @param at when the contact changed
     * @return what happened
     */
    public List<Step> door(boolean open, Instant at) {
        List<Step> steps = new ArrayList<>(1);
        switch (phase) {
            case SHUT -> {
                if (open) {
                    phase = Phase.OPEN;
                    openedAt = at;
                    alarmed = true;
                    steps.add(new Step(StepKind.FORCED_OPEN, at));
                }
            }
            case UNLOCKED -> {
                if (open) {
                    phase = Phase.OPEN;
                    openedAt = at;
                    steps.add(new Step(StepKind.OPENED, at));
                }
            }
            case OPEN -> {
                if (!open) {
                    phase = Phase.CLOSING;
                    closedAt = at;
                }
            }
            case CLOSING -> {
                if (open) {
                    phase = Phase.OPEN;
                }
            }
        }
        return steps;
    }

    /**
     * The clock moved on.
     *
     * @return what the deadlines that passed by {@code now} brought
     */
    public List<Step> tick(Instant now) {
        List<Step> steps = new ArrayList<>(2);
        if (phase == Phase.UNLOCKED && !now.isBefore(unlockedUntil)) {
            phase = Phase.SHUT;
            session = false;
            steps.add(new Step(StepKind.EXPIRED, unlockedUntil));
        } else if (phase == Phase.OPEN && !alarmed && !now.isBefore(openedAt.plus(timings.alarmAfter()))) {
            alarmed = true;
            steps.add(new Step(StepKind.LEFT_OPEN, openedAt));
        } else if (phase == Phase.CLOSING && !now.isBefore(closedAt.plus(timings.settle()))) {
            phase = Phase.SHUT;
            if (session) {
                steps.add(new Step(StepKind.COMPLETED, closedAt));
            }
            if (alarmed) {
                steps.add(new Step(StepKind.CLEARED, closedAt));
            }
            session = false;
            alarmed = false;
            openedAt = null;
        }
        return steps;
    }

    /** @return when {@link #tick} next has something to do, or empty */
    public Optional<Instant> nextDeadline() {
        return switch (phase) {
            case UNLOCKED -> Optional.of(unlockedUntil);
            case OPEN -> alarmed ? Optional.empty() : Optional.of(openedAt.plus(timings.alarmAfter()));
            case CLOSING -> Optional.of(closedAt.plus(timings.settle()));
            case SHUT -> Optional.empty();
        };
    }

    @Override
    public String toString() {
        return phase.name().toLowerCase(java.util.Locale.ROOT) + (session ? " for a pass" : "") + (alarmed ? ", alarm raised" : "");
    }
}
