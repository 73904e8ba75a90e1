package cn.taihang.launcher;

import java.util.List;

/**
 * Whether a gateway came up: every bundle resolved and every configured component active.
 *
 * @param ready {@code true} if there are no problems
 * @param elapsedMillis from the start of the launch to the verdict
 * @param bundles how many bundles are installed
 * @param activeComponents how many component configurations are active or satisfied
 * @param problems what keeps the gateway from being fully up (unresolved bundles, failed or unsatisfied
 *     components), each saying what to do
 * @param warnings what looks wrong but does not stop it (e.g. a configuration no component uses)
 */
public record Readiness(boolean ready, long elapsedMillis, int bundles, int activeComponents, List<String> problems, List<String> warnings) {

    /** Copies the lists. */
    public Readiness {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }
}
