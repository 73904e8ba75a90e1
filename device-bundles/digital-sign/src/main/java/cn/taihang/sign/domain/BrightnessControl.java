package cn.taihang.sign.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Picks the LED brightness: from the panel's photocell (ambient light, logarithmic from dark to full sun) or,
 * without a photocell reading or in schedule mode, from a time-of-day table. Immutable.
 */
public final class BrightnessControl {

    /** Where the level comes from. */
    public enum Mode { PHOTOCELL, SCHEDULE }

    /** Ambient light at and above which the sign runs at full brightness (direct sun on the face). */
    static final double FULL_SUN_LUX = 40_000;

    private final Mode mode;
    private final int min;
    private final int max;
    private final NavigableMap<LocalTime, Integer> schedule;
    private final ZoneId zone;

    /**
     * @param mode photocell or schedule
     * @param min level in the dark, percent 1–100
     * @param max level in full sun, percent, at least {@code min}
     * @param schedule time of day → percent; used in schedule mode and when the photocell gives nothing; may be empty
     * @param zone local time zone
     */
    public BrightnessControl(Mode mode, int min, int max, Map<LocalTime, Integer> schedule, ZoneId zone) {
        if (min < 1 || max > 100 || min > max) {
            throw new IllegalArgumentException("brightness must satisfy 1 <= min <= max <= 100, was " + min + ".." + max);
        }
        schedule.values().forEach(level -> {
            if (level < 0 || level > 100) {
                throw new IllegalArgumentException("scheduled brightness must be 0-100 %, was " + level);
            }
        });
        this.mode = Objects.requireNonNull(mode, "mode");
        this.min = min;
        this.max = max;
        this.schedule = new TreeMap<>(schedule);
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * Parses schedule entries {@code HH:MM=percent}.
     *
     * @throws IllegalArgumentException naming the bad entry
     */
    public static Map<LocalTime, Integer> parseSchedule(List<String> entries) {
        Map<LocalTime, Integer> table = new TreeMap<>();
        for (String entry : entries) {
            String[] parts = entry.split("=", 2);
            try {
                table.put(LocalTime.parse(parts[0].strip()), Integer.parseInt(parts[1].strip()));
            } catch (DateTimeParseException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new IllegalArgumentException("brightness schedule entry '" + entry + "' is not HH:MM=percent, e.g. 19:00=40");
            }
        }
        return table;
    }

    /**
     * @param now the time
     * @param ambientLux the photocell's reading, if any
     * @return the level in percent
     */
    public int level(Instant now, OptionalDouble ambientLux) {
        if (mode == Mode.PHOTOCELL && ambientLux.isPresent()) {
            double lux = Math.max(0, ambientLux.getAsDouble());
            double fraction = Math.min(1.0, Math.log10(1 + lux) / Math.log10(1 + FULL_SUN_LUX));
            return (int) Math.round(min + (max - min) * fraction);
        }
        if (schedule.isEmpty()) {
            return max;
        }
        LocalTime time = now.atZone(zone).toLocalTime();
        Map.Entry<LocalTime, Integer> entry = schedule.floorEntry(time);
        return (entry != null ? entry : schedule.lastEntry()).getValue();
    }
}
