package cn.taihang.bridge.signs;

import cn.taihang.bridge.http.Replies;
import cn.taihang.bridge.module.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.sqlclient.Row;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The signs' HTTP API: {@code GET /signs}, {@code GET /signs/{id}/image.png}, {@code GET|PUT /signs/{id}/message}.
 * Refusals fail the context for the core's problem renderer.
 */
final class SignsApi {

    private final SignStore store;
    private final SignMessages messages;

    SignsApi(SignStore store, SignMessages messages) {
        this.store = store;
        this.messages = messages;
    }

    void mount(Router router) {
        router.get("/signs").handler(ctx -> Replies.json(ctx, 200, list(), items -> new JsonObject().put("items", items)));
        router.get("/signs/:id/image.png").handler(this::image);
        router.get("/signs/:id/message").handler(this::message);
        router.put("/signs/:id/message").handler(BodyHandler.create().setBodyLimit(16 * 1024)).handler(this::activate);
    }

    /** @return every sign known from births or status records, by id */
    Future<JsonArray> list() {
        return store.gateways().compose(gateways -> store.statuses().map(statuses -> {
            Map<String, JsonObject> items = new LinkedHashMap<>();
            Map<String, Row> gatewayById = new LinkedHashMap<>();
            for (Row g : gateways) {
                gatewayById.put(g.getString("id"), g);
                for (Object d : new JsonArray(g.getString("devices_json") == null ? "[]" : g.getString("devices_json"))) {
                    JsonObject device = (JsonObject) d;
                    if ("digital-sign".equals(device.getString("kind"))) {
                        items.put(device.getString("id"), registryOnly(device, g));
                    }
                }
            }
            for (Row s : statuses) {
                items.put(s.getString("id"), item(s, gatewayById.get(s.getString("gateway")),
                        items.containsKey(s.getString("id")) ? items.get(s.getString("id")).getString("description") : null));
            }
            List<String> ids = new ArrayList<>(items.keySet());
            ids.sort(null);
            JsonArray array = new JsonArray();
            ids.forEach(id -> array.add(items.get(id)));
            return array;
        }));
    }

    private static JsonObject registryOnly(JsonObject device, Row gateway) {
        return new JsonObject().put("id", device.getString("id")).put("gateway", gateway.getString("id")).put("site", gateway.getString("site"))
                .put("siteName", gateway.getString("site_name")).put("description", device.getString("description"))
                .put("online", gateway.getInteger("online") != 0).put("role", null).put("width", null).put("height", null).put("colour", null)
                .put("state", "UNKNOWN").put("link", null).put("message", null).put("origin", null).put("source", null).put("priority", null)
                .put("activated", null).put("expires", null).put("pages", null).put("brightness", null).put("temperature", null)
                .put("ambient", null).put("pixelFaults", null).put("warnings", new JsonArray()).put("statusAt", null).put("imageAt", null)
                .put("image", null);
    }

    static JsonObject item(Row s, Row gateway, String description) {
        String id = s.getString("id");
        String warnings = s.getString("warnings");
        return new JsonObject().put("id", id).put("gateway", s.getString("gateway")).put("site", s.getString("site"))
                .put("siteName", gateway == null ? null : gateway.getString("site_name")).put("description", description)
                .put("online", gateway != null && gateway.getInteger("online") != 0).put("role", s.getString("role"))
                .put("width", s.getInteger("width")).put("height", s.getInteger("height")).put("colour", s.getString("colour"))
                .put("state", s.getString("state")).put("link", s.getInteger("link") != 0).put("message", s.getString("multi"))
                .put("origin", s.getString("origin")).put("source", s.getString("source")).put("priority", s.getInteger("priority"))
                .put("activated", iso(s.getLong("activated_ms"))).put("expires", iso(s.getLong("expires_ms"))).put("pages", s.getInteger("pages"))
                .put("brightness", s.getDouble("brightness")).put("temperature", s.getDouble("temperature")).put("ambient", s.getDouble("ambient"))
                .put("pixelFaults", s.getDouble("pixel_faults") == null ? null : s.getDouble("pixel_faults").intValue())
                .put("warnings", warnings == null || warnings.isEmpty() ? new JsonArray() : new JsonArray(List.of(warnings.split(","))))
                .put("statusAt", iso(s.getLong("status_ms"))).put("imageAt", iso(s.getLong("png_ms")))
                .put("image", s.getString("png") == null ? null : "/api/v1/signs/" + id + "/image.png");
    }

    private void image(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        String page = ctx.queryParam("page").isEmpty() ? null : ctx.queryParam("page").get(0);
        store.status(id).onFailure(ctx::fail).onSuccess(row -> {
            if (row == null || row.getString("png") == null) {
                ctx.fail(ServiceException.notFound(row == null ? "no sign '" + id + "'; GET /api/v1/signs lists them"
                        : "sign '" + id + "' has not reported a confirmed image yet; check its panel link (GET /api/v1/signs)"));
                return;
            }
            if (!"SHOWN".equals(row.getString("state"))) {
                ctx.fail(ServiceException.unavailable("what sign '" + id + "' shows is unknown: its gateway reports " + row.getString("state")
                        + " since " + iso(row.getLong("status_ms")) + "; send a maintenance crew if it lasts"));
                return;
            }
            byte[] png = Base64.getDecoder().decode(row.getString("png"));
            if (page != null) {
                try {
                    png = page(png, Integer.parseInt(page), row.getInteger("height"), row.getInteger("pages"));
                } catch (NumberFormatException | IndexOutOfBoundsException e) {
                    ctx.fail(ServiceException.invalid("page must be 1-" + row.getInteger("pages") + ", was '" + page + "'"));
                    return;
                } catch (IOException e) {
                    ctx.fail(e);
                    return;
                }
            }
            ctx.response().putHeader("Content-Type", "image/png").putHeader("Cache-Control", "no-store")
                    .putHeader("X-Sign-State", row.getString("state")).putHeader("X-Sign-Pages", String.valueOf(row.getInteger("pages")))
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
                    return item.copy().put("desired", desired == null ? null : SignMessages.desiredJson(desired));
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
        Replies.json(ctx, 202, messages.operatorMessage(ctx.pathParam("id"), SignMessages.OperatorMessage.parse(body), Instant.now()), SignsApi::accepted);
    }

    private static JsonObject accepted(SignMessages.Accepted a) {
        SignMessages.OperatorMessage m = a.message();
        return new JsonObject().put("sign", a.sign()).put("gateway", a.gateway()).put("command", a.command())
                .put("desired", new JsonObject().put("multi", m.multi()).put("priority", m.priority()).put("duration", m.duration()).put("source", m.source())
                        .put("issued", a.issued().toString()).put("expires", a.expires() == null ? null : a.expires().toString()));
    }

    static String iso(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis).toString();
    }
}
