package cn.taihang.hardware.api;

/**
 * What a device bundle asks for when it opens a line-oriented serial port.
 *
 * @param port port name as the board knows it (e.g. {@code /dev/ttyACM0}, or {@code scanner-1} in
 *     simulation)
 * @param baud line speed, positive
 * @param maxLineLength longest line accepted; longer lines are discarded and reported as overflow
 * @param owner who holds the port, shown in status and errors
 */
public record SerialSpec(String port, int baud, int maxLineLength, String owner) {

    /** Validates at the boundary. @throws IllegalArgumentException on bad values */
    public SerialSpec {
        if (port == null || port.isBlank()) {
            throw new IllegalArgumentException("serial port name is empty");
        }
        if (baud <= 0) {
            throw new IllegalArgumentException("baud must be positive, was " + baud);
        }
        if (maxLineLength <= 0) {
            throw new IllegalArgumentException("maxLineLength must be positive, was " + maxLineLength);
        }
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("owner must name the device using the port");
        }
    }
}
