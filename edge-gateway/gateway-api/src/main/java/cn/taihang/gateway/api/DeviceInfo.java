package cn.taihang.gateway.api;

import java.util.List;

/**
 * A snapshot of one registered device.
 *
 * @param id device id
 * @param kind device kind
 * @param description human description
 * @param bundle symbolic name of the bundle that registered it
 * @param channels per-channel status at the time of the snapshot
 */
public record DeviceInfo(String id, String kind, String description, String bundle, List<ChannelStatus> channels) {}
