package cn.taihang.identity;

import java.security.cert.CertificateException;
import java.util.Objects;
import java.util.Optional;

/**
 * A certificate was not accepted, with the reason. Thrown by the trust managers of a {@link TlsContext} (so the
 * JDK fails the handshake with it as the cause), by {@link TlsContext#peerIdentity} and by {@link Identity#of}.
 * The message names the certificate (its identity or subject, and serial) and what to do about it.
 */
public final class CertificateRefusedException extends CertificateException {

    private static final long serialVersionUID = 1L;

    /** Why a certificate was refused. */
    public enum Reason {
        /** The peer presented no certificate although one is required. */
        NO_CERTIFICATE,
        /** Its validity period has ended. */
        EXPIRED,
        /** Its validity period has not begun (or the local clock is wrong). */
        NOT_YET_VALID,
        /** The CA revoked it (listed in the local CRL). */
        REVOKED,
        /** Revocation status unknown: no current CRL from its issuer (the local CRL is stale or from another CA). */
        REVOCATION_UNKNOWN,
        /** Not issued under a trusted CA (a foreign CA, or a forged or altered certificate). */
        UNTRUSTED,
        /** Its key usage or extended key usage does not allow this use (e.g. a server-only certificate as a client). */
        WRONG_KEY_USAGE,
        /** A valid identity, but not of a kind accepted here (e.g. a gateway where a bridge is required). */
        WRONG_KIND,
        /** It does not follow the naming convention (CN = id, one {@code urn:taihang:} URI). */
        BAD_NAME,
        /** The server's certificate does not name the host that was dialled. */
        HOST_MISMATCH,
        /** Refused for another reason (named in the message). */
        OTHER
    }

    private final Reason reason;

    /**
     * @param reason why
     * @param message what was refused and why, for logs and operators
     * @param cause the underlying exception; may be null
     */
    public CertificateRefusedException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return why the certificate was refused */
    public Reason reason() {
        return reason;
    }

    /**
     * Finds the refusal in a failure, e.g. in the {@code SSLHandshakeException} of a failed handshake.
     *
     * @param failure any throwable; may be null
     * @return the refusal in its cause chain, or empty if it was not caused by one
     */
    public static Optional<CertificateRefusedException> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CertificateRefusedException refused) {
                return Optional.of(refused);
            }
        }
        return Optional.empty();
    }
}
