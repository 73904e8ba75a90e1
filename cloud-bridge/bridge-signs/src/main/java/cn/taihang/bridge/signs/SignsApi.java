package cn.taihang.bridge.signs;

import cn.taihang.bridge.http.Replies;
import cn.taihang.bridge.module.GatewayInfo;
import cn.taihang.bridge.module.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import cn.taihang.bridge.module.Access;
import cn.taihang.bridge.module.ApiRoutes;
import cn.taihang.bridge.module.Caller;
import cn.taihang.bridge.module.Scopes;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.imageio.ImageIO;

/**
 * The signs' HTTP API: {@code GET /signs}, {@code GET /signs/{id}/image.png}, {@code GET|PUT /signs/{id}/message}.
 * Refusals fail the context for the core's problem renderer.
 */
final class SignsApi {

    /** The signs' local safety warnings' run-time priority (the digital-sign bundle's default {@code safetyPriority}). */
    static final int LOCAL_SAFETY_PRIORITY = 250;
    /** The highest priority of a central message without {@code signs:safety-override}: below the local safety warnings. */
    static final int CENTRAL_PRIORITY_MAX = LOCAL_SAFETY_PRIORITY - 1;
    private static final Access READ = Access.scopes(Scopes.SIGNS_WRITE, Scopes.TELEMETRY_READ);

    private final SignStore store;
    private final SignMessages messages;
    private final Supplier<Future<List<GatewayInfo>>> gateways;

    /** @param gateways the gateways the bridge knows, with their births' devices (the core's fleet) */
    SignsApi(SignStore store, SignMessages messages, Supplier<Future<List<GatewayInfo>>> gateways) {
        this.store = store;
        this.messages = messages;
        this.gateways = gateways;
    }

    void mount(ApiRoutes routes) {
        routes.get("/signs", READ).handler(ctx -> Replies.json(ctx, 200, list(), items -> new JsonObject().put("items", items)));
        routes.get("/signs/:id/image.png", READ).handler(this::image);
        routes.get("/signs/:id/message", READ).handler(this::message);
        routes.put("/signs/:id/message", Access.scopes(Scopes.SIGNS_WRITE)).handler(BodyHandler.create().setBodyLimit(16 * 1024)).handler(this::activate);
    }

    /** @return every sign known from births or status records, by id */
    Future<JsonArray> list() {
        return gateways.get().compose(known -> store.statuses().map(statuses -> {
            Map<String, JsonObject> items = new LinkedHashMap<>();
            Map<String, GatewayInfo> gatewayById = new LinkedHashMap<>();
            for (GatewayInfo g : known) {
                gatewayById.put(g.id(), g);
                for (GatewayInfo.Device device : g.devices()) {
                    if ("digital-sign".equals(device.kind())) {
                        items.put(device.id(), registryOnly(device, g));
                    }
                }
            }
            for (SignStore.StoredSign stored : statuses) {
                String id = stored.status().sign();
                items.put(id, item(stored, gatewayById.get(stored.status().gateway()), items.containsKey(id) ? items.get(id).getString("description") : null));
            }
            List<String> ids = new ArrayList<>(items.keySet());
            ids.sort(null);
            JsonArray array = new JsonArray();
            ids.forEach(id -> array.add(items.get(id)));
            return array;
        }));
    }

    private static JsonObject registryOnly(GatewayInfo.Device device, GatewayInfo gateway) {
        return new JsonObject().put("id", device.id()).put("gateway", gateway.id()).put("site", gateway.site())
                .put("siteName", gateway.siteName()).put("description", device.description())
                .put("online", gateway.online()).put("role", null).put("width", null).put("height", null).put("colour", null)
                .put("state", "UNKNOWN").put("link", null).put("message", null).put("origin", null).put("source", null).put("priority", null)
                .put("activated", null).put("expires", null).put("pages", null).put("brightness", null).put("temperature", null)
                .put("ambient", null).put("pixelFaults", null).put("warnings", new JsonArray()).put("statusAt", null).put("imageAt", null)
                .put("image", null);
    }

    static JsonObject item(SignStore.StoredSign stored, GatewayInfo gateway, String description) {
        SignStatus s = stored.status();
        String id = s.sign();
        String warnings = s.warnings();
        return new JsonObject().put("id", id).put("gateway", s.gateway()).put("site", s.site())
                .put("siteName", gateway == null ? null : gateway.siteName()).put("description", description)
                .put("online", gateway != null && gateway.online()).put("role", s.role())
                .put("width", s.width()).put("height", s.height()).put("colour", s.colour())
                .put("state", s.state()).put("link", s.link()).put("message", s.multi())
                .put("origin", s.origin()).put("source", s.source()).put("priority", s.priority())
                .put("activated", iso(s.activatedMillis())).put("expires", iso(s.expiresMillis())).put("pages", s.pages())
                .put("brightness", s.brightness()).put("temperature", s.temperature()).put("ambient", s.ambient())
                .put("pixelFaults", s.pixelFaults() == null ? null : s.pixelFaults().intValue())
                .put("warnings", warnings == null || warnings.isEmpty() ? new JsonArray() : new JsonArray(List.of(warnings.split(","))))
                .put("statusAt", iso(s.timeMillis())).put("imageAt", iso(stored.imageMillis()))
                .put("image", s.png() == null ? null : "/api/v1/signs/" + id + "/image.png");
    }

    private void image(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        String page = ctx.queryParam("page").isEmpty() ? null : ctx.queryParam("page").get(0);
        store.status(id).onFailure(ctx::fail).onSuccess(stored -> {
            SignStatus row = stored == null ? null : stored.status();
            if (row == null || row.png() == null) {
                ctx.fail(ServiceException.notFound(row == null ? "no sign '" + id + "'; GET /api/v1/signs lists them"
                        : "sign '" + id + "' has not reported a confirmed image yet; check its panel link (GET /api/v1/signs)"));
                return;
            }
            if (!"SHOWN".equals(row.state())) {
                ctx.fail(ServiceException.unavailable("what sign '" + id + "' shows is unknown: its gateway reports " + row.state()
                        + " since " + iso(row.timeMillis()) + "; send a maintenance crew if it lasts"));
                return;
            }
            byte[] png = row.png();
            if (page != null) {
                try {
                    png = page(png, Integer.parseInt(page), row.height(), row.pages());
                } catch (NumberFormatException | IndexOutOfBoundsException e) {
                    ctx.fail(ServiceException.invalid("page must be 1-" + row.pages() + ", was '" + page + "'"));
                    return;
                } catch (IOException e) {
                    ctx.fail(e);
                    return;
                }
            }
            ctx.response().putHeader("Content-Type", "image/png").putHeader("Cache-Control", "no-store")
                    .putHeader("X-Sign-State", row.state()).putHeader("X-Sign-Pages", String.valueOf(row.pages()))
                    .end(Buffer.buffer(png));
        });
    }

    /** Cuts page {@code number} (1-based) out of the stacked sheet. */
    private static byte[] page(byte[] sheet, int number, int height, int pages) throws IOException {
        if (number < 1 || number > pages) {
            throw new IndexOutOfBoundsException();
        }
        BufferedImage all = ImageIO.read(new ByteArrayInputStream(sheet));
        BufferedImage one = all.getSubimage(0, (number - 1) * height, all.getWidth(), height);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(one, "png", out);
        return out.toByteArray();
    }

    private void message(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        list().compose(items -> store.desired(id).map(desired -> {
            for (Object o : items) {
                JsonObject item = (JsonObject) o;
                if (item.getString("id").equals(id)) {
                    return item.copy().put("desired", desired == null ? null : desired(desired));
                }
            }
            return null;
        })).onFailure(ctx::fail).onSuccess(item -> {
            if (item == null) {
                ctx.fail(ServiceException.notFound("no sign '" + id + "'; GET /api/v1/signs lists them"));
            } else {
                Replies.json(ctx, 200, item);
            }
        });
    }

    private void activate(RoutingContext ctx) {
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (DecodeException e) {
            body = null;
        }
        if (body == null) {
            throw ServiceException.invalid("send a JSON object {\"multi\": \"...\", \"priority\": 0-255, \"duration\": minutes 1-65535}");
        }
        SignMessages.OperatorMessage message = SignMessages.OperatorMessage.parse(body);
        if (message.priority() > CENTRAL_PRIORITY_MAX) {
            if (!Caller.of(ctx).hasScope(Scopes.SIGNS_SAFETY_OVERRIDE)) {
                throw ServiceException.forbidden(Scopes.SIGNS_SAFETY_OVERRIDE, "a central message may have priority up to " + CENTRAL_PRIORITY_MAX
                        + ", below the signs' local safety warnings (fog, ice, wind at " + LOCAL_SAFETY_PRIORITY + "); priority " + message.priority()
                        + " would hide them and needs scope " + Scopes.SIGNS_SAFETY_OVERRIDE);
            }
            Caller.auditNote(ctx, "safety override: priority " + message.priority() + " on sign " + ctx.pathParam("id"));
        }
        Replies.json(ctx, 202, messages.operatorMessage(ctx.pathParam("id"), message, Instant.now()), SignsApi::accepted);
    }

    private static JsonObject desired(SignStore.Desired d) {
        return new JsonObject().put("multi", d.multi()).put("priority", d.priority()).put("duration", d.duration()).put("source", d.source())
                .put("issued", d.issued().toString()).put("expires", iso(d.expiresMillis()));
    }

    private static JsonObject accepted(SignMessages.Accepted a) {
        SignMessages.OperatorMessage m = a.message();
        return new JsonObject().put("sign", a.sign()).put("gateway", a.gateway()).put("command", a.command())
                .put("desired", new JsonObject().put("multi", m.multi()).put("priority", m.priority()).put("duration", m.duration()).put("source", m.source())
                        .put("issued", a.issued().toString()).put("expires", a.expires() == null ? null : a.expires().toString()));
    }

    private static String iso(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis).toString();
    }
}
