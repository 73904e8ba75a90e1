package cn.taihang.bridge.tickets;

import cn.taihang.bridge.http.Replies;
import cn.taihang.bridge.module.Access;
import cn.taihang.bridge.module.ApiRoutes;
import cn.taihang.bridge.module.Caller;
import cn.taihang.bridge.module.Scopes;
import cn.taihang.bridge.module.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
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
    private static final Access ADMIN = Access.scopes(Scopes.TICKETS_ADMIN);
    private static final Access READ = Access.scopes(Scopes.TICKETS_ADMIN, Scopes.TELEMETRY_READ);
    private static final Access HOLDER = Access.holderOr();
    private static final Access REFUND = Access.holderOr(Scopes.TICKETS_SELL);

    private final TicketService service;
    private final Vertx vertx;

    TicketRoutes(TicketService service, Vertx vertx) {
        this.service = service;
        this.vertx = vertx;
    }

    void mount(ApiRoutes routes) {
        routes.get("/tickets/catalogue", Access.open()).handler(ctx -> Replies.json(ctx, 200, TicketJson.catalogue(service.catalogue())));
        routes.post("/tickets/orders", Access.scopes(Scopes.TICKETS_SELL)).handler(BodyHandler.create().setBodyLimit(MAX_BODY)).handler(this::order);
        routes.get("/tickets/conflicts", READ).handler(ctx -> Replies.json(ctx, 200, service.redemptions().conflicts(MAX_CONFLICTS), TicketJson::conflicts));
        routes.get("/tickets/keys", READ).handler(ctx -> Replies.json(ctx, 200, TicketJson.keyRing(service.keyRing())));
        routes.post("/tickets/keys/rotate", ADMIN).handler(ctx -> Replies.json(ctx, 200, service.rotate(), TicketJson::keyRing));
        routes.post("/tickets/keys/:keyId/withdraw", ADMIN).handler(ctx -> Replies.json(ctx, 200, service.withdraw(keyId(ctx)), TicketJson::keyRing));
        routes.get("/tickets/deny-list", READ).handler(ctx -> Replies.json(ctx, 200, service.denyList(), TicketJson::denyList));
        routes.get("/tickets/:ticketId", HOLDER).handler(ctx -> Replies.json(ctx, 200, held(ctx, HOLDER).compose(service::ticket), TicketJson::ticket));
        routes.get("/tickets/:ticketId/qr.png", HOLDER).handler(ctx -> held(ctx, HOLDER).compose(service::stored)
                .compose(t -> vertx.executeBlocking(() -> QrPng.of(t.qr())))
                .onSuccess(png -> ctx.response().putHeader("Content-Type", "image/png").putHeader("Cache-Control", "no-store").end(Buffer.buffer(png)))
                .onFailure(ctx::fail));
        routes.post("/tickets/:ticketId/refund", REFUND).handler(ctx -> Replies.json(ctx, 200,
                held(ctx, REFUND).compose(id -> service.end(id, "refunded")), TicketJson::ticket));
        routes.post("/tickets/:ticketId/revoke", ADMIN).handler(ctx -> Replies.json(ctx, 200, service.end(ticketId(ctx), "revoked"), TicketJson::ticket));
    }

    /** @return the path's ticket id once the caller may act on it: a scope of the access, or the ticket's holder token */
    private Future<Long> held(RoutingContext ctx, Access access) {
        long id = ticketId(ctx);
        return Caller.of(ctx).mayActOn(access, () -> service.holderHash(id), TicketStore::noSuchTicket).map(id);
    }

    private void order(RoutingContext ctx) {
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            throw ServiceException.invalid("body", null, "the body is not a JSON object: " + e.getMessage());
        }
        OrderRequest order = OrderRequest.parse(body, service.catalogue(), service.today(), service.now());
        Replies.json(ctx, 201, service.order(order).onSuccess(t -> ctx.response().putHeader("Location", "/api/v1/tickets/" + t.detail().ticket().id())),
                t -> TicketJson.ticket(t.detail()).put("holderToken", t.holderToken()));
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
