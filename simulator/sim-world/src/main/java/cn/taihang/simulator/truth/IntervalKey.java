package cn.taihang.simulator.truth;

/**
 * One lane's aggregation interval.
 *
 * @param gatewayId the gateway
 * @param device the lane's device id
 * @param startMillis interval start, ms since the epoch
 */
public record IntervalKey(String gatewayId, String device, long startMillis) implements Comparable<IntervalKey> {

    @Override
    public int compareTo(IntervalKey o) {
        int c = gatewayId.compareTo(o.gatewayId);
        if (c == 0) {
            c = device.compareTo(o.device);
        }
        return c != 0 ? c : Long.compare(startMillis, o.startMillis);
    }
}
