package cn.taihang.bridge.rental.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Prices in fen (1/100 yuan): a rate per started day and a one-way fee for returning in another city, by unordered
 * city pair (Jincheng→Taiyuan costs what Taiyuan→Jincheng does). Returning in the pickup city is free.
 */
public final class OneWayTariff {

    private final long dailyRateFen;
    private final Map<String, Long> feeByPair;
    private final Set<String> cities;

    /**
     * @param dailyRateFen rate per started 24 hours
     * @param cities every city of the network
     * @param fees one-way fees: key {@code "a|b"} for two different cities, both orders accepted
     * @throws IllegalArgumentException if a pair is missing, repeated with another fee, names an unknown city, or a
     *     price is negative
     */
    public OneWayTariff(long dailyRateFen, Set<String> cities, Map<String, Long> fees) {
        if (dailyRateFen <= 0) {
            throw new IllegalArgumentException("the daily rate must be positive");
        }
        this.dailyRateFen = dailyRateFen;
        this.cities = Set.copyOf(cities);
        this.feeByPair = new HashMap<>();
        fees.forEach((pair, fee) -> {
            String[] p = pair.split("\\|");
            if (p.length != 2 || p[0].equals(p[1]) || !cities.contains(p[0]) || !cities.contains(p[1])) {
                throw new IllegalArgumentException("one-way fee key '" + pair + "' must be 'cityA|cityB' of two different known cities " + cities);
            }
            if (fee < 0) {
                throw new IllegalArgumentException("one-way fee " + pair + " is negative");
            }
            Long previous = feeByPair.put(key(p[0], p[1]), fee);
            if (previous != null && !previous.equals(fee)) {
                throw new IllegalArgumentException("one-way fee " + pair + " is given twice with different amounts");
            }
        });
        for (String a : cities) {
            for (String b : cities) {
                if (!a.equals(b) && !feeByPair.containsKey(key(a, b))) {
                    throw new IllegalArgumentException("no one-way fee for " + a + "–" + b + "; every pair of cities needs one");
                }
            }
        }
    }

    private static String key(String a, String b) {
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }

    /** @return the one-way fee between two cities, 0 within a city */
    public long oneWayFeeFen(String fromCity, String toCity) {
        if (!cities.contains(fromCity) || !cities.contains(toCity)) {
            throw new IllegalArgumentException("unknown city " + (cities.contains(fromCity) ? toCity : fromCity) + "; known: " + cities);
        }
        return fromCity.equals(toCity) ? 0 : feeByPair.get(key(fromCity, toCity));
    }

    /** @return the daily rate */
    public long dailyRateFen() {
        return dailyRateFen;
    }

    /**
     * @param from pickup station
     * @param to return station
     * @param pickupFrom start of the rental
     * @param returnUntil latest return
     * @return the price
     */
    public Quote quote(Station from, Station to, Instant pickupFrom, Instant returnUntil) {
        long minutes = Math.max(1, Duration.between(pickupFrom, returnUntil).toMinutes());
        long days = (minutes + 24 * 60 - 1) / (24 * 60);
        long oneWay = oneWayFeeFen(from.city(), to.city());
        return new Quote(days, dailyRateFen, oneWay, days * dailyRateFen + oneWay);
    }

    /**
     * A price.
     *
     * @param days started days charged
     * @param dailyRateFen rate per day
     * @param oneWayFeeFen one-way fee
     * @param totalFen what the customer pays
     */
    public record Quote(long days, long dailyRateFen, long oneWayFeeFen, long totalFen) {}
}
