package cn.taihang.bridge.http;

import cn.taihang.bridge.audit.AuditEntry;
import cn.taihang.bridge.module.ServiceException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** The audit log's answers: pages of {@code GET /api/v1/audit}, newest first, and their parameters. */
final class AuditJson {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private AuditJson() {
    }

    static int limit(String raw) {
        if (raw == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ServiceException.invalid("limit", "an integer 1-" + MAX_LIMIT, "limit must be 1-" + MAX_LIMIT + ", was '" + raw + "'");
    }

    static Long before(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ServiceException.invalid("before", "the next of the previous page", "before must be the next of the previous page, was '" + raw + "'");
        }
    }

    static JsonObject page(List<AuditEntry> entries, int limit) {
        JsonArray items = new JsonArray();
        for (AuditEntry e : entries) {
            JsonObject target = new JsonObject();
            e.target().forEach(target::put);
            items.add(new JsonObject().put("id", e.id()).put("time", e.time().toString()).put("subject", e.subject()).put("client", e.client())
                    .put("method", e.method()).put("route", e.route()).put("target", target).put("status", e.status()).put("remote", e.remote())
                    .put("note", e.note()));
        }
        Long next = entries.size() == limit ? entries.get(entries.size() - 1).id() : null;
        return new JsonObject().put("items", items).put("next", next);
    }
}
