package cn.taihang.gateway.api;

import java.util.Map;

/**
 * The result of one health check.
 *
 * @param name what was checked, e.g. {@code store}, {@code uplink}
 * @param status the verdict
 * @param summary one line for people, saying what to do when not {@link Status#UP}
 * @param details figures behind the verdict (e.g. backlog per class), never {@code null}
 */
public record HealthReport(String name, Status status, String summary, Map<String, Object> details) {

    /** Verdict of a health check, from best to worst. */
    public enum Status { UP, DEGRADED, DOWN }

    /** Copies the details. */
    public HealthReport {
        details = Map.copyOf(details);
    }
}
