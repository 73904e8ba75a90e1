package cn.taihang.bridge.module;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Who is calling a route, as the host established it before the route's handlers ran: the subject and client of a
 * bearer token and its scopes, or a holder's capability (checked by the route against the resource it names), or
 * nobody (an open route). Routes ask it for what the route decides itself: a second scope
 * ({@code signs:safety-override}), a holder's capability, a note for the audit.
 *
 * @param subject the token's {@code sub}, {@code holder} for a capability, {@code anonymous} on an open route
 * @param client the token's client ({@code client_id} or {@code azp}), or {@code null}
 * @param scopes the token's scopes; empty for holders and anonymous callers
 * @param holderToken the capability presented in the {@value Access#HOLDER_HEADER} header, or {@code null}
 */
public record Caller(String subject, String client, Set<String> scopes, String holderToken) {

    /** Where the host keeps the caller in the routing context. */
    public static final String KEY = "taihang.caller";
    /** Where a route leaves a note for the audit of its call. */
    public static final String AUDIT_NOTE = "taihang.audit.note";

    private static final Caller ANONYMOUS = new Caller("anonymous", null, Set.of(), null);

    /** Copies. */
    public Caller {
        scopes = Set.copyOf(scopes);
    }

    /** @return the caller of this request; anonymous if the host established none */
    public static Caller of(RoutingContext ctx) {
        Caller caller = ctx.get(KEY);
        return caller == null ? ANONYMOUS : caller;
    }

    /** @return whether the caller's token carries the scope */
    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    /** @return whether the caller's token carries one of the access's scopes */
    public boolean hasAnyScope(Access access) {
        return access.scopes().stream().anyMatch(scopes::contains);
    }

    /**
     * @param access the route's access
     * @param storedHash the resource's stored {@link HolderToken#hash()}, or {@code null} if it has none
     * @return whether the caller may act on the resource: a token with one of the access's scopes, or (if the access
     *     lets holders in) the resource's holder token
     */
    public boolean mayAct(Access access, String storedHash) {
        return hasAnyScope(access) || access.holder() && HolderToken.matches(holderToken, storedHash);
    }

    /**
     * Lets the call go on if the caller may act on the resource ({@link #mayAct}); the holder's hash is read only when
     * the caller's scopes do not already allow it.
     *
     * @param storedHash reads the resource's stored holder hash ({@code null} if it has none); fails with the module's
     *     NOT_FOUND for a resource that does not exist
     * @param notFound that same refusal, for a caller who does not hold the resource: the answer to a wrong capability
     *     is the answer to an unknown id, so that it tells nothing about which ids exist
     * @return succeeds if allowed; fails with {@code notFound} otherwise
     */
    public Future<Void> mayActOn(Access access, Supplier<Future<String>> storedHash, Supplier<ServiceException> notFound) {
        if (hasAnyScope(access)) {
            return Future.succeededFuture();
        }
        return storedHash.get().compose(hash -> mayAct(access, hash) ? Future.<Void>succeededFuture() : Future.failedFuture(notFound.get()));
    }

    /** Adds a note to this call's audit entry (e.g. {@code safety override: priority 255}). */
    public static void auditNote(RoutingContext ctx, String note) {
        String before = ctx.get(AUDIT_NOTE);
        ctx.put(AUDIT_NOTE, before == null ? note : before + "; " + note);
    }

    @Override
    public String toString() {
        return "Caller[" + subject + (client == null ? "" : " via " + client) + ", " + scopes + (holderToken == null ? "" : ", holder token") + "]";
    }
}
