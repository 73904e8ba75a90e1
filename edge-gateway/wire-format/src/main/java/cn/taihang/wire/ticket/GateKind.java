package cn.taihang.wire.ticket;

/** What a ticket gate controls, and so which entitlements it honours. */
public enum GateKind {
    /** Boarding a tourist bus at a hub or stop. */
    BUS_BOARDING(EntitlementKind.BUS_RIDE),
    /** The entrance of a scenic area. */
    SCENIC_ENTRANCE(EntitlementKind.SCENIC_ENTRY),
    /** The front desk or door of a lodging. */
    LODGING(EntitlementKind.LODGING_STAY),
    /** A key locker of the one-way car rental: one slot per key, opened for a pickup or return pass. */
    RENTAL_KEY_LOCKER(EntitlementKind.RENTAL_KEY);

    private final EntitlementKind honours;

    GateKind(EntitlementKind honours) {
        this.honours = honours;
    }

    /** @return the kind of entitlement this gate honours */
    public EntitlementKind honours() {
        return honours;
    }
}
