package cn.taihang.bridge.tickets;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The ticket service's HTTP routes under {@code /api/v1/tickets}, as the OpenAPI document describes them. */
final class TicketRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(TicketRoutes.class);
    private static final String JSON = "application/json";
    private static final String PROBLEM = "application/problem+json";
    private static final int MAX_BODY = 16 * 1024;
    private static final int MAX_CONFLICTS = 1000;

    private final TicketService service;
    private final Vertx vertx;

    TicketRoutes(TicketService service, Vertx vertx) {
        this.service = service;
        this.vertx = vertx;
    }

    void mount(Router router) {
        router.get("/tickets/catalogue").handler(ctx -> json(ctx, 200, TicketJson.catalogue(service.catalogue())));
        router.post("/tickets/orders").handler(BodyHandler.create().setBodyLimit(MAX_BODY)).handler(this::order);
        router.get("/tickets/conflicts").handler(ctx -> answer(ctx, service.redemptions().conflicts(MAX_CONFLICTS).map(c -> new JsonObject().put("items", c))));
        router.get("/tickets/keys").handler(ctx -> json(ctx, 200, TicketJson.keyRing(service.keyRing())));
        router.post("/tickets/keys/rotate").handler(ctx -> answer(ctx, service.rotate().map(TicketJson::keyRing)));
        router.post("/tickets/keys/:keyId/withdraw").handler(ctx -> {
            Integer id = keyId(ctx);
            if (id != null) {
                answer(ctx, service.withdraw(id).map(TicketJson::keyRing));
            }
        });
        router.get("/tickets/deny-list").handler(ctx -> answer(ctx, service.denyList().map(TicketJson::denyList)));
        router.get("/tickets/:ticketId").handler(ctx -> withTicket(ctx, id -> answer(ctx, service.ticket(id))));
        router.get("/tickets/:ticketId/qr.png").handler(ctx -> withTicket(ctx, id -> service.stored(id)
                .compose(t -> vertx.executeBlocking(() -> QrPng.of(t.qr())))
                .onSuccess(png -> ctx.response().putHeader("Content-Type", "image/png").putHeader("Cache-Control", "no-store").end(Buffer.buffer(png)))
                .onFailure(e -> fail(ctx, e))));
        router.post("/tickets/:ticketId/refund").handler(ctx -> withTicket(ctx, id -> answer(ctx, service.end(id, "refunded"))));
        router.post("/tickets/:ticketId/revoke").handler(ctx -> withTicket(ctx, id -> answer(ctx, service.end(id, "revoked"))));
    }

    private void order(RoutingContext ctx) {
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            problem(ctx, TicketProblem.badRequest("body", "the body is not a JSON object: " + e.getMessage()));
            return;
        }
        service.order(body).onSuccess(t -> ctx.response().setStatusCode(201).putHeader("Location", "/api/v1/tickets/" + t.id())
                .putHeader("Content-Type", JSON).end(TicketJson.ticket(t, null).encode())).onFailure(e -> fail(ctx, e));
    }

    private interface TicketAction {
        void run(long id);
    }

    private void withTicket(RoutingContext ctx, TicketAction action) {
        String raw = ctx.pathParam("ticketId");
        long id;
        try {
            id = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            problem(ctx, TicketProblem.notFound("no ticket '" + raw + "'; ticket ids are decimal numbers"));
            return;
        }
        action.run(id);
    }

    private Integer keyId(RoutingContext ctx) {
        try {
            return Integer.parseInt(ctx.pathParam("keyId"));
        } catch (NumberFormatException e) {
            problem(ctx, TicketProblem.notFound("no key '" + ctx.pathParam("keyId") + "'; key ids are numbers (GET /api/v1/tickets/keys)"));
            return null;
        }
    }

    private void answer(RoutingContext ctx, Future<JsonObject> result) {
        result.onSuccess(doc -> json(ctx, 200, doc)).onFailure(e -> fail(ctx, e));
    }

    private static void json(RoutingContext ctx, int status, JsonObject doc) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", JSON).end(doc.encode());
    }

    private static void fail(RoutingContext ctx, Throwable e) {
        if (e instanceof TicketProblem p) {
            problem(ctx, p);
        } else {
            LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), e);
            send(ctx, new JsonObject().put("type", "about:blank").put("title", "Internal Server Error").put("status", 500)
                    .put("detail", "the ticket service failed to answer; see the bridge's log"));
        }
    }

    private static void problem(RoutingContext ctx, TicketProblem p) {
        String title = switch (p.status()) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            default -> "Conflict";
        };
        JsonObject doc = new JsonObject().put("type", "about:blank").put("title", title).put("status", p.status()).put("detail", p.getMessage());
        if (p.parameter() != null) {
            doc.put("parameter", p.parameter());
        }
        send(ctx, doc);
    }

    private static void send(RoutingContext ctx, JsonObject problem) {
        if (!ctx.response().ended()) {
            ctx.response().setStatusCode(problem.getInteger("status")).putHeader("Content-Type", PROBLEM).end(problem.encode());
        }
    }
}
