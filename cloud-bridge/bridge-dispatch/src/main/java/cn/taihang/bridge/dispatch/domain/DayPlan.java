package cn.taihang.bridge.dispatch.domain;

import java.util.List;

/**
 * The departures of one day with the dispatch decisions.
 *
 * @param departures planned and extra departures, by time then line
 * @param unserved planned departures still over the threshold because the depots had no vehicle left
 */
public record DayPlan(List<Departure> departures, List<Departure> unserved) {

    /** Copies the lists. */
    public DayPlan {
        departures = List.copyOf(departures);
        unserved = List.copyOf(unserved);
    }

    /** @return the extra departures */
    public List<Departure> extras() {
        return departures.stream().filter(Departure::extra).toList();
    }
}
