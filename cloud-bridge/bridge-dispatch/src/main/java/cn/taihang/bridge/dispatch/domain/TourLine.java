package cn.taihang.bridge.dispatch.domain;

import java.util.List;

/**
 * A tourist bus line, planned from its first stop (a hub).
 *
 * @param id line id, e.g. {@code t-new-1}
 * @param kind tourist-new, premium or tourist-through
 * @param zh Chinese name
 * @param en English name
 * @param stops place ids in order; the first is where departures are planned
 * @param capacity passengers per vehicle
 * @param share share of the first stop's passenger flow that boards this line
 * @param roundTripMinutes how long a vehicle is away on one departure (out and back)
 * @param service when it runs
 */
public record TourLine(String id, String kind, String zh, String en, List<String> stops, int capacity, double share, int roundTripMinutes,
                       ServicePattern service) {

    /** Validates. */
    public TourLine {
        stops = List.copyOf(stops);
        if (stops.size() < 2 || capacity <= 0 || share < 0 || share > 1 || roundTripMinutes <= 0) {
            throw new IllegalArgumentException("line " + id + ": needs two stops, a positive capacity and round trip, and a share in 0..1");
        }
    }

    /** @return the first stop */
    public String origin() {
        return stops.get(0);
    }
}
