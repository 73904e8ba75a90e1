package cn.taihang.bridge.releases.rollout;

import java.util.Locale;

/** Where a rollout stands. */
public enum RolloutStatus {
    /** Starting gateways wave by wave. */
    RUNNING,
    /** Starts no gateway; those under way finish. */
    PAUSED,
    /** A threshold was crossed: starts no gateway until resumed; those under way finish. */
    HALTED,
    /** Cancelled: nothing more is started, what had not switched yet is called off. */
    CANCELLED,
    /** Every gateway is done. */
    COMPLETED;

    /** @return whether it may still start gateways after a resume */
    public boolean open() {
        return this == RUNNING || this == PAUSED || this == HALTED;
    }

    /** @return the API's name */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the status named so by {@link #wire()} */
    public static RolloutStatus ofWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
