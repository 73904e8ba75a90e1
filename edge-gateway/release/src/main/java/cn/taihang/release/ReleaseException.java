package cn.taihang.release;

import java.util.Objects;

/**
 * A release, a bundle of it or a configuration was refused: the {@link Reason} for machines (the bridge counts and shows
 * it), the message for people (what is wrong and what to do). No stack trace: a refusal is not a bug.
 */
public final class ReleaseException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why something was refused. */
    public enum Reason {
        /** Not a well-formed release manifest or envelope (bad JSON, a missing or invalid field, too large). */
        MALFORMED,
        /** Signed with a key this holder does not trust. */
        UNKNOWN_KEY,
        /** The signature does not match the manifest: altered or forged. */
        BAD_SIGNATURE,
        /** Built for other boards than this gateway's. */
        WRONG_BOARD,
        /** Needs shared APIs the gateway's launcher does not provide (a newer launcher is needed first). */
        INCOMPATIBLE_LAUNCHER,
        /** A bundle's content does not have the SHA-256 the manifest names. */
        HASH_MISMATCH,
        /** A bundle's download ended short of (or ran past) the size the manifest names. */
        TRUNCATED,
        /** The gateway's configuration, or a pushed configuration, is outside what the release's schema accepts. */
        CONFIGURATION
    }

    private final Reason reason;

    /**
     * @param reason why
     * @param message what is wrong and what to do
     */
    public ReleaseException(Reason reason, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return why it was refused */
    public Reason reason() {
        return reason;
    }

    /** @return the reason as the bridge shows it, e.g. {@code bad-signature} */
    public String code() {
        return reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
