package cn.taihang.bridge.signs;

import cn.taihang.bridge.module.IngestedRecord;
import cn.taihang.wire.records.Metric;
import cn.taihang.wire.records.SignReport;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * A {@link SignReport} as the bridge reads it: the sign's state, what it shows, and the PNG reassembled from its
 * {@link SignReport#PNG} chunks (checked against {@link SignReport#PNG_BYTES} and {@link SignReport#PNG_CRC}).
 *
 * @param png the image, or {@code null} if the record carried none or it did not check out
 */
record SignStatus(String sign, String gateway, String site, long timeMillis, String state, boolean link, String role, String multi, String origin,
                  String source, int priority, Long activatedMillis, Long expiresMillis, int width, int height, String colour, boolean large,
                  int pages, Double brightness, Double temperature, Double ambient, Double pixelFaults, String warnings, byte[] png) {

    /** @return the status, or {@code null} if the record lacks what every status has */
    static SignStatus of(IngestedRecord r) {
        if (r.get(SignReport.STATE) == null || r.get(SignReport.WIDTH) == null || r.get(SignReport.HEIGHT) == null) {
            return null;
        }
        Map<String, Object> messages = new TreeMap<>();
        Map<String, Object> pngChunks = new TreeMap<>();
        r.values().forEach((name, value) -> {
            if (SignReport.MESSAGE.contains(name)) {
                messages.put(name, value);
            } else if (SignReport.PNG.contains(name)) {
                pngChunks.put(name, value);
            }
        });
        StringBuilder multi = new StringBuilder();
        messages.values().forEach(multi::append);
        return new SignStatus(r.device(), r.gateway(), r.site(), r.timeMillis(), r.get(SignReport.STATE), Boolean.TRUE.equals(r.get(SignReport.LINK)),
                orElse(r.get(SignReport.ROLE), "road"), multi.toString(), orElse(r.get(SignReport.ORIGIN), "UNKNOWN"), orElse(r.get(SignReport.SOURCE), ""),
                r.get(SignReport.PRIORITY) == null ? 0 : r.get(SignReport.PRIORITY).intValue(), millis(r, SignReport.ACTIVATED),
                millis(r, SignReport.EXPIRES), r.get(SignReport.WIDTH).intValue(), r.get(SignReport.HEIGHT).intValue(),
                orElse(r.get(SignReport.COLOUR), "MONOCHROME_1BIT"), Boolean.TRUE.equals(r.get(SignReport.LARGE)),
                r.get(SignReport.PAGES) == null ? 1 : r.get(SignReport.PAGES).intValue(), r.get(SignReport.BRIGHTNESS), r.get(SignReport.TEMPERATURE),
                r.get(SignReport.AMBIENT), r.get(SignReport.PIXEL_FAULTS), r.get(SignReport.WARNINGS), png(r, pngChunks));
    }

    private static byte[] png(IngestedRecord r, Map<String, Object> chunks) {
        Double bytes = r.get(SignReport.PNG_BYTES);
        Double crc = r.get(SignReport.PNG_CRC);
        if (bytes == null || crc == null || bytes <= 0) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            chunks.values().forEach(value -> out.writeBytes(Base64.getDecoder().decode(value.toString())));
        } catch (IllegalArgumentException e) {
            return null;
        }
        byte[] png = out.toByteArray();
        CRC32 check = new CRC32();
        check.update(png);
        return png.length == bytes.intValue() && check.getValue() == crc.longValue() ? png : null;
    }

    private static Long millis(IngestedRecord r, Metric<Double> metric) {
        Double v = r.get(metric);
        return v == null ? null : v.longValue();
    }

    private static String orElse(String value, String otherwise) {
        return value == null ? otherwise : value;
    }
}
