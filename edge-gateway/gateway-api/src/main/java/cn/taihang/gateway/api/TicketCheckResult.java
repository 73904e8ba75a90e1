package cn.taihang.gateway.api;

import java.util.Map;
import java.util.Objects;

/**
 * What a gate would do with a scanned ticket (see {@link TicketCheck}).
 *
 * @param device the gate's device id
 * @param accepted whether the gate would open
 * @param reason {@code ACCEPTED} or the rejection code shown on the gate (e.g. {@code EXPIRED},
 *     {@code WRONG_GATE}, {@code REPLAYED}, {@code BAD_SIGNATURE})
 * @param message for people, Chinese and English, e.g. {@code 票已过期 / Ticket expired}
 * @param details what was read: ticket id, key id, entitlements, uses left…; never {@code null}
 */
public record TicketCheckResult(String device, boolean accepted, String reason, String message, Map<String, Object> details) {

    /** Validates and copies. */
    public TicketCheckResult {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        details = Map.copyOf(details);
    }
}
