package cn.taihang.wire.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing a ticket grants: a kind, a place (a bus line, a scenic area or a lodging, by its catalogue
 * code), a validity window and a number of uses.
 *
 * @param kindCode the {@link EntitlementKind} code; codes this build does not know are kept (a newer
 *     bridge may issue them) and never honoured
 * @param place catalogue code of the line, area or lodging, 0–{@value Ticket#MAX_PLACE}
 * @param validFrom first instant of validity, inclusive, a whole minute
 * @param validUntil end of validity, exclusive, a whole minute after {@code validFrom}, at most
 *     {@link Ticket#MAX_VALIDITY} later
 * @param uses how many times it may be used (rides, entries, check-ins), 1–{@value Ticket#MAX_USES}
 */
public record Entitlement(int kindCode, int place, Instant validFrom, Instant validUntil, int uses) {

    /** Validates at the boundary. @throws IllegalArgumentException on a value out of range */
    public Entitlement {
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        if (kindCode < 1 || kindCode > 255) {
            throw new IllegalArgumentException("entitlement kind code must be 1-255, was " + kindCode);
        }
        if (place < 0 || place > Ticket.MAX_PLACE) {
            throw new IllegalArgumentException("place code must be 0-" + Ticket.MAX_PLACE + ", was " + place);
        }
        Ticket.requireMinute("validFrom", validFrom);
        Ticket.requireMinute("validUntil", validUntil);
        if (!validUntil.isAfter(validFrom) || Duration.between(validFrom, validUntil).compareTo(Ticket.MAX_VALIDITY) > 0) {
            throw new IllegalArgumentException("validity window must be 1 minute to " + Ticket.MAX_VALIDITY.toDays() + " days, was "
                    + validFrom + " to " + validUntil);
        }
        if (uses < 1 || uses > Ticket.MAX_USES) {
            throw new IllegalArgumentException("uses must be 1-" + Ticket.MAX_USES + ", was " + uses);
        }
    }

    /** @return an entitlement of a known kind */
    public static Entitlement of(EntitlementKind kind, int place, Instant validFrom, Instant validUntil, int uses) {
        return new Entitlement(kind.code(), place, validFrom, validUntil, uses);
    }

    /** @return the kind, or empty for a code this build does not know */
    public Optional<EntitlementKind> kind() {
        return EntitlementKind.ofCode(kindCode);
    }

    /** @return the kind's name, or {@code kind-<code>} for an unknown one */
    public String kindName() {
        return kind().map(EntitlementKind::id).orElse("kind-" + kindCode);
    }
}
