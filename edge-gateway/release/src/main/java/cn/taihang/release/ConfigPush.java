package cn.taihang.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The body of the {@value #COMMAND} command the bridge sends a gateway (retained, per gateway): the configuration the
 * bridge wants it to run, as of push {@code version} — every fragment pushed to that gateway merged in version order, so
 * the one retained command a gateway finds after any absence carries all of them. JSON:
 * {@code {"version": 7, "configuration": {"cn.taihang.cloudlink": {"inflightRecords": 300}}}}, the configuration in the
 * OSGi Configurator resource format the launcher reads ({@code pid} or {@code factoryPid~name} → properties, a property
 * name may carry a type, {@code name:Integer}). A gateway treats each version once and answers with a
 * {@value #REPORT_KIND} record.
 *
 * @param version the push's version at the bridge, from 1, increasing
 * @param configuration the configuration, a JSON object (never {@code null})
 */
public record ConfigPush(long version, ObjectNode configuration) {

    /** Command name. */
    public static final String COMMAND = "config";
    /** Record kind of what a gateway reports: the outcome of a push, or a change made on the gateway itself (drift). */
    public static final String REPORT_KIND = "config.report";
    /** The largest configuration a push may carry, bytes of JSON. */
    public static final int MAX_BYTES = 64 * 1024;

    /** Measurement: the push's version (0 for drift). */
    public static final String VERSION = "version";
    /** Measurement: one of {@link #STATES}. */
    public static final String STATE = "state";
    /** Measurement: a short machine-readable reason, {@code -} for none. */
    public static final String REASON = "reason";
    /** Measurement: what happened, for people. */
    public static final String MESSAGE = "message";
    /** Measurement: SHA-256 (hex) of the configuration the gateway runs now. */
    public static final String HASH = "hash";
    /** Measurement: the configuration keys concerned, comma-separated. */
    public static final String PIDS = "pids";

    /** State: the push is applied and its components are up. */
    public static final String APPLIED = "applied";
    /** State: the push was refused before anything changed. */
    public static final String REFUSED = "refused";
    /** State: the push was applied, its components did not come up in time, the previous values are back. */
    public static final String ROLLED_BACK = "rolled-back";
    /** State: the configuration was changed on the gateway (console, installation file), not by a push. */
    public static final String DRIFT = "drift";
    /** Every state a report carries. */
    public static final List<String> STATES = List.of(APPLIED, REFUSED, ROLLED_BACK, DRIFT);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Validates. @throws IllegalArgumentException naming the bad field */
    public ConfigPush {
        if (version <= 0) {
            throw new IllegalArgumentException("a configuration push has a version >= 1, was " + version);
        }
        if (configuration == null) {
            throw new IllegalArgumentException("a configuration push carries a configuration object");
        }
        configuration = configuration.deepCopy();
    }

    /** @return the command body */
    public byte[] encode() {
        ObjectNode node = JSON.createObjectNode().put("version", version);
        node.set("configuration", configuration);
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param body a command body
     * @return the push
     * @throws ReleaseException {@code MALFORMED} naming what is wrong
     */
    public static ConfigPush decode(byte[] body) throws ReleaseException {
        if (body.length > MAX_BYTES + 64) {
            throw new ReleaseException(ReleaseException.Reason.MALFORMED, "a configuration push is at most " + MAX_BYTES + " bytes, was " + body.length);
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject() || !node.path("version").canConvertToLong() || !node.path("configuration").isObject()) {
                throw new ReleaseException(ReleaseException.Reason.MALFORMED, "a configuration push is {\"version\": n, \"configuration\": {…}}");
            }
            return new ConfigPush(node.path("version").asLong(), (ObjectNode) node.path("configuration"));
        } catch (IOException | IllegalArgumentException e) {
            throw new ReleaseException(ReleaseException.Reason.MALFORMED, "malformed configuration push: " + e.getMessage());
        }
    }
}
