package cn.taihang.wire;

import java.util.Arrays;
import java.util.Objects;

/**
 * A command from the bridge to a gateway (or to every gateway), on a {@code cmd/{name}} topic.
 *
 * @param version format version, 1
 * @param id unique id chosen by the bridge; a gateway that sees the same id again (a retained command
 *     redelivered on reconnect) may skip it
 * @param name command name, as in the topic
 * @param issuedAtMillis when the bridge issued it
 * @param expiresAtMillis after this the command must not be applied, or 0 for never
 * @param body the command's own payload (its format belongs to the command)
 */
public record Command(int version, long id, String name, long issuedAtMillis, long expiresAtMillis, byte[] body) {

    /** Validates. @throws IllegalArgumentException on a bad name or a null body */
    public Command {
        if (!Topics.isValidId(name)) {
            throw new IllegalArgumentException("command name must be 1-64 of [a-z0-9-], was " + name);
        }
        Objects.requireNonNull(body, "body");
    }

    /** @return whether the command has expired at {@code nowMillis} */
    public boolean expiredAt(long nowMillis) {
        return expiresAtMillis != 0 && nowMillis > expiresAtMillis;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Command c && version == c.version && id == c.id && name.equals(c.name) && issuedAtMillis == c.issuedAtMillis
                && expiresAtMillis == c.expiresAtMillis && Arrays.equals(body, c.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, id, name, issuedAtMillis, expiresAtMillis, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "Command[" + name + " #" + id + ", " + body.length + " bytes]";
    }
}
