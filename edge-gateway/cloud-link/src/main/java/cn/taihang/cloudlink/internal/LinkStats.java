package cn.taihang.cloudlink.internal;

import cn.taihang.gateway.api.HealthReport;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** The uplink's figures and the health report made from them. Written by the uplink's thread, read by anyone. */
final class LinkStats {

    /** Connection state as the health report shows it. */
    enum State { STARTING, CONNECTING, CONNECTED, DISCONNECTED, CLOSED }

    /** What the bridge's retained state says. */
    enum BridgeView { UNKNOWN, ONLINE, OFFLINE }

    final AtomicLong connectAttempts = new AtomicLong();
    final AtomicLong connects = new AtomicLong();
    final AtomicLong births = new AtomicLong();
    final AtomicLong batchesSent = new AtomicLong();
    final AtomicLong recordsSent = new AtomicLong();
    final AtomicLong bytesSent = new AtomicLong();
    final AtomicLong resentAfterBridgeRestart = new AtomicLong();
    final AtomicLong recordsAcked = new AtomicLong();
    final AtomicLong acksReceived = new AtomicLong();
    final AtomicLong malformedAcks = new AtomicLong();
    final AtomicLong foreignAcks = new AtomicLong();
    final AtomicLong malformedStates = new AtomicLong();
    final AtomicLong ackTimeouts = new AtomicLong();
    final AtomicLong drainHeld = new AtomicLong();

    private final String brokerUrl;
    private volatile State state = State.STARTING;
    private volatile BridgeView bridge = BridgeView.UNKNOWN;
    private volatile long bdSeq;
    private volatile long connectedSinceMillis;
    private volatile long nextAttemptMillis;
    private volatile String lastError;

    LinkStats(String brokerUrl) {
        this.brokerUrl = brokerUrl;
    }

    void state(State newState) {
        state = newState;
    }

    State state() {
        return state;
    }

    void bridge(BridgeView view) {
        bridge = view;
    }

    BridgeView bridge() {
        return bridge;
    }

    void connected(long seq, long sinceMillis) {
        bdSeq = seq;
        connectedSinceMillis = sinceMillis;
        state = State.CONNECTED;
        connects.incrementAndGet();
    }

    void lost(String error, long nextAttemptAtMillis) {
        lastError = error;
        nextAttemptMillis = nextAttemptAtMillis;
        state = State.DISCONNECTED;
    }

    long bdSeq() {
        return bdSeq;
    }

    HealthReport health(int inFlight) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", state.name());
        details.put("broker", brokerUrl);
        details.put("bridge", bridge.name());
        details.put("bdSeq", bdSeq);
        details.put("connectedSinceMillis", state == State.CONNECTED ? connectedSinceMillis : 0L);
        details.put("connectAttempts", connectAttempts.get());
        details.put("connects", connects.get());
        details.put("births", births.get());
        details.put("inFlight", inFlight);
        details.put("batchesSent", batchesSent.get());
        details.put("recordsSent", recordsSent.get());
        details.put("bytesSent", bytesSent.get());
        details.put("resentAfterBridgeRestart", resentAfterBridgeRestart.get());
        details.put("recordsAcked", recordsAcked.get());
        details.put("acksReceived", acksReceived.get());
        details.put("malformedAcks", malformedAcks.get());
        details.put("foreignAcks", foreignAcks.get());
        details.put("malformedStates", malformedStates.get());
        details.put("ackTimeouts", ackTimeouts.get());
        details.put("drainHeld", drainHeld.get());
        String error = lastError;
        if (error != null) {
            details.put("lastError", error);
        }
        return switch (state) {
            case CONNECTED -> bridge == BridgeView.OFFLINE
                    ? new HealthReport("uplink", HealthReport.Status.DEGRADED, "Connected to " + brokerUrl + ", but the cloud bridge says it "
                            + "is offline: records are kept and sent when it is back. Check the bridge's dashboard.", details)
                    : new HealthReport("uplink", HealthReport.Status.UP, "Connected to " + brokerUrl + " and draining.", details);
            case CLOSED -> new HealthReport("uplink", HealthReport.Status.DOWN, "Uplink stopped (the gateway is stopping or "
                    + "the cloud link is being reconfigured).", details);
            case STARTING, CONNECTING -> new HealthReport("uplink", HealthReport.Status.DOWN, "Connecting to " + brokerUrl
                    + (error == null ? "." : "; last attempt failed: " + error + ". " + whatToCheck()), details);
            case DISCONNECTED -> new HealthReport("uplink", HealthReport.Status.DOWN, "Not connected to " + brokerUrl + ": " + error
                    + ". Next attempt in " + Math.max(0, nextAttemptMillis - System.currentTimeMillis()) / 1000 + " s. " + whatToCheck(), details);
        };
    }

    /** @return the error and its root cause in one line */
    static String describe(Throwable cause) {
        if (cause == null) {
            return "connection closed";
        }
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return root == cause ? text : text + " (" + root + ")";
    }

    private String whatToCheck() {
        return "Records are kept meanwhile. Check the gateway's network (5G modem/LAN), that the broker is reachable, and "
                + "brokerUrl, username and password of " + CloudLinkConfig.PID + ".";
    }
}
