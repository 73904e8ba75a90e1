package cn.taihang.bridge.rental.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class RebalancerTest {

    final MinCostFlowRebalancer exact = new MinCostFlowRebalancer();
    final GreedyRebalancer greedy = new GreedyRebalancer();

    static RebalancingProblem problem(int[] supply, int[] demand, long[][] cost, long penalty, int maxMoves) {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < supply.length; i++) {
            ids.add("s" + i);
        }
        return new RebalancingProblem(ids, supply, demand, cost, penalty, maxMoves);
    }

    @Test
    void movesOnlyWhatTheDeficitNeeds() {
        RebalancingProblem p = problem(new int[] {5, 0}, new int[] {2, 2}, new long[][] {{0, 10}, {10, 0}}, 1000, Integer.MAX_VALUE);
        RebalancingPlan plan = exact.plan(p);
        assertThat(plan.moves()).containsExactly(new RebalancingPlan.Move("s0", "s1", 2, 10));
        assertThat(plan.moveCostFen()).isEqualTo(20);
        assertThat(plan.unmet()).isZero();
    }

    /** Greedy serves C from its nearest station A first and must then serve D from B at 100; the optimum crosses over at 4. */
    @Test
    void beatsGreedyWhereTheNearestChoiceIsWrong() {
        long[][] cost = {
            {0, 0, 1, 2},
            {0, 0, 2, 100},
            {0, 0, 0, 0},
            {0, 0, 0, 0}};
        RebalancingProblem p = problem(new int[] {1, 1, 0, 0}, new int[] {0, 0, 1, 1}, cost, 1000, Integer.MAX_VALUE);
        RebalancingPlan best = exact.plan(p);
        RebalancingPlan baseline = greedy.plan(p);
        assertThat(best.moveCostFen()).isEqualTo(4);
        assertThat(best.moves()).containsExactlyInAnyOrder(new RebalancingPlan.Move("s0", "s3", 1, 2), new RebalancingPlan.Move("s1", "s2", 1, 2));
        assertThat(baseline.moveCostFen()).isEqualTo(101);
        assertThat(best.carsMoved()).isEqualTo(baseline.carsMoved()).isEqualTo(2);
    }

    @Test
    void aMoveDearerThanTheLostRentalIsNotMade() {
        RebalancingProblem p = problem(new int[] {3, 0}, new int[] {0, 2}, new long[][] {{0, 5000}, {5000, 0}}, 3000, Integer.MAX_VALUE);
        RebalancingPlan plan = exact.plan(p);
        assertThat(plan.carsMoved()).isZero();
        assertThat(plan.unmet()).isEqualTo(2);
        assertThat(plan.totalCostFen()).isEqualTo(6000);
        assertThat(greedy.plan(p).carsMoved()).isZero();
    }

    @Test
    void withOneDriverTheCheapestUsefulMoveIsMade() {
        long[][] cost = {{0, 0, 50, 40}, {0, 0, 30, 60}, {0, 0, 0, 0}, {0, 0, 0, 0}};
        RebalancingProblem p = problem(new int[] {1, 1, 0, 0}, new int[] {0, 0, 1, 1}, cost, 1000, 1);
        RebalancingPlan plan = exact.plan(p);
        assertThat(plan.moves()).containsExactly(new RebalancingPlan.Move("s1", "s2", 1, 30));
        assertThat(plan.unmet()).isEqualTo(1);
    }

    @Test
    void nothingToDoGivesAnEmptyPlan() {
        RebalancingProblem p = problem(new int[] {2, 2}, new int[] {1, 2}, new long[][] {{0, 1}, {1, 0}}, 100, Integer.MAX_VALUE);
        assertThat(exact.plan(p).moves()).isEmpty();
        assertThat(exact.plan(p).totalCostFen()).isZero();
    }

    /** On small random instances the flow's cost equals the optimum found by trying every assignment. */
    @Test
    void matchesExhaustiveSearchOnSmallRandomInstances() {
        Random random = new Random(11);
        for (int round = 0; round < 200; round++) {
            int n = 2 + random.nextInt(3);
            int[] supply = new int[n];
            int[] demand = new int[n];
            long[][] cost = new long[n][n];
            for (int i = 0; i < n; i++) {
                supply[i] = random.nextInt(4);
                demand[i] = random.nextInt(4);
                for (int j = 0; j < n; j++) {
                    cost[i][j] = i == j ? 0 : 1 + random.nextInt(120);
                }
            }
            int maxMoves = random.nextBoolean() ? Integer.MAX_VALUE : random.nextInt(4);
            RebalancingProblem p = problem(supply, demand, cost, 100, maxMoves);
            long brute = bruteForce(p);
            RebalancingPlan plan = exact.plan(p);
            assertThat(plan.totalCostFen()).as("round %d", round).isEqualTo(brute).isEqualTo(p.cost(plan.moves()));
            assertThat(greedy.plan(p).totalCostFen()).isGreaterThanOrEqualTo(brute);
        }
    }

    /** Tries every move of one car at a time (depth-first), the whole space for these tiny sizes. */
    static long bruteForce(RebalancingProblem p) {
        int n = p.stations().size();
        int[] spare = new int[n];
        int[] lack = new int[n];
        for (int i = 0; i < n; i++) {
            spare[i] = p.surplus(i);
            lack[i] = p.deficit(i);
        }
        return search(p, spare, lack, 0, 0, p.maxMoves());
    }

    private static long search(RebalancingProblem p, int[] spare, int[] lack, int fromPair, long costSoFar, int movesLeft) {
        int n = spare.length;
        long best = costSoFar + p.shortagePenalty() * java.util.Arrays.stream(lack).sum();
        if (movesLeft == 0) {
            return best;
        }
        for (int pair = fromPair; pair < n * n; pair++) {
            int i = pair / n;
            int j = pair % n;
            if (i != j && spare[i] > 0 && lack[j] > 0) {
                spare[i]--;
                lack[j]--;
                best = Math.min(best, search(p, spare, lack, pair, costSoFar + p.moveCost()[i][j], movesLeft - 1));
                spare[i]++;
                lack[j]++;
            }
        }
        return best;
    }

    @Test
    void malformedProblemsAreRefused() {
        assertThatThrownBy(() -> problem(new int[] {1}, new int[] {1, 2}, new long[][] {{0}}, 1, 1)).hasMessageContaining("one entry per station");
        assertThatThrownBy(() -> problem(new int[] {-1}, new int[] {1}, new long[][] {{0}}, 1, 1)).hasMessageContaining("negative");
        assertThatThrownBy(() -> problem(new int[] {1, 1}, new int[] {1, 1}, new long[][] {{0, -1}, {0, 0}}, 1, 1)).hasMessageContaining("negative");
    }
}
