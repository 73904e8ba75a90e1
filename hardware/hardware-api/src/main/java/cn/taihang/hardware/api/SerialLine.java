package cn.taihang.hardware.api;

/** An open line-oriented serial port. */
public interface SerialLine extends AutoCloseable {

    /** @return the port name */
    String port();

    /**
     * Sends one line; the terminator is added.
     *
     * @throws HardwareException {@link HardwareException.Reason#PORT_UNAVAILABLE} if the port went away
     */
    void writeLine(String line) throws HardwareException;

    /** Releases the port. Idempotent. */
    @Override
    void close();
}
