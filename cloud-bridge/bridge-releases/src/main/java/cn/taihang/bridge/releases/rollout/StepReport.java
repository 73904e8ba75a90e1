package cn.taihang.bridge.releases.rollout;

import java.time.Instant;

/**
 * A step a gateway reported for a rollout ({@code update.step} record).
 *
 * @param gateway the gateway
 * @param rollout the rollout id
 * @param attempt the attempt
 * @param step the step, e.g. {@code committed}
 * @param reason its reason code, or empty
 * @param message what the gateway said
 * @param bytes bytes downloaded, on a {@code downloaded} step (else 0)
 * @param time when the gateway took the step
 */
public record StepReport(String gateway, long rollout, int attempt, String step, String reason, String message, long bytes, Instant time) {

    /**
     * Applies the step to a gateway's entry: progress moves it on; a commit ends it well; a refusal, a failed health gate
     * or a temporary failure without attempts left ends it as a failure; an interrupted trial or a temporary failure with
     * attempts left puts it back to {@link GatewayState#PENDING} for the next attempt. A report of an older attempt, or for
     * an entry that is already done, changes nothing — except a late commit, which is the truth whatever the deadline said.
     *
     * @param maxAttempts the rollout's attempts per gateway
     * @return the new entry, or the same if nothing changes
     */
    public RolloutEntry applyTo(RolloutEntry entry, int maxAttempts) {
        boolean late = entry.state().terminal();
        if (attempt != entry.attempt() || late && !(step.equals("committed") && entry.state() == GatewayState.TIMED_OUT)) {
            return entry;
        }
        GatewayState next = switch (step) {
            case "accepted" -> GatewayState.SENT;
            case "downloading", "downloaded" -> GatewayState.DOWNLOADING;
            case "staged" -> GatewayState.STAGED;
            case "switching" -> GatewayState.SWITCHING;
            case "trying" -> GatewayState.TRYING;
            case "committed" -> GatewayState.COMMITTED;
            case "refused" -> GatewayState.REFUSED;
            case "cancelled", "discarded" -> GatewayState.CANCELLED;
            case "rolled-back" -> reason.equals("interrupted") && attempt < maxAttempts ? GatewayState.PENDING : GatewayState.ROLLED_BACK;
            case "failed" -> attempt < maxAttempts ? GatewayState.PENDING : GatewayState.FAILED;
            default -> entry.state();
        };
        return entry.reported(next, step, reason, message, step.equals("downloaded") ? bytes : 0, time);
    }
}
