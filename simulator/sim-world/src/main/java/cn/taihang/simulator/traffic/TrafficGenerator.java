package cn.taihang.simulator.traffic;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Generates the vehicles crossing one lane: Poisson arrivals at the lane's peak-hour volume scaled by
 * the daily profile of its road type and a global scale factor, with a minimum headway so that a
 * vehicle has left both loops before the next one reaches the first. Successive calls continue the
 * same stream (the headway holds across them), so one generator serves one lane; not thread-safe.
 */
public final class TrafficGenerator {

    private static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
    private static final double CLEARANCE_SECONDS = 0.3;

    private final int peakPerHour;
    private final DailyProfile profile;
    private final SpeedModel speeds;
    private final double scale;
    private final double loopSpacingMeters;
    private final double loopLengthMeters;
    private final int fixedHour;
    private long clearedMicros = Long.MIN_VALUE;

    /**
     * @param peakPerHour vehicles in the lane's busiest hour
     * @param road road type (sets the daily profile and speed model)
     * @param scale multiplier on the volume (1 = the scenario's real volumes; tests use more)
     * @param loopSpacingMeters leading edge to leading edge of the two loops
     * @param loopLengthMeters length of one loop along the lane
     * @param fixedHour drive every moment as this local hour of the daily profile (0–23), or -1 to follow the clock
     */
    public TrafficGenerator(int peakPerHour, String road, double scale, double loopSpacingMeters, double loopLengthMeters, int fixedHour) {
        if (peakPerHour <= 0 || scale <= 0) {
            throw new IllegalArgumentException("volume and scale must be positive");
        }
        this.peakPerHour = peakPerHour;
        this.profile = DailyProfile.forRoad(road);
        this.speeds = SpeedModel.forRoad(road);
        this.scale = scale;
        this.loopSpacingMeters = loopSpacingMeters;
        this.loopLengthMeters = loopLengthMeters;
        if (fixedHour < -1 || fixedHour > 23) {
            throw new IllegalArgumentException("fixed hour must be 0-23 or -1, was " + fixedHour);
        }
        this.fixedHour = fixedHour;
    }

    /**
     * @param fromMicros start of the window, µs since the epoch
     * @param toMicros end of the window (exclusive)
     * @param random the lane's random source (seeded for repeatable runs)
     * @return the vehicles whose front reaches loop A in the window, in time order, none of them before
     *     the last vehicle of the previous call has cleared the loops
     */
    public List<SimulatedVehicle> generate(long fromMicros, long toMicros, RandomGenerator random) {
        List<SimulatedVehicle> vehicles = new ArrayList<>();
        long t = fromMicros;
        long earliestNext = Math.max(fromMicros, clearedMicros);
        while (t < toMicros) {
            int hour = fixedHour >= 0 ? fixedHour : Instant.ofEpochSecond(t / 1_000_000).atZone(LOCAL).getHour();
            double perSecond = peakPerHour * profile.factor(hour) * scale / 3600.0;
            double gapSeconds = -Math.log(1 - random.nextDouble()) / perSecond;
            t = Math.max(t + (long) (gapSeconds * 1e6), earliestNext);
            if (t >= toMicros) {
                break;
            }
            VehicleKind kind = VehicleKind.pick(random.nextDouble());
            double length = kind.minLength() + random.nextDouble() * (kind.maxLength() - kind.minLength());
            double speed = speeds.drawMetersPerSecond(random);
            vehicles.add(new SimulatedVehicle(t, length, speed, kind));
            double occupiedSeconds = (loopSpacingMeters + length + loopLengthMeters) / speed;
            earliestNext = t + (long) ((occupiedSeconds + CLEARANCE_SECONDS) * 1e6);
            clearedMicros = earliestNext;
        }
        return vehicles;
    }
}
