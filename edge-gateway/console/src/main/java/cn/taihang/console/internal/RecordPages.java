package cn.taihang.console.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The log tail with its filters, and the audit log. */
final class RecordPages {

    private static final int MAX_LINES = 2000;

    void logs(Exchange x) throws Exception {
        LogTail.Level lowest = LogTail.Level.INFO;
        try {
            if (x.param("level") != null) {
                lowest = LogTail.Level.valueOf(x.param("level").toUpperCase(Locale.ROOT));
            }
        } catch (IllegalArgumentException e) {
            lowest = LogTail.Level.INFO;
        }
        String text = x.param("q") == null ? "" : x.param("q");
        int lines = clamp(x.param("lines"), 200, MAX_LINES);
        Map<String, Object> model = x.model("/logs");
        model.put("level", lowest.name());
        model.put("q", text);
        model.put("lines", lines);
        model.put("levels", List.of("ERROR", "WARN", "INFO", "DEBUG", "TRACE"));
        var file = x.console.settings.logFile();
        if (file == null) {
            model.put("configured", false);
        } else {
            LogTail.Tail tail = new LogTail(4L << 20).read(file, lowest, text, lines);
            model.put("configured", true);
            model.put("file", file.toString());
            model.put("exists", tail.exists());
            model.put("truncated", tail.truncated());
            model.put("entries", tail.lines().stream().map(l -> Map.of("level", l.level() == null ? "" : l.level().name(), "text", l.text())).toList());
        }
        x.page(200, "logs", model);
    }

    void audit(Exchange x) throws Exception {
        String q = x.param("q") == null ? "" : x.param("q").toLowerCase(Locale.ROOT);
        List<AuditLog.Entry> entries = x.console.audit.newest(e -> q.isEmpty()
                || (e.user() + " " + e.action() + " " + e.target() + " " + e.detail() + " " + e.address()).toLowerCase(Locale.ROOT).contains(q), 500);
        Map<String, Object> model = x.model("/audit");
        model.put("q", q);
        model.put("entries", entries.stream().map(e -> {
            Map<String, Object> row = Exchange.row();
            row.put("time", e.time().toString());
            row.put("user", e.user());
            row.put("address", e.address());
            row.put("action", e.action());
            row.put("target", e.target());
            row.put("detail", e.detail());
            return row;
        }).toList());
        x.page(200, "audit", model);
    }

    private static int clamp(String text, int fallback, int max) {
        try {
            return Math.max(1, Math.min(max, Integer.parseInt(text)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
