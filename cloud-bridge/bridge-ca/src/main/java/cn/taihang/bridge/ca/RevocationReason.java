package cn.taihang.bridge.ca;

import java.util.Locale;
import org.bouncycastle.asn1.x509.CRLReason;

/** Why a certificate is revoked, as recorded in the CRL (RFC 5280 5.3.1; the codes a holder's CA uses). */
public enum RevocationReason {
    /** No reason given. */
    UNSPECIFIED(CRLReason.unspecified),
    /** The private key is (or may be) known to someone else: a stolen or lost device. */
    KEY_COMPROMISE(CRLReason.keyCompromise),
    /** The holder moved (a gateway re-sited) or changed hands. */
    AFFILIATION_CHANGED(CRLReason.affiliationChanged),
    /** Replaced by a newer certificate (after a renewal). */
    SUPERSEDED(CRLReason.superseded),
    /** The holder is retired. */
    CESSATION_OF_OPERATION(CRLReason.cessationOfOperation);

    private final int code;

    RevocationReason(int code) {
        this.code = code;
    }

    /** @return the CRL reason code */
    public int code() {
        return code;
    }

    /** @return the command-line label, e.g. {@code key-compromise} */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param label as {@link #label()} gives it (or the constant's name)
     * @throws IllegalArgumentException listing the labels if none matches
     */
    public static RevocationReason fromLabel(String label) {
        for (RevocationReason reason : values()) {
            if (reason.label().equals(label) || reason.name().equals(label)) {
                return reason;
            }
        }
        throw new IllegalArgumentException("unknown revocation reason '" + label
                + "' (unspecified, key-compromise, affiliation-changed, superseded, cessation-of-operation)");
    }
}
