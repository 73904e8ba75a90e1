package cn.taihang.hardware.spi;

import cn.taihang.hardware.api.DigitalOutput;
import cn.taihang.hardware.api.HardwareException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * A {@link DigitalOutput} over a {@link HeldPin} and a driver: levels, pulses (ended by a
 * {@link PulseTimer}) and closing (drive low, then release) work the same in every implementation.
 */
public final class HeldOutput implements DigitalOutput {

    /** Drives the pin of one output. */
    @FunctionalInterface
    public interface Driver {
        /**
         * Drives the level and, once it is driven, records it with {@link HeldPin#change}.
         *
         * @throws HardwareException {@code IO_ERROR} if the hardware refused
         */
        void drive(boolean high) throws HardwareException;
    }

    private final HeldPin held;
    private final Driver driver;
    private final Runnable release;
    private final Consumer<HardwareException> endFailure;
    private final PulseTimer pulses;
    private volatile boolean closed;

    /**
     * @param held the claim of the pin
     * @param scheduler ends pulses
     * @param driver drives the pin
     * @param release frees the pin in the implementation; run once, on the first {@link #close()}
     * @param endFailure told when driving low at the end of a pulse or on close failed (to log it)
     */
    public HeldOutput(HeldPin held, ScheduledExecutorService scheduler, Driver driver, Runnable release,
            Consumer<HardwareException> endFailure) {
        this.held = Objects.requireNonNull(held, "held");
        this.driver = Objects.requireNonNull(driver, "driver");
        this.release = Objects.requireNonNull(release, "release");
        this.endFailure = Objects.requireNonNull(endFailure, "endFailure");
        this.pulses = new PulseTimer(scheduler, this::driveLow);
    }

    /** @return the claim of the pin */
    public HeldPin held() {
        return held;
    }

    @Override
    public int pin() {
        return held.pin();
    }

    /** @throws IllegalStateException once closed */
    @Override
    public void set(boolean high) throws HardwareException {
        requireOpen();
        pulses.cancel();
        drive(high);
    }

    /** @throws IllegalStateException once closed; IllegalArgumentException on a length that is not positive */
    @Override
    public void pulse(Duration length) throws HardwareException {
        requireOpen();
        if (length == null || length.isZero() || length.isNegative()) {
            throw new IllegalArgumentException("pulse length must be positive, was " + length);
        }
        drive(true);
        pulses.extend(length);
    }

    @Override
    public boolean isHigh() {
        return held.isHigh();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            pulses.cancel();
            driveLow();
            release.run();
        }
    }

    @Override
    public String toString() {
        return held.toString();
    }

    private synchronized void drive(boolean high) throws HardwareException {
        driver.drive(high);
    }

    private void driveLow() {
        try {
            drive(false);
        } catch (HardwareException e) {
            endFailure.accept(e);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("GPIO " + held.pin() + " was closed by its owner; open it again to drive it");
        }
    }
}
