package cn.taihang.sign.api;

import cn.taihang.sign.rendering.ColourScheme;
import cn.taihang.sign.domain.MessageOrigin;
import java.time.Instant;
import java.util.List;

/**
 * A snapshot of one sign: what it should show, whether the panel confirmed showing it, and the panel's health.
 *
 * @param id the sign's device id
 * @param description where it stands, bilingual
 * @param width panel pixels across
 * @param height panel pixels down
 * @param scheme LED colours
 * @param multi the message up now (MULTI), {@code ""} when blank
 * @param origin why it is up
 * @param source who put it up
 * @param priority its run-time priority
 * @param activatedAt when it went up
 * @param expiresAt when its duration ends, or {@code null}
 * @param confirmed whether the panel reported showing exactly this content
 * @param link whether the panel answers
 * @param brightness LED level, percent, or -1 before the first status
 * @param temperatureCelsius cabinet temperature, or {@code NaN} before the first status
 * @param ambientLux photocell reading, or -1
 * @param pixelFaults faulty pixels, or -1
 * @param warnings ids of the safety alarms active on this sign
 * @param png the message's pages stacked top to bottom, as PNG (what the panel shows, cycling through them)
 * @param pages how many pages the PNG holds
 */
public record SignView(String id, String description, int width, int height, ColourScheme scheme, String multi, MessageOrigin origin,
                       String source, int priority, Instant activatedAt, Instant expiresAt, boolean confirmed, boolean link, int brightness,
                       double temperatureCelsius, long ambientLux, int pixelFaults, List<String> warnings, byte[] png, int pages) {

    /** Copies. */
    public SignView {
        warnings = List.copyOf(warnings);
        png = png.clone();
    }

    /** @return the PNG (a copy) */
    @Override
    public byte[] png() {
        return png.clone();
    }
}
