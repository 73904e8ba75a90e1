package cn.taihang.wire.ticket;

import java.util.Optional;

/** What an entitlement of a ticket grants; the code is what the ticket carries. */
public enum EntitlementKind {
    /** Rides on one bus line within a validity window. */
    BUS_RIDE(1, "bus-ride"),
    /** Entries to one scenic area on one day. */
    SCENIC_ENTRY(2, "scenic-entry"),
    /** A stay of some nights at one lodging. */
    LODGING_STAY(3, "lodging-stay"),
    /** Taking a rental car's key from, or returning it to, a station's key locker ({@link RentalPass} says which). */
    RENTAL_KEY(4, "rental-key");

    private final int code;
    private final String id;

    EntitlementKind(int code, String id) {
        this.code = code;
        this.id = id;
    }

    /** @return the code written in tickets */
    public int code() {
        return code;
    }

    /** @return the name used in records and the API, e.g. {@code bus-ride} */
    public String id() {
        return id;
    }

    /** @return the kind with this code; empty for a code this build does not know (a newer bridge's) */
    public static Optional<EntitlementKind> ofCode(int code) {
        for (EntitlementKind kind : values()) {
            if (kind.code == code) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
