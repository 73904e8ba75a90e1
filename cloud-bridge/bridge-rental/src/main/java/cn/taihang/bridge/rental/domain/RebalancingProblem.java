package cn.taihang.bridge.rental.domain;

import java.util.List;

/**
 * What the overnight rebalancing must decide: which spare cars to drive to which stations so that every station
 * starts the next day with the cars its forecast demand needs, at least cost.
 *
 * @param stations station ids, index i in the arrays below
 * @param supply cars each station will have in the morning without moves
 * @param demand cars each station needs in the morning (forecast pickups, at least the confirmed ones)
 * @param moveCost cost in fen of driving one car from station i to station j (the diagonal is ignored)
 * @param shortagePenalty cost in fen of one car missing at a station (a rental lost); a move dearer than this is
 *     never worth making
 * @param maxMoves most cars that can be moved in one night (drivers), or {@code Integer.MAX_VALUE}
 */
public record RebalancingProblem(List<String> stations, int[] supply, int[] demand, long[][] moveCost, long shortagePenalty, int maxMoves) {

    /** Validates the shapes and signs. */
    public RebalancingProblem {
        stations = List.copyOf(stations);
        int n = stations.size();
        if (supply.length != n || demand.length != n || moveCost.length != n) {
            throw new IllegalArgumentException("supply, demand and cost need one entry per station (" + n + ")");
        }
        for (int i = 0; i < n; i++) {
            if (supply[i] < 0 || demand[i] < 0 || moveCost[i].length != n) {
                throw new IllegalArgumentException("station " + stations.get(i) + ": negative supply or demand, or a cost row of the wrong length");
            }
            for (long c : moveCost[i]) {
                if (c < 0) {
                    throw new IllegalArgumentException("move costs must not be negative");
                }
            }
        }
        if (shortagePenalty < 0 || maxMoves < 0) {
            throw new IllegalArgumentException("the shortage penalty and the move limit must not be negative");
        }
        supply = supply.clone();
        demand = demand.clone();
        long[][] copy = new long[n][];
        for (int i = 0; i < n; i++) {
            copy[i] = moveCost[i].clone();
        }
        moveCost = copy;
    }

    /** @return cars station i can spare: supply beyond its own demand */
    public int surplus(int i) {
        return Math.max(0, supply[i] - demand[i]);
    }

    /** @return cars station i lacks */
    public int deficit(int i) {
        return Math.max(0, demand[i] - supply[i]);
    }

    /** @return total cars lacking before any move */
    public int totalDeficit() {
        int d = 0;
        for (int i = 0; i < stations.size(); i++) {
            d += deficit(i);
        }
        return d;
    }

    /** @return the cost of a plan's moves plus the penalty for the deficit it leaves */
    public long cost(List<RebalancingPlan.Move> moves) {
        long cost = 0;
        int moved = 0;
        for (RebalancingPlan.Move m : moves) {
            cost += moveCost[stations.indexOf(m.from())][stations.indexOf(m.to())] * m.cars();
            moved += m.cars();
        }
        return cost + shortagePenalty * (totalDeficit() - moved);
    }
}
