package cn.taihang.bridge.rental.domain;

import java.util.List;

/**
 * Which cars to move overnight.
 *
 * @param method how it was computed ({@code min-cost-flow} or {@code greedy})
 * @param moves the moves, one per station pair
 * @param moveCostFen what the moves cost
 * @param unmet cars still lacking after the moves
 * @param totalCostFen move cost plus the shortage penalty of the unmet cars
 */
public record RebalancingPlan(String method, List<Move> moves, long moveCostFen, int unmet, long totalCostFen) {

    /** Copies the moves. */
    public RebalancingPlan {
        moves = List.copyOf(moves);
    }

    /** @return cars moved */
    public int carsMoved() {
        return moves.stream().mapToInt(Move::cars).sum();
    }

    /**
     * Cars to drive from one station to another.
     *
     * @param from station id
     * @param to station id
     * @param cars how many
     * @param costEachFen cost of one of them
     */
    public record Move(String from, String to, int cars, long costEachFen) {}

    /** Builds a plan from per-pair flows. */
    static RebalancingPlan of(String method, RebalancingProblem p, int[][] flow) {
        List<Move> moves = new java.util.ArrayList<>();
        long cost = 0;
        int moved = 0;
        for (int i = 0; i < flow.length; i++) {
            for (int j = 0; j < flow.length; j++) {
                if (flow[i][j] > 0) {
                    moves.add(new Move(p.stations().get(i), p.stations().get(j), flow[i][j], p.moveCost()[i][j]));
                    cost += flow[i][j] * p.moveCost()[i][j];
                    moved += flow[i][j];
                }
            }
        }
        int unmet = p.totalDeficit() - moved;
        return new RebalancingPlan(method, moves, cost, unmet, cost + unmet * p.shortagePenalty());
    }
}
