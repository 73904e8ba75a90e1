package cn.taihang.wire;

/**
 * A bridge instance's retained state on {@link Topics#bridgeState(String)} (or, from older bridges, the single
 * {@link Topics#BRIDGE_STATE}). Gateways hold their drain while every instance they heard of is offline.
 *
 * @param version format version, 1
 * @param online whether the bridge is ingesting
 * @param timeMillis when the state was published
 */
public record BridgeState(int version, boolean online, long timeMillis) {}
