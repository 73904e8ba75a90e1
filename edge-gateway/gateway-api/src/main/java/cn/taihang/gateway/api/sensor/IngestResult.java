package cn.taihang.gateway.api.sensor;

import java.util.Objects;

/**
 * What a {@link SensorMessageHandler} did with a message; the CoAP server answers the sensor accordingly.
 *
 * @param outcome the verdict
 * @param detail for the sensor's installer (sent as the CoAP diagnostic payload when refused), never {@code null}
 * @param retryAfterSeconds for {@link Outcome#BUSY}: when to try again (CoAP Max-Age), else 0
 */
public record IngestResult(Outcome outcome, String detail, int retryAfterSeconds) {

    /** The verdict on a message. */
    public enum Outcome {
        /** Stored durably and evaluated: CoAP 2.04 Changed. */
        ACCEPTED,
        /** Permanently wrong content (unknown unit or object, impossible value): CoAP 4.00 Bad Request. */
        INVALID,
        /** Could not be taken now (store full or unavailable): CoAP 5.03 with Max-Age = retry after. */
        BUSY
    }

    /** Validates. */
    public IngestResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must not be negative");
        }
    }

    /** @return an accepted result */
    public static IngestResult accepted() {
        return new IngestResult(Outcome.ACCEPTED, "", 0);
    }

    /** @return a permanent refusal with what is wrong */
    public static IngestResult invalid(String detail) {
        return new IngestResult(Outcome.INVALID, detail, 0);
    }

    /** @return a temporary refusal with when to retry */
    public static IngestResult busy(String detail, int retryAfterSeconds) {
        return new IngestResult(Outcome.BUSY, detail, retryAfterSeconds);
    }
}
