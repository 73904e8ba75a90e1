package cn.taihang.wire.records;

/**
 * The unit symbols the vocabulary's measurements carry, as SenML {@code u} values: SenML units
 * (RFC 8428 §12.1 and the secondary units of RFC 8798) where one exists. Two are not SenML units and
 * stay as gateways have always sent them: {@link #BYTE} (UCUM's symbol; SenML's is {@code B}) and
 * {@link #PIXEL}. Road-sensor values carry the canonical unit of their sensor kind (see {@link SensorReading}).
 */
public final class Units {

    /** Seconds. */
    public static final String SECOND = "s";
    /** Milliseconds, here always ms since the Unix epoch (RFC 8798). */
    public static final String MILLISECOND = "ms";
    /** A count of events or things. */
    public static final String COUNT = "count";
    /** Percent. */
    public static final String PERCENT = "%";
    /** Metres per second. */
    public static final String METRE_PER_SECOND = "m/s";
    /** Degrees Celsius. */
    public static final String CELSIUS = "Cel";
    /** Lux (illuminance). */
    public static final String LUX = "lx";
    /** Bytes, UCUM symbol (not SenML's {@code B}). */
    public static final String BYTE = "By";
    /** Pixels of a sign panel (no SenML unit). */
    public static final String PIXEL = "px";

    private Units() {
    }
}
