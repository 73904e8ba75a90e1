package cn.taihang.bridge.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import cn.taihang.identity.TlsContext;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.KeyCertOptions;
import java.util.LinkedHashSet;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.function.Function;

/**
 * Serves the API router on one port, over TLS only (1.3 and 1.2, the identity's AEAD suites) with the bridge instance's
 * certificate; there is no plain HTTP listener, and a plain request to the port gets no answer (no redirect that would
 * invite tokens over plain HTTP).
 */
public final class HttpVerticle extends VerticleBase {

    private final Function<io.vertx.core.Vertx, Router> routes;
    private final String host;
    private final int requestedPort;
    private final TlsContext tls;
    private volatile HttpServer server;
    private volatile List<String> served = List.of();

    /**
     * @param routes makes the router
     * @param host address to bind
     * @param port port to bind, 0 = a free port
     * @param tls the bridge instance's server TLS context
     */
    public HttpVerticle(Function<io.vertx.core.Vertx, Router> routes, String host, int port, TlsContext tls) {
        this.tls = tls;
        this.routes = routes;
        this.host = host;
        this.requestedPort = port;
    }

    @Override
    public Future<?> start() {
        Router router = routes.apply(vertx);
        served = describe(router, "");
        HttpServerOptions options = new HttpServerOptions().setSsl(true).setKeyCertOptions(KeyCertOptions.wrap(tls.keyManagerFactory()))
                .setEnabledSecureTransportProtocols(new LinkedHashSet<>(tls.protocols()));
        tls.cipherSuites().forEach(options::addEnabledCipherSuite);
        return vertx.createHttpServer(options).requestHandler(router).listen(requestedPort, host)
                .onSuccess(s -> server = s)
                .recover(err -> Future.failedFuture(new IllegalStateException("HTTP API could not listen on " + host + ":" + requestedPort
                        + " (is the port in use? pick another with --http-port, or 0 for a free one)", err)));
    }

    /** Lists routes as {@code "GET /path/{param}"}, descending into sub-routers (the modules'). */
    private static List<String> describe(Router router, String prefix) {
        List<String> found = new java.util.ArrayList<>();
        for (io.vertx.ext.web.Route r : router.getRoutes()) {
            if (r.getPath() == null) {
                continue;
            }
            String path = prefix + r.getPath().replaceAll(":([A-Za-z0-9_]+)", "{$1}");
            Router sub = r.getSubRouter();
            if (sub != null) {
                found.addAll(describe(sub, path.endsWith("/") ? path.substring(0, path.length() - 1) : path));
            } else if (r.methods() == null || r.methods().isEmpty()) {
                found.add("ANY " + path);
            } else {
                r.methods().forEach(m -> found.add(m.name() + " " + path));
            }
        }
        return found;
    }

    @Override
    public Future<?> stop() {
        HttpServer s = server;
        return s == null ? Future.succeededFuture() : s.close();
    }

    /** @return the bound port; valid once deployed */
    public int port() {
        return server.actualPort();
    }

    /** @return the routes served, as {@code "GET /path"} */
    public List<String> routes() {
        return served;
    }
}
