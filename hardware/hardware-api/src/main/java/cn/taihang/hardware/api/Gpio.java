package cn.taihang.hardware.api;

import java.util.List;

/**
 * The digital I/O of a board, as an OSGi service. Each pin is held by at most one owner at a time.
 */
public interface Gpio {

    /**
     * Opens a digital input and starts delivering its edges to {@code listener}.
     *
     * @throws HardwareException {@link HardwareException.Reason#NO_SUCH_PIN} or
     *     {@link HardwareException.Reason#RESERVED_PIN} if the board profile does not allow the pin,
     *     {@link HardwareException.Reason#PIN_IN_USE} if another owner holds it (the message names
     *     that owner), {@link HardwareException.Reason#IO_ERROR} if the driver failed
     */
    DigitalInput openInput(InputSpec spec, EdgeListener listener) throws HardwareException;

    /**
     * Opens a digital output, driven to {@link OutputSpec#initialHigh()} at once.
     *
     * @throws HardwareException as for {@link #openInput}
     */
    DigitalOutput openOutput(OutputSpec spec) throws HardwareException;

    /** @return the status of every pin currently held, ordered by pin number; never {@code null} */
    List<PinStatus> pins();

    /** @return the board this implementation drives */
    BoardProfile board();
}
