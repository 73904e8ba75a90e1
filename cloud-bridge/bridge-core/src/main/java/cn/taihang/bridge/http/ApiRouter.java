package cn.taihang.bridge.http;

import cn.taihang.bridge.ingest.CountedAcks;
import cn.taihang.bridge.audit.AuditLog;
import cn.taihang.bridge.fleet.FleetStore;
import cn.taihang.bridge.module.Access;
import cn.taihang.bridge.module.ApiRoutes;
import cn.taihang.bridge.module.Scopes;
import cn.taihang.bridge.module.GatewayInfo;
import cn.taihang.bridge.telemetry.TelemetryQuery;
import cn.taihang.bridge.telemetry.TelemetryStore;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The bridge's HTTP API: liveness and readiness, gateways, telemetry, the OpenAPI document and Prometheus metrics. The
 * health routes answer from memory, never waiting for the database.
 */
public final class ApiRouter {

    /** Path of the OpenAPI document. */
    public static final String OPENAPI_PATH = "/api/v1/openapi.yaml";


    private final HealthCheck health;
    private final FleetStore fleet;
    private final TelemetryStore telemetry;
    private final PrometheusMeterRegistry registry;
    private final Buffer openApi;
    private final Router moduleRoutes;
    private final Function<Router, ApiRoutes> secured;
    private final AuditLog audit;

    /**
     * Wires the handlers to their services.
     *
     * @param moduleRoutes the modules' routes, mounted under /api/v1/
     * @param openApi the OpenAPI document (YAML) of everything served, see {@link ApiDocument}
     * @param secured registers the core's routes on the root router with their access
     * @param audit the audit of state-changing calls, which also answers {@code GET /api/v1/audit}
     */
    public ApiRouter(HealthCheck health, FleetStore fleet, TelemetryStore telemetry, PrometheusMeterRegistry registry, Router moduleRoutes, byte[] openApi,
                     Function<Router, ApiRoutes> secured, AuditLog audit) {
        this.secured = secured;
        this.audit = audit;
        this.moduleRoutes = moduleRoutes;
        this.health = health;
        this.fleet = fleet;
        this.telemetry = telemetry;
        this.registry = registry;
        this.openApi = Buffer.buffer(openApi);
    }

    /** @return a router serving every route of the API */
    public Router create(Vertx vertx) {
        Router router = Router.router(vertx);
        router.route().handler(audit::capture);
        ApiRoutes routes = secured.apply(router);
        routes.get("/health", Access.open()).handler(this::health);
        routes.get("/health/ready", Access.open()).handler(this::health);
        routes.get("/health/live", Access.open()).handler(ctx -> Replies.json(ctx, 200, new JsonObject().put("status", "UP")));
        routes.get("/api/v1/gateways", Access.scopes(Scopes.TELEMETRY_READ)).handler(this::gateways);
        routes.get("/api/v1/telemetry", Access.scopes(Scopes.TELEMETRY_READ)).handler(this::telemetry);
        routes.get(OPENAPI_PATH, Access.open()).handler(ctx -> ctx.response().putHeader("Content-Type", "application/yaml; charset=utf-8").end(openApi));
        routes.get("/metrics", Access.scopes(Scopes.METRICS_READ)).handler(PrometheusScrapingHandler.create(registry));
        routes.get("/api/v1/audit", Access.scopes(Scopes.FLEET_ADMIN)).handler(this::audit);
        router.route("/api/v1/*").subRouter(moduleRoutes);
        router.errorHandler(404, ctx -> Problems.status(ctx, 404, "no such resource; the API is described at " + OPENAPI_PATH));
        router.errorHandler(405, ctx -> Problems.status(ctx, 405, "this resource does not answer that method; the API is described at " + OPENAPI_PATH));
        router.errorHandler(413, ctx -> Problems.status(ctx, 413, "the body is larger than this resource takes; its limit is in the API description at "
                + OPENAPI_PATH));
        router.errorHandler(500, Problems::failure);
        return router;
    }

    private void health(RoutingContext ctx) {
        HealthCheck.Health h = health.ready();
        Replies.json(ctx, h.up() ? 200 : 503, new JsonObject().put("status", h.up() ? "UP" : "DOWN")
                .put("database", h.database() ? "UP" : "DOWN").put("mqtt", h.mqtt() ? "UP" : "DOWN").put("broker", h.broker())
                .put("brokerMode", h.embeddedBroker() ? "embedded" : "external").put("checkedAt", java.time.Instant.ofEpochMilli(h.checkedAtMillis()).toString())
                .put("acksDropped", (long) registry.find(CountedAcks.DROPPED).counters().stream().mapToDouble(c -> c.count()).sum()));
    }

    private void gateways(RoutingContext ctx) {
        Replies.json(ctx, 200, fleet.list(), list -> {
            JsonArray items = new JsonArray();
            list.forEach(g -> items.add(gateway(g)));
            return new JsonObject().put("items", items);
        });
    }

    private static JsonObject gateway(GatewayInfo g) {
        JsonArray devices = new JsonArray();
        g.devices().forEach(d -> devices.add(new JsonObject().put("id", d.id()).put("kind", d.kind()).put("description", d.description())));
        return new JsonObject().put("id", g.id()).put("site", g.site()).put("siteName", g.siteName()).put("online", g.online())
                .put("lastSeen", g.lastSeen().toString()).put("bdSeq", g.bdSeq()).put("software", g.software())
                .put("bundles", new JsonObject(new java.util.TreeMap<String, Object>(g.bundles()))).put("devices", devices)
                .put("consoleUrl", g.consoleUrl()).put("configHash", g.configHash());
    }

    private static JsonObject telemetryPage(TelemetryStore.Page page) {
        JsonArray items = new JsonArray();
        for (TelemetryStore.TelemetryRecord r : page.items()) {
            items.add(new JsonObject().put("gateway", r.gateway()).put("site", r.site()).put("device", r.device()).put("kind", r.kind())
                    .put("seq", r.seq()).put("time", r.time().toString()).put("receivedAt", r.received().toString()).put("priority", r.priority())
                    .put("historical", r.historical()).put("values", new JsonObject(r.values())).put("units", new JsonObject(r.units())));
        }
        return new JsonObject().put("items", items).put("next", page.next() == null ? null : page.next().encode());
    }

    private void audit(RoutingContext ctx) {
        int limit = AuditJson.limit(ctx.queryParams().get("limit"));
        Long before = AuditJson.before(ctx.queryParams().get("before"));
        Replies.json(ctx, 200, audit.page(limit, before), page -> AuditJson.page(page, limit));
    }

    private void telemetry(RoutingContext ctx) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        ctx.queryParams().names().forEach(name -> params.put(name, ctx.queryParams().getAll(name)));
        Replies.json(ctx, 200, telemetry.find(TelemetryQuery.parse(params)), ApiRouter::telemetryPage);
    }
}
