package cn.taihang.simulator.traffic;

/**
 * Hourly share of a lane's peak-hour volume over a day (local time, Asia/Shanghai), by road type:
 * tourist roads peak late morning and mid-afternoon, hubs at the high-speed-rail arrival waves,
 * service areas broadly through the day.
 */
public final class DailyProfile {

    private static final double[] TOURIST_ROAD = {
        0.03, 0.02, 0.02, 0.02, 0.04, 0.10, 0.25, 0.50, 0.80, 0.95, 1.00, 0.90,
        0.75, 0.80, 0.90, 1.00, 0.85, 0.60, 0.40, 0.25, 0.15, 0.10, 0.06, 0.04};
    private static final double[] HUB = {
        0.05, 0.03, 0.02, 0.02, 0.05, 0.20, 0.55, 0.90, 1.00, 0.80, 0.70, 0.75,
        0.70, 0.65, 0.70, 0.80, 0.95, 1.00, 0.85, 0.60, 0.45, 0.30, 0.15, 0.08};
    private static final double[] SERVICE_AREA = {
        0.10, 0.08, 0.06, 0.06, 0.08, 0.15, 0.35, 0.60, 0.80, 0.90, 1.00, 1.00,
        0.95, 0.90, 0.90, 0.95, 0.90, 0.80, 0.65, 0.50, 0.35, 0.25, 0.18, 0.12};

    private final double[] factors;

    private DailyProfile(double[] factors) {
        this.factors = factors;
    }

    /**
     * @param road road type of a lane: {@code tourist-road}, {@code hub} or {@code service-area}
     * @return its profile
     * @throws IllegalArgumentException for an unknown road type
     */
    public static DailyProfile forRoad(String road) {
        return switch (road) {
            case "tourist-road" -> new DailyProfile(TOURIST_ROAD);
            case "hub" -> new DailyProfile(HUB);
            case "service-area" -> new DailyProfile(SERVICE_AREA);
            default -> throw new IllegalArgumentException("unknown road type '" + road + "' (tourist-road, hub, service-area)");
        };
    }

    /**
     * @param hourOfDay 0–23, local time
     * @return the share of the peak-hour volume in that hour, 0–1
     */
    public double factor(int hourOfDay) {
        return factors[Math.floorMod(hourOfDay, 24)];
    }
}
