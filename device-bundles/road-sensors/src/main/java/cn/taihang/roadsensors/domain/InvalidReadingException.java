package cn.taihang.roadsensors.domain;

/** A sensor's pack that cannot be taken as it is. Permanent: the same pack fails the same way. */
public class InvalidReadingException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why; the lower-case name is the counter's label. */
    public enum Reason {
        /** A name that is not an IPSO path {@code object/instance/resource}. */
        BAD_NAME,
        /** An object (or object and application type) that is no road-sensor kind. */
        UNKNOWN_KIND,
        /** A 3300 or 3325 instance without an application type, in the pack or the sensor's configuration. */
        MISSING_APPLICATION_TYPE,
        /** A unit the kind does not accept, or none. */
        UNKNOWN_UNIT,
        /** A value outside what is physically possible, or of the wrong type. */
        IMPOSSIBLE_VALUE,
        /** A time far in the future or the past. */
        BAD_TIME
    }

    private final Reason reason;

    /**
     * @param reason why
     * @param message what is wrong and what the installer should change
     */
    public InvalidReadingException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** @return why */
    public Reason reason() {
        return reason;
    }
}
