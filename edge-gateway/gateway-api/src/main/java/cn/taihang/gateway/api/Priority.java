package cn.taihang.gateway.api;

/**
 * Priority class of a record. The store drains by class, then by age; when it is full it evicts the
 * oldest records of the lowest class first, and never evicts {@link #CRITICAL}.
 */
public enum Priority {
    /** Ticket redemptions, rental pickups and returns, safety alarms. Never evicted. */
    CRITICAL,
    /** Device state and events. */
    HIGH,
    /** Periodic aggregates such as vehicle counts. */
    NORMAL,
    /** Diagnostics. First to go when space runs out. */
    BULK;

    /** @return the wire code of this class (0 = critical … 3 = bulk) */
    public int code() {
        return ordinal();
    }

    /**
     * @param code a wire code
     * @return the class with that code
     * @throws IllegalArgumentException for an unknown code
     */
    public static Priority ofCode(int code) {
        Priority[] all = values();
        if (code < 0 || code >= all.length) {
            throw new IllegalArgumentException("unknown priority code " + code);
        }
        return all[code];
    }
}
