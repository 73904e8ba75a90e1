package cn.taihang.gateway.api;

/**
 * Status of one channel of a device (a loop of a lane, a relay of a gate), so that a device reports
 * per channel instead of failing as a whole.
 *
 * @param name channel name, e.g. {@code lane-1/loop-a}
 * @param state health of the channel
 * @param value latest value in human form (e.g. {@code occupied}, {@code 12 veh}), or {@code ""}
 * @param detail what is wrong and what to do, or {@code ""} when OK
 */
public record ChannelStatus(String name, State state, String value, String detail) {

    /** Health of a channel. */
    public enum State { OK, DEGRADED, FAULT, UNKNOWN }
}
