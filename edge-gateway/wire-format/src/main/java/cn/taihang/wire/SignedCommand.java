package cn.taihang.wire;

import java.util.Objects;

/**
 * A decoded command with what its signature covers, not yet verified ({@code cn.taihang.wire.command.CommandVerifier}
 * does that).
 *
 * @param command the command
 * @param keyId the command key that signed it (inside the signed bytes), or -1 for an unsigned version-1 command
 * @param signedBytes the bytes the signature covers, exactly as received
 * @param signature the 64-byte signature, or {@code null} for an unsigned version-1 command
 */
public record SignedCommand(Command command, int keyId, byte[] signedBytes, byte[] signature) {

    /** Validates. */
    public SignedCommand {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(signedBytes, "signedBytes");
    }

    /** @return whether it carries a signature at all */
    public boolean signed() {
        return signature != null;
    }
}
