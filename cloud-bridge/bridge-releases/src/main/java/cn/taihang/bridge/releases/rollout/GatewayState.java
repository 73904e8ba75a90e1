package cn.taihang.bridge.releases.rollout;

import java.util.Locale;

/** Where one gateway stands in a rollout. */
public enum GatewayState {
    /** Not started: its wave is not open yet, its site's maintenance window is closed, or it waits for a retry. */
    PENDING(false, false),
    /** The order was sent; the gateway has not answered yet. */
    SENT(false, false),
    /** Fetching the bundles it lacks. */
    DOWNLOADING(false, false),
    /** The release is in its inactive slot. */
    STAGED(false, false),
    /** Restarting into the new slot. */
    SWITCHING(false, false),
    /** Running the release on trial. */
    TRYING(false, false),
    /** Runs the release, committed. */
    COMMITTED(true, false),
    /** The trial failed its health gate; back on its previous release. */
    ROLLED_BACK(true, true),
    /** Refused the release before changing anything (signature, board, hash, truncation, configuration). */
    REFUSED(true, true),
    /** Failed for a temporary reason more often than the rollout allows attempts. */
    FAILED(true, true),
    /** Did not finish within the rollout's per-gateway deadline. */
    TIMED_OUT(true, true),
    /** The rollout was cancelled before this gateway finished. */
    CANCELLED(true, false),
    /** A later rollout took this gateway over. */
    SUPERSEDED(true, false);

    private final boolean terminal;
    private final boolean failure;

    GatewayState(boolean terminal, boolean failure) {
        this.terminal = terminal;
        this.failure = failure;
    }

    /** @return whether the gateway is done with this rollout */
    public boolean terminal() {
        return terminal;
    }

    /** @return whether it counts against the rollout's error threshold */
    public boolean failure() {
        return failure;
    }

    /** @return whether an order is out and the gateway works on it */
    public boolean inProgress() {
        return !terminal && this != PENDING;
    }

    /** @return the API's name, e.g. {@code rolled-back} */
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @return the state named so by {@link #wire()} */
    public static GatewayState ofWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
