package cn.taihang.hardware.spi;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Ends the pulses of one digital output. The output drives itself high and calls {@link #extend};
 * when the pulse is over the timer runs the end action (drive low). A pulse started while another
 * runs extends it to whichever ends later. Thread-safe: the end action runs under the timer's lock,
 * so an output that calls {@link #cancel()} before driving a level never has it overwritten by a
 * pulse that was ending at the same moment.
 */
public final class PulseTimer {

    private final ScheduledExecutorService scheduler;
    private final Runnable endAction;
    private ScheduledFuture<?> pending;
    private long endNanos;
    private long generation;

    /**
     * @param scheduler runs the end action; never {@code null}
     * @param endAction drives the output low; must not throw
     */
    public PulseTimer(ScheduledExecutorService scheduler, Runnable endAction) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.endAction = Objects.requireNonNull(endAction, "endAction");
    }

    /**
     * Makes the current pulse last at least {@code length} from now.
     *
     * @param length positive
     * @throws IllegalArgumentException if {@code length} is not positive
     */
    public synchronized void extend(Duration length) {
        if (length == null || length.isZero() || length.isNegative()) {
            throw new IllegalArgumentException("pulse length must be positive, was " + length);
        }
        long now = System.nanoTime();
        long end = now + length.toNanos();
        if (pending != null && end - endNanos <= 0) {
            return;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        long current = ++generation;
        endNanos = end;
        pending = scheduler.schedule(() -> end(current), end - now, TimeUnit.NANOSECONDS);
    }

    /** Forgets the running pulse, if any, without running the end action. */
    public synchronized void cancel() {
        generation++;
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    /** @return whether a pulse is running */
    public synchronized boolean running() {
        return pending != null;
    }

    private synchronized void end(long expected) {
        if (expected != generation) {
            return;
        }
        pending = null;
        endAction.run();
    }
}
