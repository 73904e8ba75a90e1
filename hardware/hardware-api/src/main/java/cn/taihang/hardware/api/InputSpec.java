package cn.taihang.hardware.api;

import java.util.Objects;

/**
 * What a device bundle asks for when it opens a digital input.
 *
 * @param pin GPIO number, {@code >= 0}
 * @param pull internal pull resistor
 * @param owner who holds the pin (e.g. {@code "counter lane-1 loop A"}), shown in status and errors
 */
public record InputSpec(int pin, Pull pull, String owner) {

    /** Validates at the boundary. @throws IllegalArgumentException on a negative pin or blank owner */
    public InputSpec {
        if (pin < 0) {
            throw new IllegalArgumentException("GPIO pin must be >= 0, was " + pin);
        }
        Objects.requireNonNull(pull, "pull");
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("owner must name the device using the pin");
        }
    }
}
