package cn.taihang.wire;

import java.util.Arrays;
import java.util.Objects;

/**
 * A command from the bridge to a gateway (or to every gateway), on a {@code cmd/{name}} topic. Version 2 commands are
 * signed over every field ({@link CommandCodec}); version 1 commands (bridges before signed commands) are not, and
 * gateways of this build refuse them.
 *
 * @param version format version, 2 (1 only when decoded from an old bridge's unsigned envelope)
 * @param id unique id chosen by the bridge, growing with time; a gateway that sees the same id again (a retained command
 *     redelivered on reconnect) skips it, and one older than the last it applied of that name is a replay
 * @param name command name, as in the topic
 * @param target the gateway it is for, or {@value #FLEET} for every gateway; {@code null} only in version 1
 * @param issuedAtMillis when the bridge issued it
 * @param expiresAtMillis after this the command must not be applied, or 0 for never
 * @param sealed whether {@code body} is sealed to the target gateway's sealing key (HPKE,
 *     {@code cn.taihang.wire.command.SealedBody}); always {@code false} for fleet commands
 * @param body the command's own payload (its format belongs to the command), sealed or not
 */
public record Command(int version, long id, String name, String target, long issuedAtMillis, long expiresAtMillis, boolean sealed,
                      byte[] body) {

    /** The target of a command to every gateway. */
    public static final String FLEET = "fleet";
    /** The version this build writes. */
    public static final int VERSION = 2;

    /** Validates. @throws IllegalArgumentException on a bad name or target, a sealed fleet command or a null body */
    public Command {
        if (!Topics.isValidId(name)) {
            throw new IllegalArgumentException("command name must be 1-64 of [a-z0-9-], was " + name);
        }
        if (version != 1 && !Topics.isValidId(target)) {
            throw new IllegalArgumentException("command target must be a gateway id or '" + FLEET + "', was " + target);
        }
        if (sealed && FLEET.equals(target)) {
            throw new IllegalArgumentException("a fleet command cannot be sealed: sealing is to one gateway's key");
        }
        Objects.requireNonNull(body, "body");
    }

    /** @return a version-2 command to one gateway (or {@value #FLEET}), not sealed */
    public static Command of(long id, String name, String target, long issuedAtMillis, long expiresAtMillis, byte[] body) {
        return new Command(VERSION, id, name, target, issuedAtMillis, expiresAtMillis, false, body);
    }

    /** @return whether it is addressed to every gateway */
    public boolean fleetWide() {
        return FLEET.equals(target);
    }

    /** @return whether the command has expired at {@code nowMillis} */
    public boolean expiredAt(long nowMillis) {
        return expiresAtMillis != 0 && nowMillis > expiresAtMillis;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Command c && version == c.version && id == c.id && name.equals(c.name) && Objects.equals(target, c.target)
                && issuedAtMillis == c.issuedAtMillis && expiresAtMillis == c.expiresAtMillis && sealed == c.sealed && Arrays.equals(body, c.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, id, name, target, issuedAtMillis, expiresAtMillis, sealed, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "Command[" + name + " #" + id + " for " + target + ", " + body.length + (sealed ? " sealed" : "") + " bytes]";
    }
}
