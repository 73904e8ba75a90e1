package cn.taihang.cloudlink.internal;

import cn.taihang.wire.Birth;

/** Makes the birth message: what this gateway is and runs, at the moment of a (re)birth. */
@FunctionalInterface
public interface BirthSource {

    /**
     * @param bdSeq the birth/death sequence of the current connection
     * @param timeMillis when the gateway connected or was asked to rebirth
     * @return the birth, never {@code null}
     */
    Birth birth(long bdSeq, long timeMillis);
}
