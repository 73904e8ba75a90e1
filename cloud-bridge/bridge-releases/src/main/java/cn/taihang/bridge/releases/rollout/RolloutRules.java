package cn.taihang.bridge.releases.rollout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rules of a rollout, applied each time the bridge looks at it (every second, and after every step a gateway
 * reports): time out gateways past their deadline (a stuck gateway never holds a rollout), halt when a wave crosses its
 * error threshold (the canary at its first failure), open the next wave once the current one reached its success
 * threshold or is done, start the pending gateways of the open waves whose maintenance window is open, and complete
 * when every gateway is done. Pure: it only decides.
 */
public final class RolloutRules {

    private final RolloutSpec spec;

    /** @param spec the rollout's specification */
    public RolloutRules(RolloutSpec spec) {
        this.spec = spec;
    }

    /**
     * @param status the rollout's status
     * @param entries its gateways
     * @param siteKinds site → kind, for the maintenance windows (a site without a kind is in no window)
     * @param now the time
     * @return what to do
     */
    public RolloutDecision decide(RolloutStatus status, List<RolloutEntry> entries, Map<String, String> siteKinds, Instant now) {
        Map<String, RolloutEntry> current = new LinkedHashMap<>();
        entries.forEach(e -> current.put(e.gateway(), e));
        List<RolloutEntry> changed = new ArrayList<>();
        List<RolloutEntry> cancel = new ArrayList<>();
        for (RolloutEntry e : entries) {
            if (e.state().inProgress() && e.deadline() != null && now.isAfter(e.deadline())) {
                RolloutEntry timedOut = e.reported(GatewayState.TIMED_OUT, "timed-out", "deadline", "no commit within "
                        + spec.gatewayDeadline().toSeconds() + " s of its order (last step: " + (e.step() == null ? "none" : e.step()) + ")", 0, now);
                current.put(e.gateway(), timedOut);
                changed.add(timedOut);
                cancel.add(timedOut);
            }
        }
        if (!status.open()) {
            return new RolloutDecision(status, null, lastWave(current), changed, List.of(), cancel);
        }
        TreeMap<Integer, List<RolloutEntry>> waves = new TreeMap<>();
        current.values().forEach(e -> waves.computeIfAbsent(e.wave(), w -> new ArrayList<>()).add(e));
        RolloutStatus next = status;
        String reason = null;
        int open = waves.isEmpty() ? 0 : waves.firstKey();
        for (Map.Entry<Integer, List<RolloutEntry>> wave : waves.entrySet()) {
            List<RolloutEntry> members = wave.getValue();
            long failed = members.stream().filter(e -> e.state().failure()).count();
            long committed = members.stream().filter(e -> e.state() == GatewayState.COMMITTED).count();
            boolean done = members.stream().allMatch(e -> e.state().terminal());
            double allowed = wave.getKey() == 0 ? 0 : spec.errorThreshold() * members.size();
            if (failed > allowed && next == RolloutStatus.RUNNING) {
                next = RolloutStatus.HALTED;
                RolloutEntry first = members.stream().filter(e -> e.state().failure()).findFirst().orElseThrow();
                reason = (wave.getKey() == 0 ? "canary" : "wave " + wave.getKey()) + ": " + failed + " of " + members.size() + " failed (first: "
                        + first.gateway() + " " + first.state().wire() + (first.message() == null ? "" : ": " + first.message()) + ")";
            }
            open = wave.getKey();
            boolean passed = done || committed >= Math.ceil(spec.successThreshold() * members.size());
            if (!passed) {
                break;
            }
        }
        List<RolloutEntry> install = new ArrayList<>();
        if (next == RolloutStatus.RUNNING) {
            for (RolloutEntry e : current.values()) {
                if (e.wave() <= open && e.state() == GatewayState.PENDING && !windowClosed(siteKinds.get(e.site()), now)) {
                    RolloutEntry sent = e.sent(now, now.plus(spec.gatewayDeadline()));
                    current.put(e.gateway(), sent);
                    changed.add(sent);
                    install.add(sent);
                }
            }
            if (current.values().stream().allMatch(e -> e.state().terminal())) {
                next = RolloutStatus.COMPLETED;
                long committed = current.values().stream().filter(e -> e.state() == GatewayState.COMMITTED).count();
                reason = committed + " of " + current.size() + " gateways committed";
            }
        }
        return new RolloutDecision(next, reason, open, changed, install, cancel);
    }

    /** @return the entries a cancel ends now: every one not done yet (those in progress also get a cancel order) */
    public static List<RolloutEntry> cancelled(List<RolloutEntry> entries, Instant now) {
        return entries.stream().filter(e -> !e.state().terminal()).map(e -> e.reported(GatewayState.CANCELLED, "cancelled", "rollout-cancelled",
                "the rollout was cancelled", 0, now)).toList();
    }

    private boolean windowClosed(String kind, Instant now) {
        return kind != null && spec.windows().stream().anyMatch(w -> w.closed(kind, now));
    }

    private static int lastWave(Map<String, RolloutEntry> entries) {
        return entries.values().stream().filter(e -> e.state() != GatewayState.PENDING).mapToInt(RolloutEntry::wave).max().orElse(0);
    }
}
