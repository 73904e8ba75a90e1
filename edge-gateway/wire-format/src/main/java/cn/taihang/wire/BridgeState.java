package cn.taihang.wire;

/**
 * The bridge's retained state on {@link Topics#BRIDGE_STATE}. Gateways hold their drain while the
 * bridge is offline.
 *
 * @param version format version, 1
 * @param online whether the bridge is ingesting
 * @param timeMillis when the state was published
 */
public record BridgeState(int version, boolean online, long timeMillis) {}
