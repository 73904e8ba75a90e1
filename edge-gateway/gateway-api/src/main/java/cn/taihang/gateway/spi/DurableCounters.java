package cn.taihang.gateway.spi;

/** Named counters that survive restarts and power cuts, as an OSGi service (e.g. the birth/death sequence). */
public interface DurableCounters {

    /**
     * Increments a counter and commits it durably before returning.
     *
     * @param name counter name
     * @return the new value (1 on first use)
     * @throws IllegalStateException if the store cannot write
     */
    long incrementAndGet(String name);
}
