package cn.taihang.simulator.mobility;

import java.util.ArrayDeque;
import java.util.List;

/**
 * One line's first stop over one day: passengers queue in order of arrival; each departure takes as many as it has
 * seats; a passenger still queuing when a full vehicle leaves was denied boarding (counted once per passenger, however
 * many full vehicles pass); a passenger who has waited longer than the patience gives up (takes a taxi), and so do
 * those left when the last departure has gone.
 */
final class LineOperations {

    /**
     * @param passengers passengers who came to the stop in service hours
     * @param boarded those who got on
     * @param waitMinutes total minutes the boarded waited
     * @param denied passengers denied boarding at least once
     * @param gaveUp passengers who left without boarding
     */
    record Outcome(int passengers, int boarded, double waitMinutes, int denied, int gaveUp) {

        static final Outcome NONE = new Outcome(0, 0, 0, 0, 0);

        Outcome plus(Outcome o) {
            return new Outcome(passengers + o.passengers, boarded + o.boarded, waitMinutes + o.waitMinutes, denied + o.denied, gaveUp + o.gaveUp);
        }

        double meanWait() {
            return boarded == 0 ? 0 : waitMinutes / boarded;
        }
    }

    private LineOperations() {
    }

    /**
     * @param arrivals minute of day each passenger reaches the stop, in order
     * @param departures minute of day of each departure, in order (several at one minute are several vehicles)
     * @param capacity seats per vehicle
     * @param serviceStart arrivals before this minute are not counted (they do not wait for this line)
     * @param patienceMinutes how long a passenger waits at most
     */
    static Outcome run(List<Double> arrivals, List<Double> departures, int capacity, double serviceStart, double patienceMinutes) {
        if (departures.isEmpty()) {
            return Outcome.NONE;
        }
        double last = departures.get(departures.size() - 1);
        ArrayDeque<double[]> queue = new ArrayDeque<>();
        int next = 0;
        int passengers = 0;
        int boarded = 0;
        int denied = 0;
        int gaveUp = 0;
        double wait = 0;
        while (next < arrivals.size() && arrivals.get(next) < serviceStart) {
            next++;
        }
        for (double t : departures) {
            while (next < arrivals.size() && arrivals.get(next) <= t) {
                queue.addLast(new double[] {arrivals.get(next++), 0});
                passengers++;
            }
            while (!queue.isEmpty() && t - queue.peekFirst()[0] > patienceMinutes) {
                queue.removeFirst();
                gaveUp++;
            }
            for (int seat = 0; seat < capacity && !queue.isEmpty(); seat++) {
                wait += t - queue.removeFirst()[0];
                boarded++;
            }
            for (double[] p : queue) {
                if (p[1] == 0) {
                    p[1] = 1;
                    denied++;
                }
            }
        }
        gaveUp += queue.size();
        return new Outcome(passengers, boarded, wait, denied, gaveUp);
    }
}
