package cn.taihang.bridge.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Arrival orders for order-independence tests: records that happened in one order arrive in any other (a failed batch
 * is resent after newer ones, gateways reconnect in any order). Seeded, so a failing order is reproduced by its seed.
 */
public final class ArrivalOrders {

    private ArrivalOrders() {
    }

    /**
     * @param inOrder the events in the order they happened
     * @param limit at most this many orders
     * @param seed of the shuffles
     * @return distinct arrival orders, the order of happening first: every permutation if there are no more than
     *     {@code limit}, else {@code limit} seeded shuffles (the reversed order among them)
     */
    public static <T> List<List<T>> of(List<T> inOrder, int limit, long seed) {
        Set<List<T>> orders = new LinkedHashSet<>();
        orders.add(List.copyOf(inOrder));
        if (factorialAtMost(inOrder.size(), limit)) {
            permute(new ArrayList<>(inOrder), 0, orders);
            return List.copyOf(orders);
        }
        List<T> reversed = new ArrayList<>(inOrder);
        Collections.reverse(reversed);
        orders.add(List.copyOf(reversed));
        Random random = new Random(seed);
        while (orders.size() < limit) {
            List<T> shuffled = new ArrayList<>(inOrder);
            Collections.shuffle(shuffled, random);
            orders.add(List.copyOf(shuffled));
        }
        return List.copyOf(orders);
    }

    /**
     * @param arrival events in arrival order
     * @param random where batch sizes come from
     * @return the events cut into consecutive batches of 1 to 3, as a gateway's uplink would send them
     */
    public static <T> List<List<T>> batches(List<T> arrival, Random random) {
        List<List<T>> batches = new ArrayList<>();
        for (int i = 0; i < arrival.size(); ) {
            int n = Math.min(arrival.size() - i, 1 + random.nextInt(3));
            batches.add(List.copyOf(arrival.subList(i, i + n)));
            i += n;
        }
        return batches;
    }

    private static boolean factorialAtMost(int n, int limit) {
        long f = 1;
        for (int i = 2; i <= n; i++) {
            f *= i;
            if (f > limit) {
                return false;
            }
        }
        return true;
    }

    private static <T> void permute(List<T> items, int from, Set<List<T>> out) {
        if (from == items.size()) {
            out.add(List.copyOf(items));
            return;
        }
        for (int i = from; i < items.size(); i++) {
            Collections.swap(items, from, i);
            permute(items, from + 1, out);
            Collections.swap(items, from, i);
        }
    }
}
