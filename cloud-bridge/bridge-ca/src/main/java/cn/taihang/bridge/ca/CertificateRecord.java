package cn.taihang.bridge.ca;

import cn.taihang.identity.IdentityName;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One certificate the CA issued, as its index keeps it.
 *
 * @param serial the serial number
 * @param name whom it names
 * @param serverNames the DNS names and IP addresses it carries besides the identity URI (bridge instances, brokers)
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param revokedAt when it was revoked; null if it was not
 * @param revocationReason why; null if it was not revoked
 */
public record CertificateRecord(BigInteger serial, IdentityName name, List<String> serverNames, Instant notBefore,
                                Instant notAfter, Instant revokedAt, RevocationReason revocationReason) {

    /** Where a certificate stands. */
    public enum Status { VALID, NOT_YET_VALID, EXPIRED, REVOKED }

    /** @throws NullPointerException if a required field is null */
    public CertificateRecord {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(name, "name");
        serverNames = List.copyOf(serverNames);
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
    }

    /** @return its status at this time */
    public Status status(Instant now) {
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        if (now.isBefore(notBefore)) {
            return Status.NOT_YET_VALID;
        }
        return now.isAfter(notAfter) ? Status.EXPIRED : Status.VALID;
    }

    /** @return the serial as lower-case hex */
    public String serialHex() {
        return serial.toString(16);
    }

    /** @return this record, revoked */
    CertificateRecord revoked(Instant at, RevocationReason reason) {
        return new CertificateRecord(serial, name, serverNames, notBefore, notAfter, at, reason);
    }
}
