package cn.taihang.gateway.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one digital sign shows now, as {@link SignDisplay#snapshot()} reports it.
 *
 * @param id the sign's device id
 * @param description where it stands, for people (may be bilingual)
 * @param width panel pixels across
 * @param height panel pixels down (of one page)
 * @param colours the panel's LED colours, e.g. {@code MONOCHROME_1BIT}, {@code TRICOLOUR}, {@code COLOUR_24BIT}
 * @param multi the message up now in NTCIP 1203 MULTI markup, {@code ""} when the sign is blank
 * @param origin why it is up, e.g. {@code CENTRAL}, {@code LOCAL}, {@code SAFETY}, {@code END_DURATION}
 * @param source who put it up, e.g. {@code bridge/hub-board}, {@code console:li}
 * @param priority its run-time priority, 0–255
 * @param activatedAt when it went up
 * @param expiresAt when it ends by itself, or {@code null} if it stays until replaced
 * @param confirmed whether the panel reported showing exactly this content
 * @param link whether the panel answers
 * @param brightness LED level in percent, or -1 before the panel's first status
 * @param temperatureCelsius cabinet temperature, or {@code NaN} before the panel's first status
 * @param pixelFaults faulty pixels, or -1 before the panel's first status
 * @param warnings ids of the safety alarms shown on the sign (e.g. {@code fog@vis-zw-12}), never {@code null}
 * @param png the message's pages stacked top to bottom as one PNG image ({@code width} × {@code height·pages}); never
 *     {@code null}
 * @param pages how many pages the message has (the panel shows them in turn)
 */
public record SignSnapshot(String id, String description, int width, int height, String colours, String multi, String origin, String source,
                           int priority, Instant activatedAt, Instant expiresAt, boolean confirmed, boolean link, int brightness,
                           double temperatureCelsius, int pixelFaults, List<String> warnings, byte[] png, int pages) {

    /** Validates and copies. */
    public SignSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(colours, "colours");
        Objects.requireNonNull(multi, "multi");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(activatedAt, "activatedAt");
        warnings = List.copyOf(warnings);
        png = png.clone();
    }

    /** @return the PNG image (a copy) */
    @Override
    public byte[] png() {
        return png.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignSnapshot s && id.equals(s.id) && multi.equals(s.multi) && origin.equals(s.origin) && source.equals(s.source)
                && priority == s.priority && activatedAt.equals(s.activatedAt) && Objects.equals(expiresAt, s.expiresAt)
                && confirmed == s.confirmed && link == s.link && brightness == s.brightness
                && Double.compare(temperatureCelsius, s.temperatureCelsius) == 0 && pixelFaults == s.pixelFaults
                && warnings.equals(s.warnings) && java.util.Arrays.equals(png, s.png) && pages == s.pages && width == s.width
                && height == s.height && colours.equals(s.colours) && description.equals(s.description);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, multi, origin, source, priority, activatedAt, confirmed, link, java.util.Arrays.hashCode(png));
    }

    @Override
    public String toString() {
        return "SignSnapshot[" + id + " " + origin + " p" + priority + " '" + multi + "', " + pages + " pages, " + png.length + " bytes of PNG]";
    }
}
