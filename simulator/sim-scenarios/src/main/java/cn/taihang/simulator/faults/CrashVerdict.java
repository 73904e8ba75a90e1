package cn.taihang.simulator.faults;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ground truth against the bridge. The truth is what each gateway's outbox acknowledged ({@code seq -> event}, from
 * the journals); the bridge's record is its rows by (gateway, seq).
 *
 * <ul>
 *   <li><b>lost</b>: an acknowledged (gateway, seq) the bridge does not hold with the same event — missing, or holding
 *       another event because the store issued that number twice.</li>
 *   <li><b>duplicated</b>: an event the bridge holds more than once (under two keys), plus any key held twice.</li>
 *   <li><b>delivered</b>: acknowledged records the bridge holds exactly as acknowledged.</li>
 *   <li><b>unconfirmed</b>: events at the bridge the truth does not know: stored by a gateway that was killed before its
 *       producer journaled the acknowledgement. Neither lost nor duplicated; counted for the report.</li>
 * </ul>
 *
 * @param lost acknowledged but not at the bridge as acknowledged
 * @param duplicated extra copies at the bridge
 * @param delivered acknowledged and at the bridge
 * @param unconfirmed at the bridge, not journaled
 * @param historical rows the gateways marked as replayed after an outage
 * @param rows rows at the bridge
 */
public record CrashVerdict(long lost, long duplicated, long delivered, long unconfirmed, long historical, long rows) {

    /**
     * @param truth per gateway, {@code seq -> event} acknowledged by its outbox
     * @param rows the bridge's rows of synthetic events
     * @param rejected rows of synthetic events the bridge rejected (counted as lost: they should be none)
     */
    static CrashVerdict of(Map<String, Map<Long, String>> truth, List<BridgeRecords.Row> rows, long rejected) {
        Map<String, Map<Long, String>> bridge = BridgeRecords.byGateway(rows);
        long keysHeldTwice = rows.size() - bridge.values().stream().mapToLong(Map::size).sum();
        Map<String, Integer> copies = new HashMap<>();
        rows.forEach(r -> copies.merge(r.event(), 1, Integer::sum));
        long extraCopies = copies.values().stream().mapToLong(n -> n - 1).sum();
        long lost = 0;
        long delivered = 0;
        Set<String> known = new HashSet<>();
        for (Map.Entry<String, Map<Long, String>> gw : truth.entrySet()) {
            Map<Long, String> held = bridge.getOrDefault(gw.getKey(), Map.of());
            for (Map.Entry<Long, String> e : gw.getValue().entrySet()) {
                known.add(e.getValue());
                if (e.getValue().equals(held.get(e.getKey()))) {
                    delivered++;
                } else {
                    lost++;
                }
            }
        }
        long unconfirmed = copies.keySet().stream().filter(e -> !known.contains(e)).count();
        long historical = rows.stream().filter(BridgeRecords.Row::historical).count();
        return new CrashVerdict(lost + rejected, extraCopies + keysHeldTwice, delivered, unconfirmed, historical, rows.size());
    }

    /** @return the last line of the report */
    public String resultLine() {
        return "RESULT lost=" + lost + " duplicated=" + duplicated + " delivered=" + delivered;
    }

    /** @return whether nothing was lost or doubled and something was delivered */
    public boolean exact() {
        return lost == 0 && duplicated == 0 && delivered > 0;
    }
}
