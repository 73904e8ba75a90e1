package cn.taihang.gateway.api;

/**
 * Handles commands from the cloud bridge, registered as an OSGi service (whiteboard) with the service
 * property {@value #COMMAND_PROPERTY} naming the command(s) it handles. The cloud link calls it on its
 * own command thread, one command at a time, and reports the outcome to the bridge as a
 * {@code command.result} record.
 */
public interface CommandHandler {

    /** Service property: the name(s) of the commands the handler takes (String or String[]). */
    String COMMAND_PROPERTY = "taihang.command";

    /**
     * @param command the command; may be a redelivery of one already applied
     * @return a short description of what was done, for the bridge
     * @throws CommandException to refuse it (malformed body, stale version…), with the reason
     */
    String handle(IncomingCommand command) throws CommandException;
}
