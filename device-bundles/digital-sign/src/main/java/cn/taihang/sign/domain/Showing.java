package cn.taihang.sign.domain;

import cn.taihang.sign.rendering.RenderedMessage;

import java.time.Instant;
import java.util.Objects;

/**
 * The message a sign shows (or should show) now.
 *
 * @param message the laid-out message
 * @param origin why it is shown
 * @param source who asked for it
 * @param priority its run-time priority
 * @param activatedAt when it went up
 * @param expiresAt when its duration ends, or {@code null} for no end
 */
public record Showing(RenderedMessage message, MessageOrigin origin, String source, int priority, Instant activatedAt, Instant expiresAt) {

    /** Validates. */
    public Showing {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(activatedAt, "activatedAt");
    }

    /** @return the MULTI string */
    public String multi() {
        return message.multi();
    }
}
