package cn.taihang.bridge.telemetry;

import cn.taihang.bridge.module.ServiceException;
import cn.taihang.wire.Topics;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A validated telemetry query: filters, time range {@code [from, to)}, page size, and where the page starts. Pure.
 *
 * @param gateway only this gateway, or {@code null}
 * @param device only this device, or {@code null}
 * @param kind only this record kind, or {@code null}
 * @param fromMillis earliest record time (inclusive), or {@code null}
 * @param toMillis latest record time (exclusive), or {@code null}
 * @param limit page size, 1-{@value #MAX_LIMIT}
 * @param after start strictly after this position, or {@code null} for the first page
 */
public record TelemetryQuery(String gateway, String device, String kind, Long fromMillis, Long toMillis, int limit, TelemetryCursor after) {

    /** Page size when none is given. */
    public static final int DEFAULT_LIMIT = 100;
    /** Largest page. */
    public static final int MAX_LIMIT = 1000;
    /** The parameters this query understands. */
    public static final Set<String> PARAMETERS = Set.of("gateway", "device", "kind", "from", "to", "limit", "after");

    private static final int MAX_TEXT = 128;
    private static final Pattern EPOCH_MILLIS = Pattern.compile("-?\\d{1,16}");
    private static final String TIME_EXPECTED = "an ISO-8601 instant such as 2025-05-01T08:00:00Z or 2025-05-01T16:00:00+08:00, or epoch milliseconds";

    /**
     * @param params query parameters, name → values
     * @return the query
     * @throws ServiceException ({@link ServiceException.Kind#INVALID}) naming the first bad parameter and what it expects
     */
    public static TelemetryQuery parse(Map<String, List<String>> params) {
        for (Map.Entry<String, List<String>> p : params.entrySet()) {
            if (!PARAMETERS.contains(p.getKey())) {
                throw ServiceException.invalid(p.getKey(), "one of " + String.join(", ", PARAMETERS.stream().sorted().toList()),
                        "unknown parameter '" + p.getKey() + "'");
            }
            if (p.getValue().size() > 1) {
                throw ServiceException.invalid(p.getKey(), "a single value", p.getKey() + " is given " + p.getValue().size() + " times");
            }
        }
        String gateway = single(params, "gateway");
        if (gateway != null && !Topics.isValidId(gateway)) {
            throw ServiceException.invalid("gateway", "a gateway id: 1-64 of a-z, 0-9 and '-'", "gateway '" + gateway + "' is not a gateway id");
        }
        String device = text(params, "device");
        String kind = text(params, "kind");
        Long from = time(params, "from");
        Long to = time(params, "to");
        if (from != null && to != null && to <= from) {
            throw ServiceException.invalid("to", "an instant later than 'from'", "to must be later than from");
        }
        int limit = limit(single(params, "limit"));
        String after = single(params, "after");
        return new TelemetryQuery(gateway, device, kind, from, to, limit, after == null ? null : TelemetryCursor.decode(after));
    }

    private static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String text(Map<String, List<String>> params, String name) {
        String value = single(params, name);
        if (value != null && (value.isEmpty() || value.length() > MAX_TEXT)) {
            throw ServiceException.invalid(name, "1-" + MAX_TEXT + " characters", name + " must not be empty or longer than " + MAX_TEXT);
        }
        return value;
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        String expected = "an integer from 1 to " + MAX_LIMIT;
        try {
            int limit = Integer.parseInt(value);
            if (limit < 1 || limit > MAX_LIMIT) {
                throw ServiceException.invalid("limit", expected, "limit " + limit + " is out of range");
            }
            return limit;
        } catch (NumberFormatException e) {
            throw ServiceException.invalid("limit", expected, "limit '" + value + "' is not an integer");
        }
    }

    private static Long time(Map<String, List<String>> params, String name) {
        String value = single(params, name);
        if (value == null) {
            return null;
        }
        if (EPOCH_MILLIS.matcher(value).matches()) {
            return Long.parseLong(value);
        }
        try {
            return Instant.parse(value).toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            try {
                return OffsetDateTime.parse(value).toInstant().toEpochMilli();
            } catch (DateTimeParseException | ArithmeticException again) {
                throw ServiceException.invalid(name, TIME_EXPECTED, name + " '" + value + "' is not a time");
            }
        }
    }
}
