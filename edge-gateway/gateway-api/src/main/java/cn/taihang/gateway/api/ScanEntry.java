package cn.taihang.gateway.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One scan a gate or locker judged, as listed by {@link TicketCheck#recentScans(int)}: no personal data, only
 * the ticket's id.
 *
 * @param device the gate's device id
 * @param time when the scan was read
 * @param accepted whether the gate opened (or the locker unlocked a slot)
 * @param reason {@code ACCEPTED} or the rejection code, e.g. {@code EXPIRED}, {@code BAD_SIGNATURE}
 * @param message for people, Chinese and English, e.g. {@code 票已过期 / Ticket expired}
 * @param ticket the ticket id, or {@code ""} when none could be read
 */
public record ScanEntry(String device, Instant time, boolean accepted, String reason, String message, String ticket) {

    /** Validates. */
    public ScanEntry {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(ticket, "ticket");
    }
}
