package cn.taihang.sign.internal;

import cn.taihang.gateway.api.Measurement;
import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.gateway.api.Priority;
import cn.taihang.sign.api.SignView;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Builds {@code sign.status} records within the wire limits: SenML text values are at most 128 characters and a
 * record body at most 16 KiB, so the MULTI text and the PNG travel in numbered chunks ({@code message/00…},
 * {@code png/000…}, Base64 of 90 bytes each), and the image is left out (with {@code png/omitted}) if it would
 * push the record past {@value #MAX_BODY_ESTIMATE} bytes.
 */
final class StatusRecords {

    static final String KIND = "sign.status";
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
        m.add(Measurement.text("state", state));
        m.add(Measurement.flag("link", view.link()));
        m.add(Measurement.text("role", role));
        m.add(Measurement.flag("large", large));
        m.add(Measurement.text("origin", view.origin().name()));
        m.add(Measurement.text("source", clip(view.source())));
        m.add(Measurement.number("priority", null, view.priority()));
        m.add(Measurement.number("activated", "ms", view.activatedAt().toEpochMilli()));
        if (view.expiresAt() != null) {
            m.add(Measurement.number("expires", "ms", view.expiresAt().toEpochMilli()));
        }
        m.add(Measurement.number("width", "px", view.width()));
        m.add(Measurement.number("height", "px", view.height()));
        m.add(Measurement.text("colour", view.scheme().name()));
        m.add(Measurement.number("pages", null, view.pages()));
        if (!view.warnings().isEmpty()) {
            m.add(Measurement.text("warnings", clip(String.join(",", view.warnings()))));
        }
        if (view.brightness() >= 0) {
            m.add(Measurement.number("brightness", "%", view.brightness()));
            m.add(Measurement.number("temperature", "Cel", view.temperatureCelsius()));
            m.add(Measurement.number("ambient", "lx", view.ambientLux()));
            m.add(Measurement.number("pixelFaults", "count", view.pixelFaults()));
        }
        String multi = view.multi();
        for (int i = 0, n = 0; n == 0 || i < multi.length(); i += TEXT_CHUNK, n++) {
            m.add(Measurement.text(String.format("message/%02d", n), multi.substring(i, Math.min(multi.length(), i + TEXT_CHUNK))));
        }
        byte[] png = view.png();
        int base = estimate(m);
        int pngEstimate = ((png.length + PNG_CHUNK_BYTES - 1) / PNG_CHUNK_BYTES) * (TEXT_CHUNK + 16) + 64;
        if (base + pngEstimate > MAX_BODY_ESTIMATE) {
            m.add(Measurement.text("png/omitted", "image of " + png.length + " bytes would exceed the record limit"));
        } else {
            CRC32 crc = new CRC32();
            crc.update(png);
            m.add(Measurement.number("png/bytes", "By", png.length));
            m.add(Measurement.number("png/crc", null, crc.getValue()));
            for (int i = 0, n = 0; i < png.length; i += PNG_CHUNK_BYTES, n++) {
                byte[] part = java.util.Arrays.copyOfRange(png, i, Math.min(png.length, i + PNG_CHUNK_BYTES));
                m.add(Measurement.text(String.format("png/%03d", n), Base64.getEncoder().encodeToString(part)));
            }
        }
        return new OutboundRecord(view.id(), KIND, change ? Priority.HIGH : Priority.NORMAL, now, m);
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
