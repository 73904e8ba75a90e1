package cn.taihang.bridge.releases.rollout;

import java.util.List;

/**
 * What one look at a rollout decided.
 *
 * @param status its status now
 * @param reason why it halted or completed, or {@code null}
 * @param wave the highest wave open now
 * @param changed entries that changed (to be written)
 * @param install gateways to send the install order to (their entries already carry the new attempt)
 * @param cancel gateways to send a cancel order to (timed out, or the rollout was cancelled)
 */
public record RolloutDecision(RolloutStatus status, String reason, int wave, List<RolloutEntry> changed, List<RolloutEntry> install,
                              List<RolloutEntry> cancel) {

    /** Copies. */
    public RolloutDecision {
        changed = List.copyOf(changed);
        install = List.copyOf(install);
        cancel = List.copyOf(cancel);
    }
}
