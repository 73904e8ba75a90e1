package cn.taihang.slots;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A step of an update that the slots recorded and the gateway has not reported to the bridge yet (kept in the state file,
 * so that it survives a power cut until the updater has stored it as a critical record).
 *
 * @param id increasing number, unique on this gateway
 * @param step what happened: {@code trying}, {@code committed}, {@code rolled-back}, {@code discarded}
 * @param release the release it concerns
 * @param rollout the bridge's rollout id, or empty
 * @param timeMillis when it happened
 * @param detail why, for people; may be empty
 */
public record SlotEvent(long id, String step, String release, String rollout, long timeMillis, String detail) {

    private static final Pattern STEP = Pattern.compile("[a-z][a-z-]{0,31}");

    /** Validates. */
    public SlotEvent {
        if (step == null || !STEP.matcher(step).matches()) {
            throw new IllegalArgumentException("a slot event's step is 1-32 of [a-z-], was " + step);
        }
        Objects.requireNonNull(release, "release");
        rollout = rollout == null ? "" : rollout;
        detail = detail == null ? "" : detail;
    }
}
