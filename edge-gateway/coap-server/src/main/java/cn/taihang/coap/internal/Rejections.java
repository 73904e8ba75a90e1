package cn.taihang.coap.internal;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts what the server refused, by reason, and logs each reason once per source (sensor or peer),
 * so that a misconfigured sensor posting every second does not flood the log.
 */
final class Rejections {

    /** Why a message was refused; the name (lower case, dashes) is the counter's. */
    enum Reason {
        MALFORMED_COAP, MALFORMED_SENML, UNSUPPORTED_FORMAT, INVALID_CONTENT, TOO_LARGE, UNAUTHENTICATED, FORBIDDEN,
        RATE_LIMITED, UNAVAILABLE, HANDSHAKE_FAILED, UNKNOWN_IDENTITY;

        String counter() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Rejections.class);
    private static final int MAX_REMEMBERED_SOURCES = 4096;

    private final Map<Reason, AtomicLong> counts = new EnumMap<>(Reason.class);
    private final AtomicLong accepted = new AtomicLong();
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    Rejections() {
        for (Reason reason : Reason.values()) {
            counts.put(reason, new AtomicLong());
        }
    }

    void accepted() {
        accepted.incrementAndGet();
    }

    /**
     * Counts a refusal and logs it if it is the first of this reason from this source.
     *
     * @param reason why
     * @param source the sensor id or peer address
     * @param detail what was wrong and what to do
     */
    void refused(Reason reason, String source, String detail) {
        counts.get(reason).incrementAndGet();
        String key = reason + "|" + source;
        if (logged.size() < MAX_REMEMBERED_SOURCES && logged.add(key)) {
            LOG.warn("CoAP: refused {} from {}: {} (further '{}' refusals from {} are only counted)", reason.counter(), source, detail,
                    reason.counter(), source);
        }
    }

    long count(Reason reason) {
        return counts.get(reason).get();
    }

    /** @return {@code accepted} and every reason's count */
    Map<String, Long> snapshot() {
        Map<String, Long> all = new TreeMap<>();
        all.put("accepted", accepted.get());
        counts.forEach((reason, count) -> all.put(reason.counter(), count.get()));
        return Collections.unmodifiableMap(all);
    }

    /** @return refusals of every reason together */
    long totalRefused() {
        return counts.values().stream().mapToLong(AtomicLong::get).sum();
    }
}
