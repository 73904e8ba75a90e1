package cn.taihang.console.internal;

import cn.taihang.gateway.api.Alarm;
import cn.taihang.gateway.api.Alarms;
import cn.taihang.gateway.api.HealthReport;
import cn.taihang.gateway.api.Priority;
import cn.taihang.gateway.spi.ClassBacklog;
import cn.taihang.gateway.spi.RecordQueue;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Bundle;

/** Health, uplink, store backlog per priority class, disk, alarms and bundles at a glance. */
final class OverviewPage {

    void show(Exchange x) throws Exception {
        Console.Services s = x.console.services;
        Map<String, Object> model = x.model("/");
        List<HealthReport> reports = s.health().reports();
        model.put("overall", s.health().overall().name());
        model.put("reports", reports.stream().map(r -> Map.of("name", r.name(), "status", r.status().name(), "summary", r.summary())).toList());
        model.put("uplink", uplink(reports));
        model.put("backlog", backlog(s.queue().get()));
        model.put("disk", disk(x));
        model.put("alarms", alarms(s.alarms().get()));
        model.put("bundles", bundles(x));
        model.put("version", String.valueOf(s.context().getProperty("taihang.version")));
        model.put("fingerprint", x.console.fingerprint());
        x.page(200, "overview", model);
    }

    private static Map<String, Object> uplink(List<HealthReport> reports) {
        Map<String, Object> m = Exchange.row();
        HealthReport uplink = reports.stream().filter(r -> r.name().equals("uplink")).findFirst().orElse(null);
        m.put("configured", uplink != null);
        if (uplink != null) {
            m.put("status", uplink.status().name());
            m.put("state", String.valueOf(uplink.details().getOrDefault("state", "?")));
            m.put("broker", String.valueOf(uplink.details().getOrDefault("broker", "")));
            m.put("summary", uplink.summary());
            Object since = uplink.details().get("connectedSinceMillis");
            m.put("since", since instanceof Number n && n.longValue() > 0 ? Instant.ofEpochMilli(n.longValue()).toString() : "");
        }
        return m;
    }

    private static List<Map<String, Object>> backlog(RecordQueue queue) {
        if (queue == null) {
            return List.of();
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<Priority, ClassBacklog> backlog = queue.backlog();
        long now = System.currentTimeMillis();
        for (Priority p : Priority.values()) {
            ClassBacklog b = backlog.getOrDefault(p, new ClassBacklog(0, 0, 0));
            Map<String, Object> row = Exchange.row();
            row.put("priority", p.name().toLowerCase(java.util.Locale.ROOT));
            row.put("records", b.records());
            row.put("bytes", human(b.bytes()));
            row.put("oldest", b.oldestMillis() == 0 ? "" : age(Duration.ofMillis(Math.max(0, now - b.oldestMillis()))));
            rows.add(row);
        }
        return rows;
    }

    private static Map<String, Object> disk(Exchange x) {
        Map<String, Object> m = Exchange.row();
        try {
            FileStore store = Files.getFileStore(x.console.settings.dataDir());
            long total = store.getTotalSpace();
            long free = store.getUsableSpace();
            m.put("path", x.console.settings.dataDir().toString());
            m.put("total", human(total));
            m.put("free", human(free));
            m.put("usedPercent", total == 0 ? 0 : Math.round(100.0 * (total - free) / total));
        } catch (IOException e) {
            m.put("error", e.getMessage());
        }
        return m;
    }

    private static List<Map<String, Object>> alarms(Alarms alarms) {
        if (alarms == null) {
            return List.of();
        }
        return alarms.active().stream().map((Alarm a) -> {
            Map<String, Object> row = Exchange.row();
            row.put("severity", a.severity().name());
            row.put("kind", a.kind());
            row.put("source", a.source());
            row.put("message", a.message());
            row.put("since", a.raisedAt().toString());
            return row;
        }).toList();
    }

    private static List<Map<String, Object>> bundles(Exchange x) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Bundle b : x.console.services.context().getBundles()) {
            Map<String, Object> row = Exchange.row();
            row.put("id", b.getBundleId());
            row.put("name", String.valueOf(b.getSymbolicName()));
            row.put("version", b.getVersion().toString());
            row.put("state", state(b));
            rows.add(row);
        }
        return rows;
    }

    private static String state(Bundle b) {
        boolean fragment = b.getHeaders().get("Fragment-Host") != null;
        return switch (b.getState()) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> fragment ? "FRAGMENT" : "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.INSTALLED -> "INSTALLED";
            default -> "UNINSTALLED";
        };
    }

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    static String age(Duration d) {
        if (d.toSeconds() < 120) {
            return d.toSeconds() + " s";
        }
        if (d.toMinutes() < 120) {
            return d.toMinutes() + " min";
        }
        return d.toHours() + " h";
    }
}
