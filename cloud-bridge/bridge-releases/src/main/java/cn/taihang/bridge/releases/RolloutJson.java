package cn.taihang.bridge.releases;

import cn.taihang.bridge.module.ServiceException;
import cn.taihang.bridge.releases.rollout.GatewayState;
import cn.taihang.bridge.releases.rollout.MaintenanceWindow;
import cn.taihang.bridge.releases.rollout.RolloutEntry;
import cn.taihang.bridge.releases.rollout.RolloutSpec;
import cn.taihang.bridge.releases.rollout.Targets;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The JSON of rollouts, as the OpenAPI part documents it: a request parsed into a {@link RolloutSpec} with every default
 * filled in (the stored form), and rollouts and their gateways rendered.
 */
final class RolloutJson {

    /** Defaults of a rollout request (here only: the OpenAPI part names them). */
    static final int CANARY = 1;
    static final double GROWTH = 4;
    static final int MAX_WAVE = 50;
    static final double SUCCESS = 0.9;
    static final double ERROR = 0.1;
    static final int DEADLINE_SECONDS = 1800;
    static final int MAX_ATTEMPTS = 3;

    private RolloutJson() {
    }

    /** @return the request with every default written out; fails INVALID naming the field */
    static JsonObject normalise(JsonObject request) {
        try {
            JsonObject waves = request.getJsonObject("waves", new JsonObject());
            JsonObject thresholds = request.getJsonObject("thresholds", new JsonObject());
            return new JsonObject().put("release", required(request, "release"))
                    .put("targets", request.getJsonObject("targets", new JsonObject().put("all", true)))
                    .put("waves", new JsonObject().put("canary", waves.getInteger("canary", CANARY)).put("growth", waves.getDouble("growth", GROWTH))
                            .put("max", waves.getInteger("max", MAX_WAVE)).put("canaryGateways", waves.getJsonArray("canaryGateways", new JsonArray())))
                    .put("thresholds", new JsonObject().put("success", thresholds.getDouble("success", SUCCESS))
                            .put("error", thresholds.getDouble("error", ERROR)))
                    .put("windows", request.getJsonArray("windows", new JsonArray()))
                    .put("gatewayDeadlineSeconds", request.getInteger("gatewayDeadlineSeconds", DEADLINE_SECONDS))
                    .put("maxAttempts", request.getInteger("maxAttempts", MAX_ATTEMPTS));
        } catch (ClassCastException e) {
            throw ServiceException.invalid("body", null, "a field of the rollout has the wrong type: " + e.getMessage());
        }
    }

    /** @return the specification of a normalised request; fails INVALID naming the field */
    static RolloutSpec spec(JsonObject n) {
        try {
            JsonObject waves = n.getJsonObject("waves");
            JsonObject thresholds = n.getJsonObject("thresholds");
            List<MaintenanceWindow> windows = new ArrayList<>();
            for (int i = 0; i < n.getJsonArray("windows").size(); i++) {
                windows.add(window(n.getJsonArray("windows").getJsonObject(i), "windows[" + i + "]"));
            }
            return new RolloutSpec(n.getString("release"), targets(n.getJsonObject("targets")), strings(waves.getJsonArray("canaryGateways")),
                    waves.getInteger("canary"), waves.getDouble("growth"), waves.getInteger("max"), thresholds.getDouble("success"),
                    thresholds.getDouble("error"), windows, Duration.ofSeconds(n.getInteger("gatewayDeadlineSeconds")), n.getInteger("maxAttempts"));
        } catch (IllegalArgumentException | ClassCastException | NullPointerException | DateTimeException e) {
            throw ServiceException.invalid("body", null, "invalid rollout: " + e.getMessage());
        }
    }

    /** @return targets as the API writes them: {"all": true} | {"sites": [...], "gateways": [...]} */
    static Targets targets(JsonObject t) {
        return new Targets(t.getBoolean("all", false), new HashSet<>(strings(t.getJsonArray("sites", new JsonArray()))),
                new HashSet<>(strings(t.getJsonArray("gateways", new JsonArray()))));
    }

    private static MaintenanceWindow window(JsonObject w, String where) {
        if (w == null) {
            throw new IllegalArgumentException(where + " must be an object");
        }
        return new MaintenanceWindow(required(w, "siteKind"), LocalTime.parse(required(w, "closedFrom")), LocalTime.parse(required(w, "closedTo")),
                w.getString("firstDay") == null ? null : LocalDate.parse(w.getString("firstDay")),
                w.getString("lastDay") == null ? null : LocalDate.parse(w.getString("lastDay")), ZoneId.of(w.getString("zone", "Asia/Shanghai")));
    }

    /** @return a rollout as the API shows it, with counts of its gateways by state and by wave */
    static JsonObject rollout(RolloutStore.Rollout r, List<RolloutEntry> entries) {
        Map<GatewayState, Integer> counts = new EnumMap<>(GatewayState.class);
        Map<Integer, Map<String, Integer>> waves = new TreeMap<>();
        long bytes = 0;
        for (RolloutEntry e : entries) {
            counts.merge(e.state(), 1, Integer::sum);
            waves.computeIfAbsent(e.wave(), w -> new TreeMap<>()).merge(e.state().wire(), 1, Integer::sum);
            bytes += e.bytes();
        }
        JsonObject byState = new JsonObject();
        counts.forEach((s, n) -> byState.put(s.wire(), n));
        JsonArray waveList = new JsonArray();
        waves.forEach((w, states) -> waveList.add(new JsonObject().put("wave", w).put("gateways", states.values().stream().mapToInt(i -> i).sum())
                .put("states", new JsonObject(new TreeMap<>(states)))));
        long done = entries.stream().filter(e -> e.state().terminal()).count();
        return new JsonObject().put("id", r.id()).put("release", r.release()).put("status", r.status().wire()).put("reason", r.reason())
                .put("wave", r.wave()).put("gateways", entries.size()).put("done", done).put("states", byState).put("waves", waveList)
                .put("bytes", bytes).put("created", r.created().toString()).put("changed", r.changed().toString())
                .put("completed", r.completed() == null ? null : r.completed().toString()).put("spec", r.spec());
    }

    /** @return one gateway of a rollout as the API shows it */
    static JsonObject entry(RolloutEntry e) {
        return new JsonObject().put("gateway", e.gateway()).put("site", e.site()).put("wave", e.wave()).put("state", e.state().wire())
                .put("attempt", e.attempt()).put("started", text(e.started())).put("deadline", text(e.deadline()))
                .put("tryingSince", text(e.tryingSince())).put("finished", text(e.finished())).put("step", e.step()).put("reason", e.reason())
                .put("message", e.message()).put("bytes", e.bytes());
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    private static String required(JsonObject o, String field) {
        String v = o.getString(field);
        if (v == null || v.isBlank()) {
            throw ServiceException.invalid(field, null, field + " is required");
        }
        return v;
    }

    private static List<String> strings(JsonArray array) {
        List<String> values = new ArrayList<>();
        for (Object o : array) {
            if (!(o instanceof String s)) {
                throw new IllegalArgumentException("a list of ids holds strings, not " + o);
            }
            values.add(s);
        }
        Set<String> unique = new HashSet<>(values);
        if (unique.size() != values.size()) {
            throw new IllegalArgumentException("a list of ids names one twice: " + values);
        }
        return values;
    }
}
