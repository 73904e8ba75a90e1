package cn.taihang.simulator.traffic;

import java.util.random.RandomGenerator;

/**
 * Free-flow speeds by road type, normally distributed and clipped: tourist roads (mountain roads with
 * bends, 55 ± 10 km/h), hub access (25 ± 6 km/h, at least 15), service-area entries (30 ± 8 km/h, at least 15).
 *
 * @param meanKmh mean speed
 * @param sdKmh standard deviation
 * @param minKmh lowest speed drawn
 * @param maxKmh highest speed drawn
 */
public record SpeedModel(double meanKmh, double sdKmh, double minKmh, double maxKmh) {

    /** @return the model for a road type */
    public static SpeedModel forRoad(String road) {
        return switch (road) {
            case "tourist-road" -> new SpeedModel(55, 10, 25, 90);
            case "hub" -> new SpeedModel(25, 6, 15, 45);
            case "service-area" -> new SpeedModel(30, 8, 15, 60);
            default -> throw new IllegalArgumentException("unknown road type '" + road + "'");
        };
    }

    /** @return a speed in m/s */
    public double drawMetersPerSecond(RandomGenerator random) {
        double kmh = Math.max(minKmh, Math.min(maxKmh, meanKmh + sdKmh * random.nextGaussian()));
        return kmh / 3.6;
    }
}
