package cn.taihang.roadsensors.domain;

import cn.taihang.roadsensors.domain.InvalidReadingException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a sensor's SenML values into {@link Reading}s: finds the kind from the IPSO object and application
 * type (resource 5750 in the pack, else the sensor's configuration), converts to the canonical unit
 * (the value's unit, else resource 5701), and refuses the whole pack if any value is unknown,
 * impossible or badly timed. Resources other than 5700, 5701 and 5750 are ignored. Stateless, thread-safe.
 */
public final class Normaliser {

    /** How far in the future a reading may be stamped (sensor clocks drift). */
    public static final Duration MAX_FUTURE = Duration.ofMinutes(10);
    /** How old a reading may be (a sensor sending a backlog after an outage). */
    public static final Duration MAX_AGE = Duration.ofDays(30);

    private static final Pattern IPSO_PATH = Pattern.compile("(?:.*/)?(\\d{1,5})/(\\d{1,5})/(\\d{1,5})");
    private static final double ABSOLUTE_TIME_FROM = 268_435_456; // 2^28, RFC 8428 §4.5.3

    /**
     * @param sensorId the sensor
     * @param values the pack
     * @param configuredTypes application types from the sensor's configuration, {@code "object/instance" -> type}
     * @param now the receiving time
     * @return the readings, in the pack's order, at least one
     * @throws InvalidReadingException if any value cannot be taken
     */
    public List<Reading> normalise(String sensorId, List<RawValue> values, Map<String, String> configuredTypes, Instant now)
            throws InvalidReadingException {
        Map<String, String> types = new HashMap<>();
        Map<String, String> units = new HashMap<>();
        List<int[]> paths = new ArrayList<>(values.size());
        for (RawValue value : values) {
            int[] path = path(value.name());
            paths.add(path);
            String instance = path[0] + "/" + path[1];
            if (path[2] == SensorKind.APPLICATION_TYPE && value.text() != null) {
                types.put(instance, value.text().trim().toLowerCase(Locale.ROOT));
            } else if (path[2] == SensorKind.SENSOR_UNITS && value.text() != null) {
                units.put(instance, value.text().trim());
            }
        }
        List<Reading> readings = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            int[] path = paths.get(i);
            if (path[2] == SensorKind.SENSOR_VALUE) {
                String instance = path[0] + "/" + path[1];
                String type = types.getOrDefault(instance, configuredTypes.get(instance));
                SensorKind kind = kind(path[0], type, instance);
                RawValue value = values.get(i);
                String unit = value.unit() != null ? value.unit() : units.get(instance);
                readings.add(new Reading(sensorId, kind, path[1], canonical(kind, value, unit), time(value.time(), now)));
            }
        }
        if (readings.isEmpty()) {
            throw new InvalidReadingException(Reason.BAD_NAME, "the pack holds no sensor value: name values <object>/<instance>/5700, e.g. 3303/0/5700");
        }
        return readings;
    }

    private static int[] path(String name) throws InvalidReadingException {
        Matcher m = IPSO_PATH.matcher(name);
        if (!m.matches()) {
            throw new InvalidReadingException(Reason.BAD_NAME, "'" + name + "' is not an IPSO path <object>/<instance>/<resource>, e.g. 3300/0/5700");
        }
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
    }

    private static SensorKind kind(int object, String type, String instance) throws InvalidReadingException {
        if (type == null && SensorKind.needsApplicationType(object)) {
            throw new InvalidReadingException(Reason.MISSING_APPLICATION_TYPE, "object " + instance + " needs an application type: send "
                    + instance + "/5750 (e.g. \"visibility\") or configure the sensor's applicationTypes");
        }
        return SensorKind.of(object, type).orElseThrow(() -> new InvalidReadingException(Reason.UNKNOWN_KIND,
                "object " + object + (type == null ? "" : " with application type '" + type + "'") + " is not a road-sensor kind; known: "
                        + Arrays.stream(SensorKind.values()).map(k -> k.object() + (k.applicationType() == null ? "" : ":" + k.applicationType())).toList()));
    }

    private static double canonical(SensorKind kind, RawValue value, String unit) throws InvalidReadingException {
        double number;
        if (kind == SensorKind.ROAD_SURFACE_STATE && value.text() != null) {
            number = RoadSurface.ofName(value.text()).map(RoadSurface::code).orElseThrow(() -> new InvalidReadingException(Reason.IMPOSSIBLE_VALUE,
                    "road surface state '" + value.text() + "' is unknown; send one of " + Arrays.stream(RoadSurface.values()).map(RoadSurface::en).toList()));
            return number;
        }
        if (value.number() == null) {
            throw new InvalidReadingException(Reason.IMPOSSIBLE_VALUE, kind.en() + " (" + value.name() + ") must be a number ('v')");
        }
        if (unit == null && !kind.unit().isEmpty()) {
            throw new InvalidReadingException(Reason.UNKNOWN_UNIT, kind.en() + " (" + value.name() + ") has no unit; send 'u' as one of " + kind.acceptedUnits());
        }
        Optional<Double> converted = kind.toCanonical(unit, value.number());
        if (converted.isEmpty()) {
            throw new InvalidReadingException(Reason.UNKNOWN_UNIT, "unit '" + unit + "' is not accepted for " + kind.en() + "; send one of "
                    + kind.acceptedUnits());
        }
        number = converted.get();
        if (!Double.isFinite(number) || number < kind.min() || number > kind.max()
                || (kind == SensorKind.ROAD_SURFACE_STATE && RoadSurface.ofCode(number).isEmpty())) {
            throw new InvalidReadingException(Reason.IMPOSSIBLE_VALUE, kind.en() + " " + value.number() + (unit == null || unit.isEmpty() ? "" : " " + unit)
                    + " is not physically possible (" + fmt(kind.min()) + ".." + fmt(kind.max()) + " " + kind.unit() + "); check the sensor");
        }
        return number;
    }

    private static Instant time(double senmlTime, Instant now) throws InvalidReadingException {
        if (!Double.isFinite(senmlTime)) {
            throw new InvalidReadingException(Reason.BAD_TIME, "time is not a finite number");
        }
        Instant time = senmlTime == 0 ? now
                : Math.abs(senmlTime) < ABSOLUTE_TIME_FROM ? now.plusMillis(Math.round(senmlTime * 1000))
                : Instant.ofEpochMilli(Math.round(senmlTime * 1000));
        if (time.isAfter(now.plus(MAX_FUTURE))) {
            throw new InvalidReadingException(Reason.BAD_TIME, "reading stamped " + time + " is in the future; check the sensor's clock");
        }
        if (time.isBefore(now.minus(MAX_AGE))) {
            throw new InvalidReadingException(Reason.BAD_TIME, "reading stamped " + time + " is older than " + MAX_AGE.toDays() + " days");
        }
        return time;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
