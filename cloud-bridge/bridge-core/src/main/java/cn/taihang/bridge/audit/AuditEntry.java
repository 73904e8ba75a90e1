package cn.taihang.bridge.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One audited call.
 *
 * @param id position in the audit log, increasing
 * @param time when the answer was sent
 * @param subject who: the token's subject, {@code holder} for a holder's capability, {@code anonymous} without either
 * @param client the token's client, or {@code null}
 * @param method the HTTP method
 * @param route the route as registered, e.g. {@code POST /api/v1/tickets/keys/{keyId}/withdraw}, or the path asked for
 *     when no route matched
 * @param target the path parameters (the ids acted on) and, for a created resource, its {@code location}
 * @param status the answer's HTTP status: the outcome
 * @param remote the caller's address
 * @param note what the route added (e.g. a safety override), or {@code null}
 */
public record AuditEntry(long id, Instant time, String subject, String client, String method, String route, Map<String, String> target,
                         int status, String remote, String note) {

    /** Copies. */
    public AuditEntry {
        target = Map.copyOf(target);
    }
}
