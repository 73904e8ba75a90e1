package cn.taihang.sign.internal;

import cn.taihang.gateway.api.Measurement;
import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.gateway.api.Priority;
import cn.taihang.sign.api.SignView;
import cn.taihang.wire.records.SignReport;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Builds {@link SignReport} records within the wire limits: SenML text values are at most 128 characters and a
 * record body at most 16 KiB, so the MULTI text and the PNG travel in numbered chunks ({@code message/00…},
 * {@code png/000…}, Base64 of 90 bytes each), and the image is left out (with {@code png/omitted}) if it would
 * push the record past {@value #MAX_BODY_ESTIMATE} bytes.
 */
final class StatusRecords {

    static final int TEXT_CHUNK = 120;
    static final int PNG_CHUNK_BYTES = 90;
    static final int MAX_BODY_ESTIMATE = 15 * 1024;

    private StatusRecords() {
    }

    /**
     * @param role hub, road or local
     * @param large whether the sign defaults to large type
     * @param state SHOWN, UNCONFIRMED or PANEL_DOWN
     * @param change whether the content or the link changed (high priority) or it is the periodic report
     */
    static OutboundRecord build(SignView view, String role, boolean large, String state, boolean change, Instant now) {
        List<Measurement> m = new ArrayList<>();
        m.add(Measurement.of(SignReport.STATE, state));
        m.add(Measurement.of(SignReport.LINK, view.link()));
        m.add(Measurement.of(SignReport.ROLE, role));
        m.add(Measurement.of(SignReport.LARGE, large));
        m.add(Measurement.of(SignReport.ORIGIN, view.origin().name()));
        m.add(Measurement.of(SignReport.SOURCE, clip(view.source())));
        m.add(Measurement.of(SignReport.PRIORITY, view.priority()));
        m.add(Measurement.of(SignReport.ACTIVATED, view.activatedAt().toEpochMilli()));
        if (view.expiresAt() != null) {
            m.add(Measurement.of(SignReport.EXPIRES, view.expiresAt().toEpochMilli()));
        }
        m.add(Measurement.of(SignReport.WIDTH, view.width()));
        m.add(Measurement.of(SignReport.HEIGHT, view.height()));
        m.add(Measurement.of(SignReport.COLOUR, view.scheme().name()));
        m.add(Measurement.of(SignReport.PAGES, view.pages()));
        if (!view.warnings().isEmpty()) {
            m.add(Measurement.of(SignReport.WARNINGS, clip(String.join(",", view.warnings()))));
        }
        if (view.brightness() >= 0) {
            m.add(Measurement.of(SignReport.BRIGHTNESS, view.brightness()));
            m.add(Measurement.of(SignReport.TEMPERATURE, view.temperatureCelsius()));
            m.add(Measurement.of(SignReport.AMBIENT, view.ambientLux()));
            m.add(Measurement.of(SignReport.PIXEL_FAULTS, view.pixelFaults()));
        }
        String multi = view.multi();
        for (int i = 0, n = 0; n == 0 || i < multi.length(); i += TEXT_CHUNK, n++) {
            m.add(Measurement.text(SignReport.MESSAGE.nameOf(n), multi.substring(i, Math.min(multi.length(), i + TEXT_CHUNK))));
        }
        byte[] png = view.png();
        int base = estimate(m);
        int pngEstimate = ((png.length + PNG_CHUNK_BYTES - 1) / PNG_CHUNK_BYTES) * (TEXT_CHUNK + 16) + 64;
        if (base + pngEstimate > MAX_BODY_ESTIMATE) {
            m.add(Measurement.of(SignReport.PNG_OMITTED, "image of " + png.length + " bytes would exceed the record limit"));
        } else {
            CRC32 crc = new CRC32();
            crc.update(png);
            m.add(Measurement.of(SignReport.PNG_BYTES, png.length));
            m.add(Measurement.of(SignReport.PNG_CRC, crc.getValue()));
            for (int i = 0, n = 0; i < png.length; i += PNG_CHUNK_BYTES, n++) {
                byte[] part = java.util.Arrays.copyOfRange(png, i, Math.min(png.length, i + PNG_CHUNK_BYTES));
                m.add(Measurement.text(SignReport.PNG.nameOf(n), Base64.getEncoder().encodeToString(part)));
            }
        }
        return new OutboundRecord(view.id(), SignReport.KIND.name(), change ? Priority.HIGH : Priority.NORMAL, now, m);
    }

    private static int estimate(List<Measurement> measurements) {
        int total = 0;
        for (Measurement x : measurements) {
            total += x.name().length() + 16 + (x.text() != null ? x.text().getBytes(StandardCharsets.UTF_8).length : 9);
        }
        return total;
    }

    private static String clip(String text) {
        return text.length() <= TEXT_CHUNK ? text : text.substring(0, TEXT_CHUNK - 3) + "...";
    }
}
