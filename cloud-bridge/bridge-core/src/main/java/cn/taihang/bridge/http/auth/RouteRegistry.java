package cn.taihang.bridge.http.auth;

import cn.taihang.bridge.module.Access;
import cn.taihang.bridge.module.ApiRoutes;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Registers routes on a router with their {@link Access}, putting the {@link AccessHandler} first, and remembers who
 * may call each route (as {@code "GET /api/v1/path/{param}"}) for the contract test that compares it with the OpenAPI
 * document. Not thread-safe: routes are registered while the bridge starts.
 */
public final class RouteRegistry implements ApiRoutes {

    private final Router router;
    private final String prefix;
    private final TokenVerifier tokens;
    private final MeterRegistry meters;
    private final Map<String, Access> registered;

    /**
     * @param router where the routes go
     * @param prefix where the router is mounted, e.g. {@code /api/v1} for the modules' sub-router, {@code ""} for the root
     * @param registered the shared record of every route's access (the root's and the modules')
     */
    public RouteRegistry(Router router, String prefix, TokenVerifier tokens, MeterRegistry meters, Map<String, Access> registered) {
        this.router = router;
        this.prefix = prefix;
        this.tokens = tokens;
        this.meters = meters;
        this.registered = registered;
    }

    /** @return an empty record of routes for {@link #RouteRegistry} */
    public static Map<String, Access> newRecord() {
        return new TreeMap<>();
    }

    @Override
    public Route get(String path, Access access) {
        return add(HttpMethod.GET, path, access);
    }

    @Override
    public Route post(String path, Access access) {
        return add(HttpMethod.POST, path, access);
    }

    @Override
    public Route put(String path, Access access) {
        return add(HttpMethod.PUT, path, access);
    }

    @Override
    public Route delete(String path, Access access) {
        return add(HttpMethod.DELETE, path, access);
    }

    private Route add(HttpMethod method, String path, Access access) {
        Objects.requireNonNull(access, "say who may call " + method + " " + path + ": Access.open(), Access.scopes(...) or Access.holderOr(...)");
        String route = method.name() + " " + prefix + path.replaceAll(":([A-Za-z0-9_]+)", "{$1}");
        if (registered.putIfAbsent(route, access) != null) {
            throw new IllegalStateException(route + " is registered twice");
        }
        return router.route(method, path).handler(new AccessHandler(route, access, tokens, meters));
    }
}
