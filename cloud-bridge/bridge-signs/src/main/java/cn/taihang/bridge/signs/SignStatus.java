package cn.taihang.bridge.signs;

import cn.taihang.bridge.module.IngestedRecord;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * A {@code sign.status} record as the bridge reads it: the sign's state, what it shows, and the PNG reassembled from
 * its {@code png/NNN} chunks (checked against {@code png/bytes} and {@code png/crc}).
 *
 * @param png the image, or {@code null} if the record carried none or it did not check out
 */
record SignStatus(String sign, String gateway, String site, long timeMillis, String state, boolean link, String role, String multi, String origin,
                  String source, int priority, Long activatedMillis, Long expiresMillis, int width, int height, String colour, boolean large,
                  int pages, Double brightness, Double temperature, Double ambient, Double pixelFaults, String warnings, byte[] png) {

    static final String KIND = "sign.status";

    /** @return the status, or {@code null} if the record lacks what every status has */
    static SignStatus of(IngestedRecord r) {
        if (r.text("state") == null || r.number("width") == null || r.number("height") == null) {
            return null;
        }
        Map<String, Object> chunks = new TreeMap<>();
        StringBuilder multi = new StringBuilder();
        r.values().forEach((name, value) -> {
            if (name.startsWith("message/") || name.matches("png/\\d{3}")) {
                chunks.put(name, value);
            }
        });
        chunks.forEach((name, value) -> {
            if (name.startsWith("message/")) {
                multi.append(value);
            }
        });
        return new SignStatus(r.device(), r.gateway(), r.site(), r.timeMillis(), r.text("state"), Boolean.TRUE.equals(r.values().get("link")),
                orElse(r.text("role"), "road"), multi.toString(), orElse(r.text("origin"), "UNKNOWN"), orElse(r.text("source"), ""),
                r.number("priority") == null ? 0 : r.number("priority").intValue(), millis(r, "activated"), millis(r, "expires"),
                r.number("width").intValue(), r.number("height").intValue(), orElse(r.text("colour"), "MONOCHROME_1BIT"),
                Boolean.TRUE.equals(r.values().get("large")), r.number("pages") == null ? 1 : r.number("pages").intValue(),
                r.number("brightness"), r.number("temperature"), r.number("ambient"), r.number("pixelFaults"), r.text("warnings"), png(r, chunks));
    }

    private static byte[] png(IngestedRecord r, Map<String, Object> chunks) {
        Double bytes = r.number("png/bytes");
        Double crc = r.number("png/crc");
        if (bytes == null || crc == null || bytes <= 0) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            chunks.forEach((name, value) -> {
                if (name.startsWith("png/")) {
                    out.writeBytes(Base64.getDecoder().decode(value.toString()));
                }
            });
        } catch (IllegalArgumentException e) {
            return null;
        }
        byte[] png = out.toByteArray();
        CRC32 check = new CRC32();
        check.update(png);
        return png.length == bytes.intValue() && check.getValue() == crc.longValue() ? png : null;
    }

    private static Long millis(IngestedRecord r, String name) {
        Double v = r.number(name);
        return v == null ? null : v.longValue();
    }

    private static String orElse(String value, String otherwise) {
        return value == null ? otherwise : value;
    }
}
