package cn.taihang.bridge.http.auth;

import cn.taihang.bridge.audit.AuditLog;
import cn.taihang.bridge.module.Access;
import cn.taihang.bridge.module.Caller;
import cn.taihang.bridge.module.ServiceException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SecurityPolicyHandler;
import java.util.LinkedHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first handler of every route: establishes the {@link Caller} for the route's {@link Access} or refuses — 401 for
 * no or an unbelievable credential, 403 for a token without the scope — and leaves the route and its path parameters
 * for the audit. A security-policy handler to Vert.x Web, so that it runs before a route's body handler: a refused
 * request's body is never read (the check completes at once, so no body bytes arrive before the body handler). Each refusal is logged once (one line) and counted ({@code bridge_http_refusals_total{reason}}).
 */
final class AccessHandler implements SecurityPolicyHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AccessHandler.class);
    private static final String BEARER = "Bearer ";

    private final String route;
    private final Access access;
    private final TokenVerifier tokens;
    private final MeterRegistry meters;

    AccessHandler(String route, Access access, TokenVerifier tokens, MeterRegistry meters) {
        this.route = route;
        this.access = access;
        this.tokens = tokens;
        this.meters = meters;
    }

    @Override
    public void handle(RoutingContext ctx) {
        ctx.put(AuditLog.ROUTE, route);
        ctx.put(AuditLog.TARGET, new LinkedHashMap<>(ctx.pathParams()));
        if (access.isOpen()) {
            ctx.next();
            return;
        }
        try {
            ctx.put(Caller.KEY, caller(ctx));
        } catch (ServiceException refusal) {
            Counter.builder("bridge_http_refusals_total").description("HTTP calls refused for their credential").tag("reason", refusal.reason())
                    .register(meters).increment();
            LOG.info("refused {} ({}) from {}: {} — {}", route, ctx.request().path(), ctx.request().remoteAddress().host(), refusal.reason(),
                    refusal.getMessage());
            ctx.fail(refusal);
            return;
        }
        ctx.next();
    }

    private Caller caller(RoutingContext ctx) {
        String holder = ctx.request().getHeader(Access.HOLDER_HEADER);
        String authorization = ctx.request().getHeader("Authorization");
        if (authorization == null) {
            if (access.holder() && holder != null) {
                return new Caller("holder", null, java.util.Set.of(), holder);
            }
            throw ServiceException.unauthenticated("token-missing", access.holder()
                    ? "present the holder token you were given when it was made (" + Access.HOLDER_HEADER + " header)"
                            + (access.scopes().isEmpty() ? "" : ", or a bearer token with scope " + access.scopeList())
                    : "this needs a bearer token with scope " + access.scopeList() + " (Authorization: Bearer <JWT>)");
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length()) || authorization.length() <= BEARER.length()) {
            throw ServiceException.unauthenticated("token-malformed", "send the token as Authorization: Bearer <JWT>");
        }
        Caller bearer = tokens.verify(authorization.substring(BEARER.length()).trim());
        Caller caller = new Caller(bearer.subject(), bearer.client(), bearer.scopes(), holder);
        ctx.put(Caller.KEY, caller);
        if (!caller.hasAnyScope(access) && !(access.holder() && holder != null)) {
            throw ServiceException.forbidden(access.holder() && access.scopes().isEmpty() ? Access.HOLDER_HEADER : access.scopeList(),
                    access.scopes().isEmpty() ? "only the holder may do this: present the holder token (" + Access.HOLDER_HEADER + " header)"
                            : "the token of " + caller.subject() + " lacks the scope this needs: " + access.scopeList().replace(" ", " or ")
                            + (access.holder() ? " (or the holder token)" : ""));
        }
        return caller;
    }
}
