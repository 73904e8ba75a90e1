package cn.taihang.roadsensors.domain;

import cn.taihang.wire.records.SensorReading;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/**
 * What a roadside sensor measures, named by its IPSO object id (OMA LwM2M registry) and, for the generic
 * objects 3300 (Generic Sensor) and 3325 (Concentration), its application type (resource 5750). Each kind
 * has one canonical SenML unit, the units accepted and converted, and the physically possible range.
 */
public enum SensorKind {
    /** 3303, application type none or {@code air}: air temperature, Cel. */
    AIR_TEMPERATURE(3303, "air", "Cel", -60, 60, "气温", "air temperature", Map.of("Cel", v -> v, "K", v -> v - 273.15)),
    /** 3303, application type {@code road-surface}: road surface temperature, Cel. */
    ROAD_SURFACE_TEMPERATURE(3303, "road-surface", "Cel", -60, 80, "路面温度", "road surface temperature",
            Map.of("Cel", v -> v, "K", v -> v - 273.15)),
    /** 3304: relative humidity, %RH. */
    HUMIDITY(3304, null, "%RH", 0, 100, "湿度", "humidity", Map.of("%RH", v -> v, "%", v -> v)),
    /** 3300 {@code visibility}: meteorological visibility, m. */
    VISIBILITY(3300, "visibility", "m", 0, 100_000, "能见度", "visibility", Map.of("m", v -> v, "km", v -> v * 1000)),
    /** 3300 {@code road-surface-state}: {@link RoadSurface} code 0-6 (or its name as a string value). */
    ROAD_SURFACE_STATE(3300, "road-surface-state", "", 0, 6, "路面状态", "road surface", Map.of("", v -> v)),
    /** 3300 {@code wind-speed}: wind speed (gusts), m/s. */
    WIND_SPEED(3300, "wind-speed", "m/s", 0, 120, "风速", "wind speed", Map.of("m/s", v -> v, "km/h", v -> v / 3.6)),
    /** 3300 {@code rain-rate}: precipitation intensity, mm/h. */
    RAIN_RATE(3300, "rain-rate", "mm/h", 0, 500, "降雨强度", "rain", Map.of("mm/h", v -> v, "m/s", v -> v * 3.6e6)),
    /** 3300 {@code parking-occupancy}: share of a car park's bays taken, %. */
    PARKING_OCCUPANCY(3300, "parking-occupancy", "%", 0, 100, "停车场占用", "car park occupancy", Map.of("%", v -> v, "/", v -> v * 100)),
    /** 3300 {@code pedestrian-flow}: people through a scenic-area gate, per minute. */
    PEDESTRIAN_FLOW(3300, "pedestrian-flow", "1/min", 0, 10_000, "人流量", "pedestrian flow", Map.of("1/min", v -> v, "1/s", v -> v * 60)),
    /** 3325 {@code pm2.5}: fine particulate matter, µg/m³. */
    PM2_5(3325, "pm2.5", "ug/m3", 0, 2_000, "PM2.5", "PM2.5", Map.of("ug/m3", v -> v, "kg/m3", v -> v * 1e9)),
    /** 3325 {@code pm10}: coarse particulate matter, µg/m³. */
    PM10(3325, "pm10", "ug/m3", 0, 5_000, "PM10", "PM10", Map.of("ug/m3", v -> v, "kg/m3", v -> v * 1e9));

    /** IPSO resource: the sensor value. */
    public static final int SENSOR_VALUE = SensorReading.SENSOR_VALUE;
    /** IPSO resource: the sensor's units, as text. */
    public static final int SENSOR_UNITS = 5701;
    /** IPSO resource: the application type, as text. */
    public static final int APPLICATION_TYPE = SensorReading.APPLICATION_TYPE_RESOURCE;

    private final int object;
    private final String applicationType;
    private final String unit;
    private final double min;
    private final double max;
    private final String zh;
    private final String en;
    private final Map<String, DoubleUnaryOperator> units;

    SensorKind(int object, String applicationType, String unit, double min, double max, String zh, String en,
               Map<String, DoubleUnaryOperator> units) {
        this.object = object;
        this.applicationType = applicationType;
        this.unit = unit;
        this.min = min;
        this.max = max;
        this.zh = zh;
        this.en = en;
        this.units = units;
    }

    /**
     * @param object IPSO object id
     * @param applicationType the instance's application type (5750), or {@code null}
     * @return the kind, if the pair names one
     */
    public static Optional<SensorKind> of(int object, String applicationType) {
        for (SensorKind kind : values()) {
            if (kind.object != object) {
                continue;
            }
            if (kind.applicationType == null || kind.applicationType.equals(applicationType)
                    || (kind == AIR_TEMPERATURE && (applicationType == null || "air-temperature".equals(applicationType)))) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** @return whether the object has several kinds, told apart by application type */
    public static boolean needsApplicationType(int object) {
        return object == 3300 || object == 3325;
    }

    /** @return the IPSO object id */
    public int object() {
        return object;
    }

    /** @return the application type (5750), {@code null} for objects with one kind */
    public String applicationType() {
        return applicationType;
    }

    /** @return the canonical SenML unit ({@code ""} for a code) */
    public String unit() {
        return unit;
    }

    /** @return the lowest physically possible value, canonical unit */
    public double min() {
        return min;
    }

    /** @return the highest physically possible value, canonical unit */
    public double max() {
        return max;
    }

    /** @return the Chinese name */
    public String zh() {
        return zh;
    }

    /** @return the English name */
    public String en() {
        return en;
    }

    /** @return the accepted units, for messages */
    public java.util.Set<String> acceptedUnits() {
        return new java.util.TreeSet<>(units.keySet());
    }

    /** @return the value in the canonical unit, if the unit is accepted */
    public Optional<Double> toCanonical(String sentUnit, double value) {
        DoubleUnaryOperator conversion = units.get(sentUnit == null ? "" : sentUnit);
        return conversion == null ? Optional.empty() : Optional.of(conversion.applyAsDouble(value));
    }

    /** @return the id used in configuration and alarm details, e.g. {@code visibility} */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-').replace("pm2-5", "pm2.5");
    }
}
