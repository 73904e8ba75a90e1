package cn.taihang.release;

import java.util.Set;

/**
 * The steps of an update as a gateway reports them in {@value UpdateOrder#STEP_KIND} records (critical: never evicted),
 * and the measurement names those records carry. One vocabulary for the updater and the bridge.
 */
public final class UpdateStep {

    /** Measurement: the rollout id (number). */
    public static final String ROLLOUT = "rollout";
    /** Measurement: the attempt (number). */
    public static final String ATTEMPT = "attempt";
    /** Measurement: the release (text). */
    public static final String RELEASE = "release";
    /** Measurement: the step (text), one of the constants below. */
    public static final String STEP = "step";
    /** Measurement: why, a {@link ReleaseException#code()} or a short code such as {@code unhealthy} (text). */
    public static final String REASON = "reason";
    /** Measurement: what happened, for people (text). */
    public static final String MESSAGE = "message";
    /** Measurement: bytes downloaded for the release so far (number, unit {@code By}). */
    public static final String BYTES = "bytes";
    /** Measurement: bundles downloaded (number). */
    public static final String FETCHED = "fetched";
    /** Measurement: bundles the gateway already held (number). */
    public static final String REUSED = "reused";

    /** The order was taken. */
    public static final String ACCEPTED = "accepted";
    /** The manifest verified; downloads begin. */
    public static final String DOWNLOADING = "downloading";
    /** Every bundle is held and verified. */
    public static final String DOWNLOADED = "downloaded";
    /** The inactive slot holds the release. */
    public static final String STAGED = "staged";
    /** The gateway restarts into the staged slot. */
    public static final String SWITCHING = "switching";
    /** Booted on trial. */
    public static final String TRYING = "trying";
    /** Passed the health gate; the release is the committed one. */
    public static final String COMMITTED = "committed";
    /** The trial failed or was interrupted; back on the previous release. */
    public static final String ROLLED_BACK = "rolled-back";
    /** Refused before anything changed (signature, board, hash, truncation, configuration). */
    public static final String REFUSED = "refused";
    /** A temporary failure (network, disk); the gateway keeps its release, the bridge may try again. */
    public static final String FAILED = "failed";
    /** Cancelled before the switch. */
    public static final String CANCELLED = "cancelled";
    /** A staged release was dropped. */
    public static final String DISCARDED = "discarded";

    /** The steps after which a gateway does nothing more for that attempt. */
    public static final Set<String> FINAL = Set.of(COMMITTED, ROLLED_BACK, REFUSED, FAILED, CANCELLED, DISCARDED);

    private UpdateStep() {
    }
}
