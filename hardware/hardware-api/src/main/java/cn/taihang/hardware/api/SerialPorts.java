package cn.taihang.hardware.api;

/** The serial ports of a board, as an OSGi service. */
public interface SerialPorts {

    /**
     * Opens a port and starts delivering its lines to {@code listener}.
     *
     * @throws HardwareException {@link HardwareException.Reason#NO_SUCH_PIN} if there is no such port,
     *     {@link HardwareException.Reason#PIN_IN_USE} if another owner holds it,
     *     {@link HardwareException.Reason#PORT_UNAVAILABLE} if it cannot be opened now
     */
    SerialLine open(SerialSpec spec, LineListener listener) throws HardwareException;
}
