package cn.taihang.hardware.api;

import java.time.Duration;

/** An open digital output: a relay, an LED or a buzzer. Closing it drives it low and releases it. */
public interface DigitalOutput extends AutoCloseable {

    /** @return the GPIO number */
    int pin();

    /**
     * Drives the output.
     *
     * @param high the level to drive
     * @throws HardwareException with {@link HardwareException.Reason#IO_ERROR} if the driver failed
     */
    void set(boolean high) throws HardwareException;

    /**
     * Drives the output high now and low again after {@code length}, without blocking the caller.
     * A pulse started while another runs extends it.
     *
     * @param length how long to stay high, positive
     * @throws HardwareException with {@link HardwareException.Reason#IO_ERROR} if the driver failed
     */
    void pulse(Duration length) throws HardwareException;

    /** @return the level currently driven */
    boolean isHigh();

    /** Drives the output low and releases the pin. Idempotent. */
    @Override
    void close();
}
