package cn.taihang.counter.domain;

/**
 * Length class of a vehicle measured by a dual-loop lane, from shortest to longest. The boundaries
 * between them come from a {@link LengthClassifier}.
 */
public enum LengthClass {
    /** Motorcycles and mopeds. */
    MOTORCYCLE("motorcycle"),
    /** Cars, SUVs, small vans. */
    SHORT("short"),
    /** Light trucks, large vans, minibuses. */
    MEDIUM("medium"),
    /** Buses, coaches, rigid trucks. */
    LONG("long"),
    /** Articulated buses, semitrailers, truck-trailer combinations. */
    VERY_LONG("very-long");

    private final String id;

    LengthClass(String id) {
        this.id = id;
    }

    /** @return the lower-case id used in measurement names, e.g. {@code very-long} */
    public String id() {
        return id;
    }
}
