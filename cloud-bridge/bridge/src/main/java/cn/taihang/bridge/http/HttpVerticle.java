package cn.taihang.bridge.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.function.Function;

/** Serves the API router on one port. */
public final class HttpVerticle extends VerticleBase {

    private final Function<io.vertx.core.Vertx, Router> routes;
    private final String host;
    private final int requestedPort;
    private volatile HttpServer server;
    private volatile List<String> served = List.of();

    /**
     * @param routes makes the router
     * @param host address to bind
     * @param port port to bind, 0 = a free port
     */
    public HttpVerticle(Function<io.vertx.core.Vertx, Router> routes, String host, int port) {
        this.routes = routes;
        this.host = host;
        this.requestedPort = port;
    }

    @Override
    public Future<?> start() {
        Router router = routes.apply(vertx);
        served = router.getRoutes().stream().filter(r -> r.getPath() != null)
                .flatMap(r -> r.methods() == null || r.methods().isEmpty()
                        ? java.util.stream.Stream.of("ANY " + r.getPath())
                        : r.methods().stream().map(m -> m.name() + " " + r.getPath()))
                .toList();
        return vertx.createHttpServer().requestHandler(router).listen(requestedPort, host)
                .onSuccess(s -> server = s)
                .recover(err -> Future.failedFuture(new IllegalStateException("HTTP API could not listen on " + host + ":" + requestedPort
                        + " (is the port in use? pick another with --http-port, or 0 for a free one)", err)));
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
