package cn.taihang.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The body of the {@value #COMMAND} command the bridge sends a gateway (retained, per gateway): install a release for
 * a rollout, or cancel it. JSON: {@code {"rollout": 17, "attempt": 1, "release": "2026.12.1", "action": "install"}}.
 * A gateway treats each (rollout, attempt) once: the same order arriving again (a retained command after a reconnect or a
 * restart) is answered with what became of it, never done twice; the bridge retries with the next attempt.
 *
 * @param rollout the bridge's rollout id
 * @param attempt which attempt of that rollout on this gateway, from 1
 * @param release the release's version
 * @param action what to do
 */
public record UpdateOrder(long rollout, int attempt, String release, Action action) {

    /** Command name. */
    public static final String COMMAND = "update";
    /** Record kind of the steps a gateway reports. */
    public static final String STEP_KIND = "update.step";

    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z.+_-]{1,40}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a gateway is asked to do. */
    public enum Action {
        /** Fetch, verify, stage, switch, try and commit the release. */
        INSTALL,
        /** Stop and drop the release if it is not switched to yet; a release already on trial or committed stays. */
        CANCEL
    }

    /** Validates. @throws IllegalArgumentException naming the bad field */
    public UpdateOrder {
        if (rollout <= 0 || attempt <= 0) {
            throw new IllegalArgumentException("an update order names a rollout and an attempt >= 1");
        }
        if (release == null || !VERSION.matcher(release).matches()) {
            throw new IllegalArgumentException("an update order's release is 1-40 of [0-9A-Za-z.+_-], was " + release);
        }
        Objects.requireNonNull(action, "action");
    }

    /** @return the order's key on the gateway, {@code <rollout>.<attempt>} (the slots record it with each step) */
    public String job() {
        return rollout + "." + attempt;
    }

    /** @return the command body */
    public byte[] encode() {
        ObjectNode node = JSON.createObjectNode().put("rollout", rollout).put("attempt", attempt).put("release", release)
                .put("action", action.name().toLowerCase(java.util.Locale.ROOT));
        return node.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * @param body a command body
     * @return the order
     * @throws ReleaseException {@code MALFORMED} naming what is wrong
     */
    public static UpdateOrder decode(byte[] body) throws ReleaseException {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject() || !node.path("rollout").canConvertToLong() || !node.path("attempt").canConvertToInt()) {
                throw new ReleaseException(ReleaseException.Reason.MALFORMED, "an update order is {\"rollout\", \"attempt\", \"release\", \"action\"}");
            }
            Action action = Action.valueOf(node.path("action").asText("").toUpperCase(java.util.Locale.ROOT));
            return new UpdateOrder(node.path("rollout").asLong(), node.path("attempt").asInt(), node.path("release").asText(null), action);
        } catch (IOException | IllegalArgumentException e) {
            throw new ReleaseException(ReleaseException.Reason.MALFORMED, "malformed update order: " + e.getMessage());
        }
    }

    /**
     * Parses a job key as {@link #job()} writes it.
     *
     * @return {rollout, attempt}, or {0, 0} for an empty or foreign key
     */
    public static long[] parseJob(String job) {
        String[] parts = job == null ? new String[0] : job.split("\\.", 2);
        try {
            return parts.length == 2 ? new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])} : new long[] {0, 0};
        } catch (NumberFormatException e) {
            return new long[] {0, 0};
        }
    }
}
