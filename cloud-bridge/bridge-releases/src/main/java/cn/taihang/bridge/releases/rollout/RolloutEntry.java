package cn.taihang.bridge.releases.rollout;

import java.time.Instant;
import java.util.Objects;

/**
 * One gateway of a rollout.
 *
 * @param gateway gateway id
 * @param site its site
 * @param wave its wave, 0 = the canary
 * @param state where it stands
 * @param attempt the attempt its latest order carries (0 before the first)
 * @param started when its latest order went out, or {@code null}
 * @param deadline when it times out, or {@code null}
 * @param tryingSince when it began its trial, or {@code null}
 * @param finished when it reached its final state, or {@code null}
 * @param step the latest step it reported, or {@code null}
 * @param reason the reason of that step, or {@code null}
 * @param message what it said, or {@code null}
 * @param bytes bytes it downloaded for this rollout, over all attempts
 */
public record RolloutEntry(String gateway, String site, int wave, GatewayState state, int attempt, Instant started, Instant deadline,
                           Instant tryingSince, Instant finished, String step, String reason, String message, long bytes) {

    /** Validates. */
    public RolloutEntry {
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(state, "state");
    }

    /** @return a pending entry of a new rollout */
    public static RolloutEntry pending(String gateway, String site, int wave) {
        return new RolloutEntry(gateway, site, wave, GatewayState.PENDING, 0, null, null, null, null, null, null, null, 0);
    }

    /** @return a copy in another state, finished now if that state is terminal */
    public RolloutEntry in(GatewayState next, Instant now) {
        return new RolloutEntry(gateway, site, wave, next, attempt, started, deadline, tryingSince, next.terminal() ? now : finished, step, reason,
                message, bytes);
    }

    /** @return a copy whose next order (attempt + 1) goes out now, due by {@code due} */
    public RolloutEntry sent(Instant now, Instant due) {
        return new RolloutEntry(gateway, site, wave, GatewayState.SENT, attempt + 1, now, due, null, null, null, null, null, bytes);
    }

    /** @return a copy that reported a step */
    public RolloutEntry reported(GatewayState next, String newStep, String newReason, String newMessage, long newBytes, Instant at) {
        Instant trying = next == GatewayState.TRYING && tryingSince == null ? at : tryingSince;
        return new RolloutEntry(gateway, site, wave, next, attempt, started, deadline, trying, next.terminal() ? at : finished, newStep, newReason,
                newMessage, bytes + newBytes);
    }
}
