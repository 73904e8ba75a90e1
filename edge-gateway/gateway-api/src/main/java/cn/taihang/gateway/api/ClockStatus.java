package cn.taihang.gateway.api;

/**
 * Whether this gateway's wall clock is known to be right: synchronised by NTP (or another time source) since boot. A Pi has
 * no real-time clock, so after a power cut it boots with the time it last saved, possibly days behind, until NTP steps it.
 * Whatever depends on the wall clock being right (record expiry, the bridge's view of record times) asks this service.
 */
public interface ClockStatus {

    /** @return whether the wall clock is known synchronised now; {@code false} while unknown */
    boolean synchronised();
}
