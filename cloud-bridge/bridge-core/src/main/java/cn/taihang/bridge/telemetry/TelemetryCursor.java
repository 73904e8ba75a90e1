package cn.taihang.bridge.telemetry;

import cn.taihang.bridge.module.ServiceException;
import cn.taihang.wire.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A position in the telemetry order (time, gateway, seq), carried by clients as an opaque token: the next page
 * starts strictly after it. Pure.
 *
 * @param timeMillis record time of the last item returned
 * @param gateway its gateway
 * @param seq its sequence number
 */
public record TelemetryCursor(long timeMillis, String gateway, long seq) {

    private static final String VERSION = "1";

    /** @return the opaque token, URL-safe */
    public String encode() {
        String plain = VERSION + ":" + timeMillis + ":" + seq + ":" + gateway;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param token a token from a previous page's {@code next}
     * @return the position
     * @throws ServiceException ({@link ServiceException.Kind#INVALID}) for parameter {@code after} if the token was not made by this API
     */
    public static TelemetryCursor decode(String token) {
        String expected = "the 'next' value of a previous page, unchanged";
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = plain.split(":", 4);
            if (parts.length != 4 || !parts[0].equals(VERSION) || !Topics.isValidId(parts[3])) {
                throw ServiceException.invalid("after", expected, "after is not a cursor this API issued");
            }
            long seq = Long.parseLong(parts[2]);
            if (seq < 0) {
                throw ServiceException.invalid("after", expected, "after is not a cursor this API issued");
            }
            return new TelemetryCursor(Long.parseLong(parts[1]), parts[3], seq);
        } catch (IllegalArgumentException e) {
            throw ServiceException.invalid("after", expected, "after is not a cursor this API issued");
        }
    }
}
