package cn.taihang.bridge.fleet;

/** What a death message did. */
public enum DeathOutcome {
    /** The gateway is now offline. */
    ACCEPTED,
    /** The death belongs to a session older than the gateway's latest birth; ignored. */
    STALE,
    /** No birth was ever seen from that gateway; it is listed, offline. */
    UNKNOWN_GATEWAY
}
