package cn.taihang.sign.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A request to show a message (NTCIP 1203 {@code dmsActivateMessage}).
 *
 * @param multi the message in MULTI; {@code ""} blanks the sign
 * @param priority activation priority and the message's run-time priority, 0–255: it replaces the message
 *     shown only if at least that message's run-time priority
 * @param durationMinutes 1–65534 minutes, or {@link #INFINITE} (65535, as in NTCIP); counted from {@code issuedAt}
 * @param source who asked, for people (e.g. {@code bridge/hub-board}, {@code console:li})
 * @param origin central, local or schedule
 * @param issuedAt when it was issued: the duration runs from here, so a late copy never shows stale content
 */
public record Activation(String multi, int priority, int durationMinutes, String source, MessageOrigin origin, Instant issuedAt) {

    /** Duration value meaning "until replaced". */
    public static final int INFINITE = 65535;

    /** Validates at the boundary. @throws IllegalArgumentException on bad values */
    public Activation {
        Objects.requireNonNull(multi, "multi");
        if (priority < 0 || priority > 255) {
            throw new IllegalArgumentException("priority must be 0-255, was " + priority);
        }
        if (durationMinutes < 1 || durationMinutes > INFINITE) {
            throw new IllegalArgumentException("duration must be 1-65534 minutes or 65535 (infinite), was " + durationMinutes);
        }
        if (source == null || source.isBlank() || source.length() > 64) {
            throw new IllegalArgumentException("source must be 1-64 characters");
        }
        if (origin != MessageOrigin.CENTRAL && origin != MessageOrigin.LOCAL && origin != MessageOrigin.SCHEDULE) {
            throw new IllegalArgumentException("an activation comes from CENTRAL, LOCAL or SCHEDULE, not " + origin);
        }
        Objects.requireNonNull(issuedAt, "issuedAt");
    }

    /** @return when it ends, or {@code null} if infinite */
    public Instant expiresAt() {
        return durationMinutes == INFINITE ? null : issuedAt.plus(Duration.ofMinutes(durationMinutes));
    }
}
