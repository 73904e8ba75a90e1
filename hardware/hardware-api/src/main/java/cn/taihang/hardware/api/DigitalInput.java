package cn.taihang.hardware.api;

/** An open digital input. Closing it releases the pin and stops edge delivery. */
public interface DigitalInput extends AutoCloseable {

    /** @return the GPIO number */
    int pin();

    /** @return the current level as last observed */
    boolean isHigh();

    /** Releases the pin. Idempotent. */
    @Override
    void close();
}
