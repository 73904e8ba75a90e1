package cn.taihang.slots;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the state file says: which slot is committed (the last good one, always kept), which was committed before it,
 * what is being staged or tried, and the events not yet reported. Immutable; each change makes a new state, which the
 * {@link SlotManager} writes atomically before it acts on it.
 *
 * @param committed the committed slot: {@value #FACTORY} (the distribution's own bundles), {@code a} or {@code b}
 * @param committedRelease the release it holds ({@value #FACTORY} for the distribution's)
 * @param previous the slot committed before it, or {@code null}
 * @param previousRelease its release, or {@code null}
 * @param phase what is in progress
 * @param pending the slot being staged, staged or tried, or {@code null} when {@link Phase#IDLE}
 * @param nextEventId the id the next event gets
 * @param events events not yet reported, oldest first
 */
public record SlotState(String committed, String committedRelease, String previous, String previousRelease, Phase phase, Pending pending,
                        long nextEventId, List<SlotEvent> events) {

    /** Name of the slot that is the distribution's own {@code bundles/} directory. */
    public static final String FACTORY = "factory";
    /** Names of the slots a gateway writes. */
    public static final Set<String> WRITABLE = Set.of("a", "b");
    /** Most unreported events kept (the oldest go first: a gateway that never reports must not grow its state file). */
    public static final int MAX_EVENTS = 64;

    /**
     * The slot an update is working on.
     *
     * @param slot {@code a} or {@code b}
     * @param release the release it is for
     * @param rollout the bridge's rollout id, or empty
     * @param attempts how often it was booted while {@link Phase#TRYING} (0 until the switch boots it)
     * @param deadlineSeconds how long a trial may take before it is rolled back, from its boot
     * @param sinceMillis when the phase began
     */
    public record Pending(String slot, String release, String rollout, int attempts, int deadlineSeconds, long sinceMillis) {

        /** Validates. */
        public Pending {
            if (!WRITABLE.contains(slot)) {
                throw new IllegalArgumentException("an update works on slot a or b, not " + slot);
            }
            Objects.requireNonNull(release, "release");
            rollout = rollout == null ? "" : rollout;
            if (attempts < 0 || deadlineSeconds < 0) {
                throw new IllegalArgumentException("attempts and deadline are >= 0");
            }
        }
    }

    /** Validates and copies. */
    public SlotState {
        if (!committed.equals(FACTORY) && !WRITABLE.contains(committed)) {
            throw new IllegalArgumentException("the committed slot is factory, a or b, not " + committed);
        }
        Objects.requireNonNull(committedRelease, "committedRelease");
        Objects.requireNonNull(phase, "phase");
        if ((phase == Phase.IDLE) != (pending == null)) {
            throw new IllegalArgumentException("a pending slot exists exactly when an update is in progress (phase " + phase + ")");
        }
        if (pending != null && pending.slot().equals(committed)) {
            throw new IllegalArgumentException("an update never writes the committed slot " + committed);
        }
        events = List.copyOf(events);
    }

    /** @return the state of a gateway that never updated: the distribution's bundles are committed */
    public static SlotState initial() {
        return new SlotState(FACTORY, FACTORY, null, null, Phase.IDLE, null, 1, List.of());
    }

    /** @return the slot the next release is staged into: never the committed one */
    public String inactive() {
        return committed.equals("a") ? "b" : "a";
    }

    /** @return a copy in another phase with another pending slot */
    public SlotState with(Phase newPhase, Pending newPending) {
        return new SlotState(committed, committedRelease, previous, previousRelease, newPhase, newPending, nextEventId, events);
    }

    /** @return a copy in which the pending slot is committed and the committed one becomes the previous */
    public SlotState committing() {
        return new SlotState(pending.slot(), pending.release(), committed, committedRelease, Phase.IDLE, null, nextEventId, events);
    }

    /** @return a copy with one more event, the oldest dropped beyond {@value #MAX_EVENTS} */
    public SlotState withEvent(String step, String release, String rollout, long timeMillis, String detail) {
        List<SlotEvent> more = new ArrayList<>(events);
        more.add(new SlotEvent(nextEventId, step, release, rollout, timeMillis, detail));
        while (more.size() > MAX_EVENTS) {
            more.remove(0);
        }
        return new SlotState(committed, committedRelease, previous, previousRelease, phase, pending, nextEventId + 1, more);
    }

    /** @return a copy without the events up to and including {@code id} */
    public SlotState withoutEventsUpTo(long id) {
        return new SlotState(committed, committedRelease, previous, previousRelease, phase, pending, nextEventId,
                events.stream().filter(e -> e.id() > id).toList());
    }
}
