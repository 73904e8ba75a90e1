package cn.taihang.bridge.rental.domain;

import java.util.Locale;

/** Where a rental car is in its life. */
public enum CarState {
    /** On a station's lot, free to be taken. */
    AVAILABLE,
    /** On a station's lot, held for a reservation whose pickup window is open. */
    RESERVED,
    /** Out with a customer. */
    RENTED,
    /** Being driven to another station by the overnight rebalancing plan. */
    REBALANCING,
    /** Out of service (cleaning, repair, inspection). */
    MAINTENANCE;

    /** @return the lower-case name used in the API and the database */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @return the state with this id
     * @throws IllegalArgumentException listing the valid ids
     */
    public static CarState of(String id) {
        for (CarState s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown car state '" + id + "' (available, reserved, rented, rebalancing, maintenance)");
    }

    /** @return whether the car stands on a lot and can serve a pickup there */
    public boolean onLot() {
        return this == AVAILABLE || this == RESERVED;
    }
}
