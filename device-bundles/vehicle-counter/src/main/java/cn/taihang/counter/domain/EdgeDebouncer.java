package cn.taihang.counter.domain;

import java.util.Optional;

/**
 * Debounces the raw edges of one loop by their source timestamps. A level change becomes pending; it
 * is confirmed, with its original timestamp, once it has persisted for the debounce time: when the
 * next raw edge arrives that late, or when {@link #advanceTo} passes its window. A change reverted
 * sooner is a glitch and is dropped together with its partner. A raw edge repeating the current
 * level is ignored; a timestamp earlier than the previous one (against the hardware contract) is
 * treated as equal to it.
 */
final class EdgeDebouncer {

    /** {@link #pendingSinceMicros()} when nothing is pending. */
    static final long NONE = Long.MAX_VALUE;

    private final Loop loop;
    private final long debounceMicros;
    private boolean stable;
    private long pendingSince = NONE;
    private long lastMicros = Long.MIN_VALUE;
    private boolean seenEdge;
    private long glitches;

    EdgeDebouncer(Loop loop, long debounceMicros) {
        this.loop = loop;
        this.debounceMicros = debounceMicros;
    }

    /**
     * @param occupied the raw level after the edge
     * @param timestampMicros the source timestamp
     * @return the edge confirmed by this one, if any (never this edge itself unless the debounce is 0)
     */
    Optional<LoopEdge> onRaw(boolean occupied, long timestampMicros) {
        seenEdge = true;
        long t = Math.max(timestampMicros, lastMicros);
        lastMicros = t;
        LoopEdge confirmed = null;
        if (pendingSince != NONE) {
            if (t - pendingSince >= debounceMicros) {
                confirmed = confirm();
            } else {
                if (occupied == stable) {
                    pendingSince = NONE;
                    glitches++;
                }
                return Optional.empty();
            }
        }
        if (occupied != stable) {
            pendingSince = t;
            if (debounceMicros == 0) {
                confirmed = confirm();
            }
        }
        return Optional.ofNullable(confirmed);
    }

    /**
     * @param nowMicros the present time
     * @return the pending edge, if its debounce window has passed by {@code nowMicros}
     */
    Optional<LoopEdge> advanceTo(long nowMicros) {
        if (pendingSince != NONE && nowMicros - pendingSince >= debounceMicros) {
            return Optional.of(confirm());
        }
        return Optional.empty();
    }

    /**
     * Adopts a level read directly, e.g. when the input was opened, unless an edge was seen already.
     *
     * @return whether the level was adopted
     */
    boolean assumeLevel(boolean occupied, long atMicros) {
        if (seenEdge) {
            return false;
        }
        seenEdge = true;
        stable = occupied;
        lastMicros = Math.max(lastMicros, atMicros);
        return true;
    }

    private LoopEdge confirm() {
        stable = !stable;
        LoopEdge edge = new LoopEdge(loop, stable, pendingSince);
        pendingSince = NONE;
        return edge;
    }

    /** @return the timestamp of the pending edge, or {@link #NONE} */
    long pendingSinceMicros() {
        return pendingSince;
    }

    /** @return the confirmed level */
    boolean occupied() {
        return stable;
    }

    /** @return how many glitches were dropped so far */
    long glitches() {
        return glitches;
    }
}
