package cn.taihang.bridge.rental.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The cars a station will have on its lot from now on, and how many more pickups it can promise — the rule that
 * makes double booking impossible. Cars are interchangeable; a reservation holds "one car at station S from the
 * start of its pickup window" rather than a particular car, so
 * <pre>  stock(t) = cars on the lot now − pickups due by t + returns and transfers due by t</pre>
 * where a pickup counts from the <b>start</b> of its window and a return only from the <b>end</b> of its window
 * (the latest the car may arrive); overdue returns do not count at all. A new pickup from time {@code a} is accepted
 * only if {@code stock(t) ≥ 1} for every {@code t ≥ a}: then every promised pickup finds a car on the lot whatever
 * order customers come in within their windows.
 */
public final class StockProjection {

    /**
     * A future change of the stock.
     *
     * @param at when it counts
     * @param delta −1 for a pickup, +1 for a return or a transfer arriving
     */
    public record Change(Instant at, int delta) {}

    private final int onLot;
    private final List<Change> changes;

    /**
     * @param onLot cars on the lot now (available or held)
     * @param changes the confirmed future pickups and returns of the station
     */
    public StockProjection(int onLot, List<Change> changes) {
        if (onLot < 0) {
            throw new IllegalArgumentException("cars on a lot cannot be negative");
        }
        this.onLot = onLot;
        this.changes = new ArrayList<>(changes);
        this.changes.sort(Comparator.comparing(Change::at).thenComparing(Change::delta));
    }

    /**
     * @param from the start of the pickup window asked about
     * @return how many more pickups from {@code from} on can be promised: the lowest stock at or after {@code from}
     *     (a return at the very instant {@code from} does not count yet: pickups go first), never below 0
     */
    public int availableFrom(Instant from) {
        int stock = onLot;
        int lowest = Integer.MAX_VALUE;
        for (Change c : changes) {
            if (c.at().isBefore(from) || c.at().equals(from) && c.delta() < 0) {
                stock += c.delta();
            } else {
                lowest = Math.min(lowest, stock);
                stock += c.delta();
            }
        }
        lowest = Math.min(lowest, stock);
        return Math.max(0, lowest);
    }

    /** @return the stock at instant {@code t}, after every change due by then */
    public int stockAt(Instant t) {
        int stock = onLot;
        for (Change c : changes) {
            if (!c.at().isAfter(t)) {
                stock += c.delta();
            }
        }
        return stock;
    }

    /** @return whether no promised pickup lacks a car (the lowest stock over all time is 0 or more) */
    public boolean consistent() {
        int stock = onLot;
        for (Change c : changes) {
            stock += c.delta();
            if (stock < 0) {
                return false;
            }
        }
        return true;
    }
}
