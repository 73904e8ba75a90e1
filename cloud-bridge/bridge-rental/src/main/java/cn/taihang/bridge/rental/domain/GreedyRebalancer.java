package cn.taihang.bridge.rental.domain;

/**
 * The baseline a dispatcher would do by hand: serve the stations with the largest deficit first, each from the
 * cheapest station that still has spare cars, while a move is cheaper than the shortage penalty and drivers are left.
 * Not optimal (an early cheap move can force a dear one later); kept to measure what the exact plan saves.
 */
public final class GreedyRebalancer {

    /** @return the greedy plan */
    public RebalancingPlan plan(RebalancingProblem p) {
        int n = p.stations().size();
        int[] spare = new int[n];
        int[] lack = new int[n];
        for (int i = 0; i < n; i++) {
            spare[i] = p.surplus(i);
            lack[i] = p.deficit(i);
        }
        int[][] flow = new int[n][n];
        int budget = p.maxMoves();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> lack[b] != lack[a] ? Integer.compare(lack[b], lack[a]) : Integer.compare(a, b));
        for (int j : order) {
            while (lack[j] > 0 && budget > 0) {
                int best = -1;
                for (int i = 0; i < n; i++) {
                    if (i != j && spare[i] > 0 && p.moveCost()[i][j] < p.shortagePenalty()
                            && (best < 0 || p.moveCost()[i][j] < p.moveCost()[best][j])) {
                        best = i;
                    }
                }
                if (best < 0) {
                    break;
                }
                int cars = Math.min(Math.min(lack[j], spare[best]), budget);
                flow[best][j] += cars;
                spare[best] -= cars;
                lack[j] -= cars;
                budget -= cars;
            }
        }
        return RebalancingPlan.of("greedy", p, flow);
    }
}
