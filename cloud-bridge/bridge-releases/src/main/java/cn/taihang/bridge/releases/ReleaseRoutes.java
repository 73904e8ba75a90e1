package cn.taihang.bridge.releases;

import cn.taihang.bridge.http.Replies;
import cn.taihang.bridge.module.Access;
import cn.taihang.bridge.module.ApiRoutes;
import cn.taihang.bridge.module.Scopes;
import cn.taihang.bridge.module.ServiceException;
import cn.taihang.release.BundleEntry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


/**
 * The release and rollout routes under {@code /api/v1/releases}, {@code /api/v1/rollouts} and {@code /api/v1/fleet/sites},
 * as the module's OpenAPI part describes them. Bundles are served with {@code Range} support, so a gateway on a
 * dropping 5G link resumes instead of starting over. Who may call what is named here and in the OpenAPI part: the fleet
 * admin uploads and steers, a fleet reader (or the admin) reads, and a gateway's narrow token fetches manifests and
 * bundles — the HTTPS API takes no client certificates, so a gateway proves itself with a {@value Scopes#FLEET_GATEWAY}
 * token that opens nothing else.
 */
final class ReleaseRoutes {

    private static final int MAX_ENVELOPE = 1 << 20;
    private static final int MAX_JSON = 64 * 1024;
    private static final Access ADMIN = Access.scopes(Scopes.FLEET_ADMIN);
    private static final Access READ = Access.scopes(Scopes.FLEET_READ, Scopes.FLEET_ADMIN);
    private static final Access GATEWAY = Access.scopes(Scopes.FLEET_GATEWAY, Scopes.FLEET_ADMIN);
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    private final ReleaseService service;
    private final Counter served;

    ReleaseRoutes(ReleaseService service, MeterRegistry meters) {
        this.service = service;
        this.served = Counter.builder("bridge_release_bytes_served").description("bundle bytes sent to gateways").baseUnit("bytes").register(meters);
    }

    void mount(ApiRoutes routes) {
        routes.post("/releases", ADMIN).handler(BodyHandler.create().setBodyLimit(MAX_ENVELOPE)).handler(ctx ->
                Replies.json(ctx, 201, service.upload(ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes()), ReleaseRoutes::release));
        routes.get("/releases", READ).handler(ctx -> Replies.json(ctx, 200, service.releases().list(), list -> {
            JsonArray items = new JsonArray();
            list.forEach(r -> items.add(release(r).put("bundles", r.bundles().size())));
            return new JsonObject().put("items", items);
        }));
        routes.put("/releases/bundles/:sha256", ADMIN)
                .handler(BodyHandler.create().setBodyLimit(BundleEntry.MAX_SIZE).setHandleFileUploads(false)).handler(this::putBundle);
        routes.get("/releases/bundles/:sha256", GATEWAY).handler(this::bundle);
        routes.get("/releases/:version", READ).handler(ctx ->
                Replies.json(ctx, 200, service.releases().find(ctx.pathParam("version")), ReleaseRoutes::release));
        routes.get("/releases/:version/manifest", GATEWAY).handler(ctx -> service.releases().envelope(ctx.pathParam("version"))
                .onSuccess(bytes -> ctx.response().putHeader("Content-Type", "application/json").end(io.vertx.core.buffer.Buffer.buffer(bytes)))
                .onFailure(ctx::fail));

        routes.post("/rollouts", ADMIN).handler(BodyHandler.create().setBodyLimit(MAX_JSON)).handler(ctx ->
                Replies.json(ctx, 201, service.create(jsonBody(ctx)).compose(r -> service.rollouts().entries(r.id()).map(e -> RolloutJson.rollout(r, e))),
                        j -> j));
        routes.get("/rollouts", READ).handler(ctx -> Replies.json(ctx, 200, service.rollouts().list().compose(list ->
                io.vertx.core.Future.all(list.stream().map(r -> service.rollouts().entries(r.id()).map(e -> RolloutJson.rollout(r, e))).toList())
                        .map(all -> new JsonObject().put("items", new JsonArray(all.list())))), j -> j));
        routes.get("/rollouts/:id", READ).handler(ctx -> Replies.json(ctx, 200,
                service.rollouts().find(id(ctx)).compose(r -> service.rollouts().entries(r.id()).map(e -> RolloutJson.rollout(r, e))), j -> j));
        routes.get("/rollouts/:id/gateways", READ).handler(ctx -> Replies.json(ctx, 200,
                service.rollouts().find(id(ctx)).compose(r -> service.rollouts().entries(r.id())), entries -> {
                    JsonArray items = new JsonArray();
                    entries.forEach(e -> items.add(RolloutJson.entry(e)));
                    return new JsonObject().put("items", items);
                }));
        for (String action : List.of("pause", "resume", "cancel")) {
            routes.post("/rollouts/:id/" + action, ADMIN).handler(ctx -> {
                long id = id(ctx);
                var result = switch (action) {
                    case "pause" -> service.pause(id);
                    case "resume" -> service.resume(id);
                    default -> service.cancel(id);
                };
                Replies.json(ctx, 200, result.compose(r -> service.rollouts().entries(r.id()).map(e -> RolloutJson.rollout(r, e))), j -> j);
            });
        }
        routes.get("/fleet/sites", READ).handler(ctx -> Replies.json(ctx, 200, service.rollouts().siteKinds(), kinds -> {
            JsonArray items = new JsonArray();
            new java.util.TreeMap<>(kinds).forEach((site, kind) -> items.add(new JsonObject().put("site", site).put("kind", kind)));
            return new JsonObject().put("items", items);
        }));
        routes.put("/fleet/sites/:site", ADMIN).handler(BodyHandler.create().setBodyLimit(MAX_JSON)).handler(ctx -> {
            String kind = jsonBody(ctx).getString("kind");
            Replies.json(ctx, 200, service.putSiteKind(ctx.pathParam("site"), kind), v -> new JsonObject().put("site", ctx.pathParam("site")).put("kind", kind));
        });
    }

    private void putBundle(RoutingContext ctx) {
        String sha = sha(ctx);
        if (ctx.body().buffer() == null || ctx.body().length() == 0) {
            throw ServiceException.invalid("body", "the bundle's bytes", "an empty body is no bundle");
        }
        service.releases().putBundle(sha, ctx.body().buffer()).onSuccess(fresh -> Replies.json(ctx, fresh ? 201 : 200,
                new JsonObject().put("sha256", sha).put("size", ctx.body().length()).put("new", fresh))).onFailure(ctx::fail);
    }

    private void bundle(RoutingContext ctx) {
        String sha = sha(ctx);
        Path file = service.releases().bundleFile(sha);
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw ServiceException.notFound("the bridge holds no bundle " + sha);
        }
        String range = ctx.request().getHeader("Range");
        Matcher m = range == null ? null : RANGE.matcher(range.trim());
        long from = 0;
        long to = size - 1;
        if (m != null && m.matches()) {
            from = Long.parseLong(m.group(1));
            if (!m.group(2).isEmpty()) {
                to = Math.min(to, Long.parseLong(m.group(2)));
            }
            if (from >= size || from > to) {
                ctx.response().setStatusCode(416).putHeader("Content-Range", "bytes */" + size).end();
                return;
            }
            ctx.response().setStatusCode(206).putHeader("Content-Range", "bytes " + from + "-" + to + "/" + size);
        }
        long length = to - from + 1;
        served.increment(length);
        ctx.response().putHeader("Content-Type", "application/octet-stream").putHeader("Accept-Ranges", "bytes")
                .sendFile(file.toString(), from, length).onFailure(e -> ctx.response().reset());
    }

    private static String sha(RoutingContext ctx) {
        String sha = ctx.pathParam("sha256");
        if (!BundleEntry.isSha256(sha)) {
            throw ServiceException.invalid("sha256", "64 lower-case hex digits", "not a SHA-256: " + sha);
        }
        return sha;
    }

    private static long id(RoutingContext ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ServiceException.notFound("no rollout '" + ctx.pathParam("id") + "'; rollout ids are numbers");
        }
    }

    static JsonObject jsonBody(RoutingContext ctx) {
        try {
            JsonObject body = ctx.body().asJsonObject();
            if (body == null) {
                throw ServiceException.invalid("body", null, "the body must be a JSON object");
            }
            return body;
        } catch (DecodeException | ClassCastException e) {
            throw ServiceException.invalid("body", null, "the body is not a JSON object: " + e.getMessage());
        }
    }

    private static JsonObject release(StoredRelease r) {
        JsonArray bundles = new JsonArray();
        r.bundles().forEach(b -> bundles.add(new JsonObject().put("symbolicName", b.symbolicName()).put("version", b.version())
                .put("sha256", b.sha256()).put("size", b.size())));
        return new JsonObject().put("version", r.version()).put("keyId", r.keyId()).put("boards", new JsonArray(r.boards()))
                .put("totalBytes", r.totalBytes()).put("created", r.created().toString()).put("uploaded", r.uploaded().toString())
                .put("notes", r.notes()).put("bundles", bundles);
    }
}
