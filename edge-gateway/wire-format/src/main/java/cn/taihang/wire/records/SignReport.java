package cn.taihang.wire.records;

import java.util.List;

/**
 * {@value RecordKinds#SIGN_STATUS}: what a digital sign shows right now and how its panel is, HIGH when the content
 * or the link changed, NORMAL for the periodic report (so the kind implies no class). Device: the sign. SenML
 * texts are short, so the MULTI text and the PNG travel in numbered chunks ({@link #MESSAGE}, {@link #PNG},
 * Base64); the image is left out, with {@link #PNG_OMITTED}, when it would push the record past the body limit.
 *
 * <p>Produced by the digital-sign bundle. Consumed by the bridge's signs service (the sign list and its images:
 * every measurement below; the PNG is reassembled and checked against {@link #PNG_BYTES} and {@link #PNG_CRC}).
 */
public final class SignReport {

    /** {@code SHOWN}, {@code UNCONFIRMED} or {@code PANEL_DOWN}. */
    public static final Metric<String> STATE = Metric.text("state");
    /** Whether the panel answers on its serial line. */
    public static final Metric<Boolean> LINK = Metric.flag("link");
    /** The sign's role: {@code hub}, {@code road} or {@code local}. */
    public static final Metric<String> ROLE = Metric.text("role");
    /** Whether the sign defaults to large type. */
    public static final Metric<Boolean> LARGE = Metric.flag("large");
    /** Why the message is up (the sign's message origin, e.g. {@code CENTRAL}, {@code SAFETY}). */
    public static final Metric<String> ORIGIN = Metric.text("origin");
    /** Who put it up, at most 120 characters. */
    public static final Metric<String> SOURCE = Metric.text("source");
    /** The message's run-time priority. */
    public static final Metric<Double> PRIORITY = Metric.number("priority", null);
    /** When the message went up, ms since the epoch. */
    public static final Metric<Double> ACTIVATED = Metric.number("activated", Units.MILLISECOND);
    /** When the message expires, ms since the epoch; absent if it does not. */
    public static final Metric<Double> EXPIRES = Metric.number("expires", Units.MILLISECOND);
    /** Panel width, px. */
    public static final Metric<Double> WIDTH = Metric.number("width", Units.PIXEL);
    /** Panel height, px. */
    public static final Metric<Double> HEIGHT = Metric.number("height", Units.PIXEL);
    /** The panel's LED colour scheme, e.g. {@code MONOCHROME_1BIT}. */
    public static final Metric<String> COLOUR = Metric.text("colour");
    /** Pages of the message. */
    public static final Metric<Double> PAGES = Metric.number("pages", null);
    /** Ids of the safety alarms active on the sign, comma-separated; absent if none. */
    public static final Metric<String> WARNINGS = Metric.text("warnings");
    /** Panels that report it: brightness, %. */
    public static final Metric<Double> BRIGHTNESS = Metric.number("brightness", Units.PERCENT);
    /** Panels that report it: temperature, Cel. */
    public static final Metric<Double> TEMPERATURE = Metric.number("temperature", Units.CELSIUS);
    /** Panels that report it: ambient light, lx. */
    public static final Metric<Double> AMBIENT = Metric.number("ambient", Units.LUX);
    /** Panels that report it: failed pixels. */
    public static final Metric<Double> PIXEL_FAULTS = Metric.number("pixelFaults", Units.COUNT);
    /** The MULTI text in chunks {@code message/00}, {@code message/01}, … (at least one, possibly empty). */
    public static final MetricFamily<String> MESSAGE = MetricFamily.textChunks("message/", 2);
    /** The image as PNG in Base64 chunks {@code png/000}, {@code png/001}, …, absent with {@link #PNG_OMITTED}. */
    public static final MetricFamily<String> PNG = MetricFamily.textChunks("png/", 3);
    /** Size of the PNG, By. */
    public static final Metric<Double> PNG_BYTES = Metric.number("png/bytes", Units.BYTE);
    /** CRC-32 of the PNG. */
    public static final Metric<Double> PNG_CRC = Metric.number("png/crc", null);
    /** Why the image was left out. */
    public static final Metric<String> PNG_OMITTED = Metric.text("png/omitted");

    /** The kind. */
    public static final RecordKind KIND = RecordKind.withoutPriority(RecordKinds.SIGN_STATUS,
            List.of(STATE, LINK, ROLE, LARGE, ORIGIN, SOURCE, PRIORITY, ACTIVATED, EXPIRES, WIDTH, HEIGHT, COLOUR, PAGES, WARNINGS,
                    BRIGHTNESS, TEMPERATURE, AMBIENT, PIXEL_FAULTS, PNG_BYTES, PNG_CRC, PNG_OMITTED), List.of(MESSAGE, PNG));

    private SignReport() {
    }
}
