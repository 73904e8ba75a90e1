package cn.taihang.gateway.api;

import java.util.Objects;

/**
 * A command from the cloud bridge, as handed to a {@link CommandHandler}.
 *
 * @param id the bridge's id of the command; the same id may arrive again (retained commands are
 *     redelivered on every reconnect), so handlers must be idempotent
 * @param name command name
 * @param issuedAtMillis when the bridge issued it, ms since the epoch
 * @param fleetWide {@code true} if it was addressed to every gateway, {@code false} to this one
 * @param body the command's payload; its format belongs to the command
 */
public record IncomingCommand(long id, String name, long issuedAtMillis, boolean fleetWide, byte[] body) {

    /** Validates. */
    public IncomingCommand {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(body, "body");
    }
}
