package cn.taihang.wire.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The content of a ticket, as signed by the bridge (see the package documentation for the layout).
 *
 * @param keyId id of the bridge key that signs it, 0–65535
 * @param id the ticket id, positive; deny lists and ledgers key on it
 * @param holderRef {@value #HOLDER_REF_BYTES} opaque bytes that let the bridge find the order's holder;
 *     no personal data
 * @param issuedAt when the bridge issued it, a whole minute
 * @param entitlements what it grants, 1–{@value #MAX_ENTITLEMENTS}, in order (their index identifies them)
 */
public record Ticket(int keyId, long id, byte[] holderRef, Instant issuedAt, List<Entitlement> entitlements) {

    /** Times in tickets are minutes since this instant. */
    public static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");
    /** Length of {@link #holderRef()}. */
    public static final int HOLDER_REF_BYTES = 8;
    /** Most entitlements on one ticket. */
    public static final int MAX_ENTITLEMENTS = 8;
    /** Most uses of one entitlement. */
    public static final int MAX_USES = 255;
    /** Highest place code. */
    public static final int MAX_PLACE = 65535;
    /** Longest validity window of one entitlement. */
    public static final Duration MAX_VALIDITY = Duration.ofDays(40);

    /** Validates and copies. @throws IllegalArgumentException on a value out of range */
    public Ticket {
        Objects.requireNonNull(holderRef, "holderRef");
        Objects.requireNonNull(issuedAt, "issuedAt");
        if (keyId < 0 || keyId > 65535) {
            throw new IllegalArgumentException("key id must be 0-65535, was " + keyId);
        }
        if (id <= 0) {
            throw new IllegalArgumentException("ticket id must be positive, was " + id);
        }
        if (holderRef.length != HOLDER_REF_BYTES) {
            throw new IllegalArgumentException("holder reference must be " + HOLDER_REF_BYTES + " bytes, was " + holderRef.length);
        }
        requireMinute("issuedAt", issuedAt);
        entitlements = List.copyOf(entitlements);
        if (entitlements.isEmpty() || entitlements.size() > MAX_ENTITLEMENTS) {
            throw new IllegalArgumentException("a ticket grants 1-" + MAX_ENTITLEMENTS + " entitlements, had " + entitlements.size());
        }
        holderRef = holderRef.clone();
    }

    /** @return a copy of the holder reference */
    @Override
    public byte[] holderRef() {
        return holderRef.clone();
    }

    /** @return the holder reference as lower-case hex */
    public String holderRefHex() {
        return HexFormat.of().formatHex(holderRef);
    }

    /** @return the ticket id as people and the API write it (decimal) */
    public String idText() {
        return Long.toString(id);
    }

    /** @return the end of the latest validity window of its entitlements */
    public Instant lastValidUntil() {
        return entitlements.stream().map(Entitlement::validUntil).max(Instant::compareTo).orElseThrow();
    }

    /** @return minutes since {@link #EPOCH} of a whole-minute instant */
    public static long toMinutes(Instant instant) {
        return Duration.between(EPOCH, instant).toMinutes();
    }

    /** @return the instant {@code minutes} after {@link #EPOCH} */
    public static Instant ofMinutes(long minutes) {
        return EPOCH.plus(Duration.ofMinutes(minutes));
    }

    static void requireMinute(String what, Instant instant) {
        if (instant.isBefore(EPOCH) || instant.getNano() != 0 || instant.getEpochSecond() % 60 != 0) {
            throw new IllegalArgumentException(what + " must be a whole minute at or after " + EPOCH + ", was " + instant);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ticket t && keyId == t.keyId && id == t.id && Arrays.equals(holderRef, t.holderRef) && issuedAt.equals(t.issuedAt)
                && entitlements.equals(t.entitlements);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyId, id, Arrays.hashCode(holderRef), issuedAt, entitlements);
    }

    @Override
    public String toString() {
        return "Ticket[" + id + " key " + keyId + ", issued " + issuedAt + ", " + entitlements + "]";
    }
}
