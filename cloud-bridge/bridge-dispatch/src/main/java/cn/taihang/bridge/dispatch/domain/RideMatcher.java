package cn.taihang.bridge.dispatch.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * "One-key call" (一键叫车): a ride request at a hub gets the nearest free vehicle, by great-circle distance times a
 * road factor, ties broken by vehicle id so the answer is repeatable.
 */
public final class RideMatcher {

    /**
     * A vehicle of the one-key-call fleet.
     *
     * @param id vehicle id
     * @param plate number plate
     * @param position last known position
     * @param free whether it can take a ride
     */
    public record Vehicle(String id, String plate, GeoPoint position, boolean free) {}

    /**
     * @param vehicle the vehicle sent
     * @param roadKm estimated road distance to the pickup
     * @param etaMinutes estimated minutes to the pickup (at least 1)
     */
    public record Match(Vehicle vehicle, double roadKm, int etaMinutes) {}

    private final double speedKmh;
    private final double roadFactor;

    /**
     * @param speedKmh mean speed to the pickup
     * @param roadFactor road distance ÷ straight-line distance (≥ 1)
     */
    public RideMatcher(double speedKmh, double roadFactor) {
        if (speedKmh <= 0 || roadFactor < 1) {
            throw new IllegalArgumentException("speed must be positive and the road factor at least 1");
        }
        this.speedKmh = speedKmh;
        this.roadFactor = roadFactor;
    }

    /** @return the nearest free vehicle, or empty if none is free */
    public Optional<Match> nearestFree(GeoPoint pickup, Collection<Vehicle> vehicles) {
        return vehicles.stream().filter(Vehicle::free)
                .min(Comparator.comparingDouble((Vehicle v) -> v.position().distanceKm(pickup)).thenComparing(Vehicle::id))
                .map(v -> {
                    double km = v.position().distanceKm(pickup) * roadFactor;
                    return new Match(v, km, Math.max(1, (int) Math.ceil(km / speedKmh * 60)));
                });
    }
}
