package cn.taihang.simulator.sensors;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

/**
 * The weather and crowds along Jincheng's tourist roads, as the virtual sensors measure them: a climate
 * (season, hour of day, the Taihang mountains colder and foggier than the basin) with scripted
 * {@link WeatherEpisode}s on top — fog on the Taihang sections, ice on winter nights, car parks filling on
 * holidays. Pure and deterministic: the same seed, section and time give the same values.
 */
public final class Weather {

    /** Sections in the Taihang mountains: colder, foggier mornings. */
    public static final Set<String> TAIHANG_SECTIONS = Set.of("zheshui-wangmangling", "honghuadi-ganhekou", "manghe-ligeda");
    private static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
    private static final double[] MONTHLY_MEAN_CELSIUS = {-4, -1, 6, 13, 19, 23, 25, 23, 18, 12, 4, -2};
    private static final Set<Integer> HOLIDAY_DAYS = Set.of(101, 102, 103, 501, 502, 503, 504, 505, 1001, 1002, 1003, 1004, 1005, 1006, 1007);

    private final long seed;
    private final List<WeatherEpisode> episodes;

    /**
     * @param seed noise seed
     * @param episodes scripted episodes
     */
    public Weather(long seed, List<WeatherEpisode> episodes) {
        this.seed = seed;
        this.episodes = List.copyOf(episodes);
    }

    /** @return air temperature, °C */
    public double airCelsius(String section, Instant t) {
        ZonedDateTime local = t.atZone(LOCAL);
        double mean = MONTHLY_MEAN_CELSIUS[local.getMonthValue() - 1] - (TAIHANG_SECTIONS.contains(section) ? 3 : 0);
        double hour = local.getHour() + local.getMinute() / 60.0;
        double celsius = mean + 6 * Math.sin(2 * Math.PI * (hour - 9) / 24) + noise(section, t, 1, 0.8);
        return active(WeatherEpisode.Kind.ICE, section, t) ? Math.min(celsius, -4 + noise(section, t, 2, 1)) : celsius;
    }

    /** @return road surface temperature, °C: colder than the air at night, warmer in the midday sun */
    public double surfaceCelsius(String section, Instant t) {
        double hour = t.atZone(LOCAL).getHour();
        double sun = hour >= 10 && hour <= 16 ? 6 : hour >= 20 || hour <= 6 ? -2.5 : 0;
        double surface = airCelsius(section, t) + sun;
        return active(WeatherEpisode.Kind.ICE, section, t) ? Math.min(surface, -3) : surface;
    }

    /** @return relative humidity, % */
    public double humidityPercent(String section, Instant t) {
        if (active(WeatherEpisode.Kind.FOG, section, t) || active(WeatherEpisode.Kind.STORM, section, t)) {
            return 98;
        }
        double hour = t.atZone(LOCAL).getHour();
        double base = 62 + 18 * Math.cos(2 * Math.PI * (hour - 4) / 24) + (TAIHANG_SECTIONS.contains(section) ? 8 : 0);
        double humidity = base + noise(section, t, 3, 4);
        return active(WeatherEpisode.Kind.ICE, section, t) ? Math.max(humidity, 92) : Math.max(5, Math.min(100, humidity));
    }

    /** @return visibility, m: clear air 8-20 km; fog thickens within the first sixth of an episode to 60-90 m and lifts in the last sixth */
    public double visibilityMeters(String section, Instant t) {
        double clear = 14_000 + 5_000 * noise(section, t.truncatedTo(java.time.temporal.ChronoUnit.HOURS), 4, 1);
        for (WeatherEpisode e : episodes) {
            if (e.kind() == WeatherEpisode.Kind.FOG && e.covers(section, t)) {
                double depth = Math.min(1, 2 * Math.sin(Math.PI * e.progress(t)));
                double floor = 75 + 15 * noise(section, t, 5, 1);
                return Math.max(floor, clear * Math.pow(1 - depth, 3) + floor * depth);
            }
        }
        return clear;
    }

    /** @return the road surface state code (0 dry … 6 ice) of the road-sensors bundle */
    public int roadSurfaceCode(String section, Instant t) {
        double surface = surfaceCelsius(section, t);
        boolean wet = active(WeatherEpisode.Kind.STORM, section, t) || humidityPercent(section, t) >= 90;
        if (surface <= 0 && wet) {
            return surface <= -2 ? 6 : 5;
        }
        if (active(WeatherEpisode.Kind.STORM, section, t)) {
            return 2;
        }
        return humidityPercent(section, t) >= 85 ? 1 : 0;
    }

    /** @return gust wind speed, m/s */
    public double windMps(String section, Instant t) {
        double wind = 3.5 + 2.5 * Math.abs(noise(section, t, 6, 1));
        return active(WeatherEpisode.Kind.STORM, section, t) ? 18 + 6 * Math.sin(Math.PI * progress(WeatherEpisode.Kind.STORM, section, t)) : wind;
    }

    /** @return rain intensity, mm/h */
    public double rainMmPerHour(String section, Instant t) {
        return active(WeatherEpisode.Kind.STORM, section, t) ? 15 + 25 * Math.sin(Math.PI * progress(WeatherEpisode.Kind.STORM, section, t)) : 0;
    }

    /** @return PM2.5, µg/m³: higher in the heating season */
    public double pm25(String section, Instant t) {
        int month = t.atZone(LOCAL).getMonthValue();
        double base = month >= 11 || month <= 2 ? 85 : 30;
        return Math.max(3, base + 20 * noise(section, t.truncatedTo(java.time.temporal.ChronoUnit.HOURS), 7, 1));
    }

    /** @return share of a viewpoint or scenic car park taken, %: a daytime curve, full on holidays */
    public double parkingPercent(String site, Instant t) {
        double hour = t.atZone(LOCAL).getHour() + t.atZone(LOCAL).getMinute() / 60.0;
        double daytime = Math.max(0, Math.sin(Math.PI * (hour - 7) / 11));
        if (active(WeatherEpisode.Kind.HOLIDAY, site, t)) {
            return Math.min(100, 55 + 45 * Math.sin(Math.PI / 2 * Math.min(1, 2 * progress(WeatherEpisode.Kind.HOLIDAY, site, t))));
        }
        double peak = isHoliday(t) ? 100 : isWeekend(t) ? 80 : 55;
        return Math.min(100, Math.max(0, 5 + (peak - 5) * daytime + 3 * noise(site, t, 8, 1)));
    }

    /** @return people through a scenic gate per minute */
    public double gatePerMinute(String site, Instant t) {
        double hour = t.atZone(LOCAL).getHour();
        double daytime = Math.max(0, Math.sin(Math.PI * (hour - 8) / 10));
        double peak = active(WeatherEpisode.Kind.HOLIDAY, site, t) || isHoliday(t) ? 160 : isWeekend(t) ? 90 : 45;
        return Math.max(0, peak * daytime + 5 * noise(site, t, 9, 1));
    }

    private boolean active(WeatherEpisode.Kind kind, String section, Instant t) {
        return episodes.stream().anyMatch(e -> e.kind() == kind && e.covers(section, t));
    }

    private double progress(WeatherEpisode.Kind kind, String section, Instant t) {
        return episodes.stream().filter(e -> e.kind() == kind && e.covers(section, t)).mapToDouble(e -> e.progress(t)).findFirst().orElse(0);
    }

    private static boolean isHoliday(Instant t) {
        ZonedDateTime local = t.atZone(LOCAL);
        return HOLIDAY_DAYS.contains(local.getMonthValue() * 100 + local.getDayOfMonth());
    }

    private static boolean isWeekend(Instant t) {
        return t.atZone(LOCAL).getDayOfWeek().getValue() >= 6;
    }

    /** Smooth noise in [-1, 1] (times the amplitude) from the seed, the place and the minute. */
    private double noise(String place, Instant t, int channel, double amplitude) {
        long minute = t.getEpochSecond() / 60;
        long h = seed * 0x9E3779B97F4A7C15L ^ place.hashCode() * 0xC2B2AE3D27D4EB4FL ^ channel * 0x165667B19E3779F9L;
        double a = hash(h ^ minute);
        double b = hash(h ^ (minute + 1));
        double f = (t.getEpochSecond() % 60) / 60.0;
        return amplitude * (a + (b - a) * f);
    }

    private static double hash(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb93fe53d1a11L;
        x ^= x >>> 33;
        return (x >>> 11) * 0x1.0p-53 * 2 - 1;
    }

    /**
     * The demo's script: fog on the Taihang sections from one minute after the start for five minutes, a
     * holiday crowd at the scenic sites from two minutes, and a freezing night on the Taihang sections
     * from four minutes (ice also comes by itself on real winter nights).
     */
    public static List<WeatherEpisode> demoScript(Instant start, Set<String> scenicSites) {
        return List.of(
                new WeatherEpisode(WeatherEpisode.Kind.FOG, Set.of("zheshui-wangmangling", "honghuadi-ganhekou"), start.plusSeconds(60), start.plusSeconds(360)),
                new WeatherEpisode(WeatherEpisode.Kind.HOLIDAY, scenicSites, start.plusSeconds(120), start.plusSeconds(900)),
                new WeatherEpisode(WeatherEpisode.Kind.ICE, TAIHANG_SECTIONS, start.plusSeconds(240), start.plusSeconds(600)));
    }
}
