package cn.taihang.simulator.traffic;

/**
 * Kinds of vehicle on Jincheng's tourist roads, with their share of traffic and length range. The
 * ranges keep at least 0.2 m away from the counter's default class boundaries (2.5, 5.6, 9, 13 m), so
 * that the ground truth's class never depends on rounding.
 */
public enum VehicleKind {
    /** Motorcycles and e-bikes. */
    MOTORCYCLE(0.04, 1.7, 2.3),
    /** Cars and SUVs, self-drive tourists and rentals. */
    CAR(0.68, 3.8, 5.3),
    /** Vans, minibuses, "one-key call" vehicles. */
    VAN(0.14, 6.0, 8.6),
    /** Tourist coaches, through-buses, trucks. */
    COACH(0.10, 9.5, 12.6),
    /** Articulated lorries and long coaches. */
    ARTICULATED(0.04, 13.4, 18.0);

    private final double share;
    private final double minLength;
    private final double maxLength;

    VehicleKind(double share, double minLength, double maxLength) {
        this.share = share;
        this.minLength = minLength;
        this.maxLength = maxLength;
    }

    /** @return fraction of traffic of this kind */
    public double share() {
        return share;
    }

    /** @return shortest length in metres */
    public double minLength() {
        return minLength;
    }

    /** @return longest length in metres */
    public double maxLength() {
        return maxLength;
    }

    /**
     * @param u a uniform draw in [0, 1)
     * @return the kind whose cumulative share covers {@code u}
     */
    public static VehicleKind pick(double u) {
        double cumulative = 0;
        for (VehicleKind kind : values()) {
            cumulative += kind.share;
            if (u < cumulative) {
                return kind;
            }
        }
        return CAR;
    }
}
