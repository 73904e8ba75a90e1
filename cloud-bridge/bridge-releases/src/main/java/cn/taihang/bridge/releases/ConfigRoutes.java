package cn.taihang.bridge.releases;

import cn.taihang.bridge.http.Replies;
import cn.taihang.bridge.module.Access;
import cn.taihang.bridge.module.ApiRoutes;
import cn.taihang.bridge.module.Caller;
import cn.taihang.bridge.module.GatewayInfo;
import cn.taihang.bridge.module.Scopes;
import cn.taihang.bridge.module.ServiceException;
import cn.taihang.release.ConfigPush;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The remote configuration routes under {@code /api/v1/configuration}, as the module's OpenAPI part describes them: the
 * fleet admin pushes, a fleet reader (or the admin) reads the pushes and what each gateway runs.
 */
final class ConfigRoutes {

    private static final Access ADMIN = Access.scopes(Scopes.FLEET_ADMIN);
    private static final Access READ = Access.scopes(Scopes.FLEET_READ, Scopes.FLEET_ADMIN);
    /** Bodies up to this are read and refused with a problem naming the limit; larger ones are cut off by the body handler. */
    private static final int BODY_LIMIT = 4 * ConfigPush.MAX_BYTES;

    private final ConfigPushService service;

    ConfigRoutes(ConfigPushService service) {
        this.service = service;
    }

    void mount(ApiRoutes routes) {
        routes.post("/configuration", ADMIN).handler(BodyHandler.create().setBodyLimit(BODY_LIMIT)).handler(this::push);
        routes.get("/configuration", READ).handler(ctx -> Replies.json(ctx, 200, service.store().pushes(), pushes -> {
            JsonArray items = new JsonArray();
            pushes.forEach(p -> items.add(push(p)));
            return new JsonObject().put("items", items);
        }));
        routes.get("/configuration/gateways", READ).handler(ctx -> Replies.json(ctx, 200,
                service.store().gateways().compose(rows -> service.gateways().map(known -> gateways(rows, known))), j -> j));
        routes.get("/configuration/:version", READ).handler(ctx -> {
            long version = version(ctx);
            Replies.json(ctx, 200, service.store().pushes().map(all -> all.stream().filter(p -> p.version() == version).findFirst()
                    .orElseThrow(() -> ServiceException.notFound("no configuration push " + version))), ConfigRoutes::push);
        });
    }

    private void push(RoutingContext ctx) {
        if (ctx.body().length() > ConfigPush.MAX_BYTES * 2) {
            throw ServiceException.invalid("body", "a push of at most " + ConfigPush.MAX_BYTES + " bytes of configuration", "the body is " + ctx.body().length()
                    + " bytes").withReason("too-large");
        }
        Future<ConfigPushStore.Push> pushed = service.push(ReleaseRoutes.jsonBody(ctx)).onSuccess(p -> {
            ctx.response().putHeader("Location", "/api/v1/configuration/" + p.version());
            Caller.auditNote(ctx, "configuration push " + p.version() + " of " + String.join(", ", p.fragment().fieldNames()));
        });
        Replies.json(ctx, 201, pushed, ConfigRoutes::push);
    }

    private static long version(RoutingContext ctx) {
        try {
            return Long.parseLong(ctx.pathParam("version"));
        } catch (NumberFormatException e) {
            throw ServiceException.notFound("no configuration push '" + ctx.pathParam("version") + "'; versions are numbers");
        }
    }

    private static JsonObject push(ConfigPushStore.Push p) {
        return new JsonObject().put("version", p.version()).put("targets", p.targets()).put("configuration", p.fragment()).put("note", p.note())
                .put("created", p.created().toString());
    }

    private static JsonObject gateways(List<ConfigPushStore.GatewayConfig> rows, List<GatewayInfo> known) {
        Map<String, JsonObject> byId = new TreeMap<>();
        known.forEach(g -> byId.put(g.id(), new JsonObject().put("gateway", g.id()).put("site", g.site()).put("online", g.online())
                .putNull("desiredVersion").putNull("appliedVersion").put("state", "none").putNull("hash").put("drifted", false)));
        for (ConfigPushStore.GatewayConfig r : rows) {
            JsonObject o = byId.computeIfAbsent(r.gateway(), id -> new JsonObject().put("gateway", id).put("site", r.site()));
            o.put("desiredVersion", r.desired()).put("appliedVersion", r.applied()).put("state", r.state() == null ? "none" : r.state())
                    .put("reason", dashToNull(r.reason())).put("message", dashToNull(r.message())).put("hash", dashToNull(r.hash()))
                    .put("pids", r.pids() == null || r.pids().equals("-") ? new JsonArray() : new JsonArray(Arrays.asList(r.pids().split(","))))
                    .put("drift", r.drift()).put("drifted", r.drift() != null).put("reported", r.reported() == null ? null : r.reported().toString());
        }
        return new JsonObject().put("items", new JsonArray(List.copyOf(byId.values())));
    }

    private static String dashToNull(String text) {
        return text == null || text.equals("-") ? null : text;
    }
}
