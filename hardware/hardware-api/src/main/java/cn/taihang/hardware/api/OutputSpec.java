package cn.taihang.hardware.api;

/**
 * What a device bundle asks for when it opens a digital output.
 *
 * @param pin GPIO number, {@code >= 0}
 * @param initialHigh level driven as soon as the pin is opened
 * @param owner who holds the pin (e.g. {@code "gate-3 relay"}), shown in status and errors
 */
public record OutputSpec(int pin, boolean initialHigh, String owner) {

    /** Validates at the boundary. @throws IllegalArgumentException on a negative pin or blank owner */
    public OutputSpec {
        if (pin < 0) {
            throw new IllegalArgumentException("GPIO pin must be >= 0, was " + pin);
        }
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("owner must name the device using the pin");
        }
    }
}
