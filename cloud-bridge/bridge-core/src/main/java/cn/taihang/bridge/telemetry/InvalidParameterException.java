package cn.taihang.bridge.telemetry;

/** A query parameter that is not what the API expects; answered with HTTP 400 naming the parameter. */
public final class InvalidParameterException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String parameter;
    private final String expected;

    /**
     * @param parameter the parameter's name
     * @param expected what a valid value looks like, for the caller
     * @param message what was wrong
     */
    public InvalidParameterException(String parameter, String expected, String message) {
        super(message);
        this.parameter = parameter;
        this.expected = expected;
    }

    /** @return the parameter's name */
    public String parameter() {
        return parameter;
    }

    /** @return what a valid value looks like */
    public String expected() {
        return expected;
    }
}
