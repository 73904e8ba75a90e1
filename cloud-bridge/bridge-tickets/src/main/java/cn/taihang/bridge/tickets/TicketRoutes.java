package cn.taihang.bridge.tickets;

import cn.taihang.bridge.http.Replies;
import cn.taihang.bridge.module.ServiceException;
import cn.taihang.wire.sign.SignatureAlgorithm;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The ticket service's HTTP routes under {@code /api/v1/tickets}, as its OpenAPI part describes them: requests parsed
 * into typed requests, typed answers mapped to JSON ({@link TicketJson}); refusals fail the context for the core's
 * problem renderer.
 */
final class TicketRoutes {

    private static final int MAX_BODY = 16 * 1024;
    private static final int MAX_CONFLICTS = 1000;

    private final TicketService service;
    private final Vertx vertx;

    TicketRoutes(TicketService service, Vertx vertx) {
        this.service = service;
        this.vertx = vertx;
    }

    void mount(Router router) {
        router.get("/tickets/catalogue").handler(ctx -> Replies.json(ctx, 200, TicketJson.catalogue(service.catalogue())));
        router.post("/tickets/orders").handler(BodyHandler.create().setBodyLimit(MAX_BODY)).handler(this::order);
        router.get("/tickets/conflicts").handler(ctx -> Replies.json(ctx, 200, service.redemptions().conflicts(MAX_CONFLICTS), TicketJson::conflicts));
        router.get("/tickets/keys").handler(ctx -> Replies.json(ctx, 200, TicketJson.keyRing(service.keyRing())));
        router.post("/tickets/keys/rotate").handler(ctx -> Replies.json(ctx, 200, () -> service.rotate(SignatureAlgorithm.ofLabel(
                ctx.queryParams().contains("algorithm") ? ctx.queryParams().get("algorithm") : SignatureAlgorithm.ED25519.label())),
                TicketJson::keyRing, e -> ServiceException.invalid("algorithm", "ed25519 or sm2", e.getMessage())));
        router.post("/tickets/keys/:keyId/withdraw").handler(ctx -> Replies.json(ctx, 200, service.withdraw(keyId(ctx)), TicketJson::keyRing));
        router.get("/tickets/deny-list").handler(ctx -> Replies.json(ctx, 200, service.denyList(), TicketJson::denyList));
        router.get("/tickets/:ticketId").handler(ctx -> Replies.json(ctx, 200, service.ticket(ticketId(ctx)), TicketJson::ticket));
        router.get("/tickets/:ticketId/qr.png").handler(ctx -> service.stored(ticketId(ctx))
                .compose(t -> vertx.executeBlocking(() -> QrPng.of(t.qr())))
                .onSuccess(png -> ctx.response().putHeader("Content-Type", "image/png").putHeader("Cache-Control", "no-store").end(Buffer.buffer(png)))
                .onFailure(ctx::fail));
        router.post("/tickets/:ticketId/refund").handler(ctx -> Replies.json(ctx, 200, service.end(ticketId(ctx), "refunded"), TicketJson::ticket));
        router.post("/tickets/:ticketId/revoke").handler(ctx -> Replies.json(ctx, 200, service.end(ticketId(ctx), "revoked"), TicketJson::ticket));
    }

    private void order(RoutingContext ctx) {
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            throw ServiceException.invalid("body", null, "the body is not a JSON object: " + e.getMessage());
        }
        OrderRequest order = OrderRequest.parse(body, service.catalogue(), service.today(), service.now());
        Replies.json(ctx, 201, service.order(order).onSuccess(t -> ctx.response().putHeader("Location", "/api/v1/tickets/" + t.ticket().id())),
                TicketJson::ticket);
    }

    private static long ticketId(RoutingContext ctx) {
        String raw = ctx.pathParam("ticketId");
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ServiceException.notFound("no ticket '" + raw + "'; ticket ids are decimal numbers");
        }
    }

    private static int keyId(RoutingContext ctx) {
        try {
            return Integer.parseInt(ctx.pathParam("keyId"));
        } catch (NumberFormatException e) {
            throw ServiceException.notFound("no key '" + ctx.pathParam("keyId") + "'; key ids are numbers (GET /api/v1/tickets/keys)");
        }
    }
}
