package cn.taihang.bridge.http;

import cn.taihang.bridge.fleet.FleetStore;
import cn.taihang.bridge.telemetry.TelemetryQuery;
import cn.taihang.bridge.telemetry.TelemetryStore;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The bridge's HTTP API: health, gateways, telemetry, the OpenAPI document and Prometheus metrics. */
public final class ApiRouter {

    /** Path of the OpenAPI document. */
    public static final String OPENAPI_PATH = "/api/v1/openapi.yaml";

    private static final String JSON = "application/json";

    private final HealthCheck health;
    private final FleetStore fleet;
    private final TelemetryStore telemetry;
    private final PrometheusMeterRegistry registry;
    private final Buffer openApi;
    private final Router moduleRoutes;

    /**
     * Wires the handlers to their services.
     *
     * @param moduleRoutes the modules' routes, mounted under /api/v1/
     * @param openApi the OpenAPI document (YAML) of everything served, see {@link ApiDocument}
     */
    public ApiRouter(HealthCheck health, FleetStore fleet, TelemetryStore telemetry, PrometheusMeterRegistry registry, Router moduleRoutes, byte[] openApi) {
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
        router.get("/health").handler(this::health);
        router.get("/api/v1/gateways").handler(this::gateways);
        router.get("/api/v1/telemetry").handler(this::telemetry);
        router.get(OPENAPI_PATH).handler(ctx -> ctx.response().putHeader("Content-Type", "application/yaml; charset=utf-8").end(openApi));
        router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
        router.route("/api/v1/*").subRouter(moduleRoutes);
        router.errorHandler(404, ctx -> Problems.status(ctx, 404, "no such resource; the API is described at " + OPENAPI_PATH));
        router.errorHandler(405, ctx -> Problems.status(ctx, 405, "this resource only answers GET"));
        router.errorHandler(500, Problems::failure);
        return router;
    }

    private void health(RoutingContext ctx) {
        health.check().onSuccess(doc -> ctx.response().setStatusCode("UP".equals(doc.getString("status")) ? 200 : 503)
                .putHeader("Content-Type", JSON).end(doc.encode()));
    }

    private void gateways(RoutingContext ctx) {
        fleet.list().onSuccess(items -> ctx.response().putHeader("Content-Type", JSON).end(new JsonObject().put("items", items).encode()))
                .onFailure(ctx::fail);
    }

    private void telemetry(RoutingContext ctx) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        ctx.queryParams().names().forEach(name -> params.put(name, ctx.queryParams().getAll(name)));
        telemetry.find(TelemetryQuery.parse(params)).onSuccess(page -> ctx.response().putHeader("Content-Type", JSON).end(page.encode())).onFailure(ctx::fail);
    }
}
