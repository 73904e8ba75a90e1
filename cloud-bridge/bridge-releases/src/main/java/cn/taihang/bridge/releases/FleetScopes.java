package cn.taihang.bridge.releases;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;

/**
 * The scopes the fleet routes need — the one place in code that says so; the module's OpenAPI part declares the same per
 * operation ({@code security: [{bearer: [scope]}]}). Every route is mounted through {@link #route}, which puts its scope
 * in the route's metadata under {@value #METADATA_KEY}, so the bridge's authentication step can enforce it for every
 * route without this module's code changing (e.g. by reading {@code router.getRoutes()} and putting a check in front).
 */
public final class FleetScopes {

    /** Route metadata key holding the scope a route needs. */
    public static final String METADATA_KEY = "taihang.scope";
    /** Upload releases, create and steer rollouts, push configuration, set site kinds. */
    public static final String ADMIN = "fleet:admin";
    /** Read releases, rollouts, configurations and drift. */
    public static final String READ = "fleet:read";
    /** Fetch manifests and bundles: gateways (by their client certificate once the bridge serves HTTPS). */
    public static final String GATEWAY = "fleet:gateway";

    private FleetScopes() {
    }

    /** @return a route of {@code router} that needs {@code scope} */
    static Route route(Router router, HttpMethod method, String path, String scope) {
        return router.route(method, path).putMetadata(METADATA_KEY, scope);
    }
}
