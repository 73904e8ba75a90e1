package cn.taihang.hardware.api;

import java.util.List;
import java.util.OptionalLong;

/**
 * The outside world of a {@link Gpio} under test: what a contract run needs to drive inputs and to see
 * outputs, as the wires of a real board would.
 */
public interface GpioRig extends AutoCloseable {

    /** @return the implementation under test, ready to use */
    Gpio gpio();

    /**
     * Returns once driving {@code pin}, which the test has just opened as an input, reaches the
     * implementation (e.g. once a simulator has seen the claim). Does nothing by default.
     */
    default void awaitInputReady(int pin) throws Exception {
    }

    /**
     * Drives an opened input to a level, as the circuit outside the board would.
     *
     * @return the timestamp (µs since the epoch) the edge must carry, or empty if the implementation
     *     stamps edges itself
     */
    OptionalLong drive(int pin, boolean high) throws Exception;

    /**
     * Starts watching an opened output from outside.
     *
     * @return a live, thread-safe list of the levels seen on the pin, in order; it may start with the
     *     level the pin had before watching began
     */
    List<Boolean> watchOutput(int pin) throws Exception;

    /** Stops the implementation and everything the rig started. */
    @Override
    void close() throws Exception;
}
