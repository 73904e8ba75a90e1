package cn.taihang.bridge.rental.domain;

import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem;
import org.jgrapht.alg.interfaces.MinimumCostFlowAlgorithm;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;

/**
 * The least-cost rebalancing plan, exactly, as a minimum-cost flow solved by JGraphT's capacity-scaling algorithm
 * (successive shortest paths with capacity scaling; exact and integral for integer capacities).
 *
 * <p>Network, with K = the night's move limit (or the smaller of total surplus and total deficit):
 * <pre>
 *   S ──(cap surplus_i, cost 0)──▶ out_i ──(cap ∞, cost c_ij)──▶ in_j ──(cap deficit_j, cost 0)──▶ T
 *   S ──────────────────(cap K, cost penalty)──────────────────────────────────────────────────▶ T
 *   supply(S) = K, supply(T) = −K
 * </pre>
 * Each unit of flow is either a car moved from a surplus station i to a deficit station j (cost c_ij) or an unused
 * move (cost = penalty). The flow's cost is Σ c_ij x_ij + penalty × (K − moves), which differs from the plan's
 * objective Σ c_ij x_ij + penalty × (deficit − moves) by the constant penalty × (deficit − K): the minimum-cost flow
 * is the least-cost plan. Moves dearer than the penalty are never chosen; only cars beyond a station's own demand
 * move, so no station is robbed of cars it needs itself.
 */
public final class MinCostFlowRebalancer {

    /** @return the least-cost plan */
    public RebalancingPlan plan(RebalancingProblem p) {
        int n = p.stations().size();
        int surplus = 0;
        for (int i = 0; i < n; i++) {
            surplus += p.surplus(i);
        }
        int k = Math.min(p.maxMoves(), Math.min(surplus, p.totalDeficit()));
        int[][] flow = new int[n][n];
        if (k == 0) {
            return RebalancingPlan.of("min-cost-flow", p, flow);
        }
        Graph<String, DefaultWeightedEdge> g = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        g.addVertex("S");
        g.addVertex("T");
        Map<DefaultWeightedEdge, Integer> capacity = new java.util.HashMap<>();
        DefaultWeightedEdge[][] moves = new DefaultWeightedEdge[n][n];
        for (int i = 0; i < n; i++) {
            g.addVertex("out" + i);
            g.addVertex("in" + i);
        }
        for (int i = 0; i < n; i++) {
            if (p.surplus(i) > 0) {
                capacity.put(edge(g, "S", "out" + i, 0), p.surplus(i));
            }
            if (p.deficit(i) > 0) {
                capacity.put(edge(g, "in" + i, "T", 0), p.deficit(i));
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && p.surplus(i) > 0 && p.deficit(j) > 0 && p.moveCost()[i][j] < p.shortagePenalty()) {
                    moves[i][j] = edge(g, "out" + i, "in" + j, p.moveCost()[i][j]);
                    capacity.put(moves[i][j], k);
                }
            }
        }
        capacity.put(edge(g, "S", "T", p.shortagePenalty()), k);
        int kk = k;
        MinimumCostFlowProblem<String, DefaultWeightedEdge> problem = new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(g,
                v -> v.equals("S") ? kk : v.equals("T") ? -kk : 0, capacity::get);
        MinimumCostFlowAlgorithm.MinimumCostFlow<DefaultWeightedEdge> result = new CapacityScalingMinimumCostFlow<String, DefaultWeightedEdge>()
                .getMinimumCostFlow(problem);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (moves[i][j] != null) {
                    flow[i][j] = (int) Math.round(result.getFlow(moves[i][j]));
                }
            }
        }
        return RebalancingPlan.of("min-cost-flow", p, flow);
    }

    private static DefaultWeightedEdge edge(Graph<String, DefaultWeightedEdge> g, String from, String to, double cost) {
        DefaultWeightedEdge e = g.addEdge(from, to);
        g.setEdgeWeight(e, cost);
        return e;
    }
}
