package cn.taihang.gateway.api;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A condition raised on this gateway, active until cleared.
 *
 * @param id identifies the condition at its source, e.g. {@code fog@vis-zw-12}; raising the same id
 *     again updates it
 * @param kind what it is: {@code fog}, {@code ice}, {@code wind}, {@code sensor-offline}, {@code store-full}…
 * @param severity how urgent
 * @param source the device or component that raised it
 * @param message for people, Chinese and English, e.g. {@code 前方大雾 / Fog ahead}
 * @param raisedAt when it was first raised
 * @param details figures behind it (e.g. visibility in metres), never {@code null}
 */
public record Alarm(String id, String kind, AlarmSeverity severity, String source, String message, Instant raisedAt, Map<String, Object> details) {

    /** Validates and copies. */
    public Alarm {
        if (id == null || id.isBlank() || kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("an alarm needs an id and a kind");
        }
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(raisedAt, "raisedAt");
        details = Map.copyOf(details);
    }
}
