package cn.taihang.counter.domain;

/** How a vehicle was detected, and so what is known about it. */
public enum Detection {
    /** Loop A then loop B, plausibly: speed, length and length class are known. */
    CLASSIFIED,
    /** On a single-loop lane: counted, nothing else is known. */
    COUNT_ONLY,
    /** Loop B then loop A: driving against the lane's direction. Counted as wrong-way, never classified. */
    WRONG_WAY,
    /**
     * Loop A without loop B within the timeout: the vehicle changed lane or stopped between the
     * loops, or loop B is faulty. Counted, unclassified.
     */
    MISSING_LOOP_B,
    /**
     * Loop B without loop A: a vehicle changed into the lane between the loops, or loop A is faulty.
     * Counted, unclassified.
     */
    MISSING_LOOP_A,
    /** Both loops in order, but the speed or length is physically implausible. Counted, unclassified. */
    IMPLAUSIBLE,
    /** Seen on one loop while the other was stuck (faulted). Counted, unclassified. */
    LOOP_FAULT;

    /** @return whether a vehicle so detected is counted as {@code unclassified} on a dual-loop lane */
    public boolean unclassified() {
        return this == MISSING_LOOP_B || this == MISSING_LOOP_A || this == IMPLAUSIBLE || this == LOOP_FAULT;
    }
}
