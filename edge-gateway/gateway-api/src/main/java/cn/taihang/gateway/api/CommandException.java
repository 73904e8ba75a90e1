package cn.taihang.gateway.api;

/** A command was refused; the message goes back to the bridge and should say why and what to do. */
public class CommandException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message why the command was refused */
    public CommandException(String message) {
        super(message);
    }

    /**
     * @param message why the command was refused
     * @param cause underlying failure
     */
    public CommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
