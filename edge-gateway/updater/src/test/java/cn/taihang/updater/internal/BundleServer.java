package cn.taihang.updater.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * A release server on 127.0.0.1 (the JDK's HTTP server, plain or TLS) that serves manifests and bundles with Range
 * support like the bridge, and misbehaves on request: cuts a body after some bytes, or claims a shorter file.
 */
final class BundleServer implements AutoCloseable {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    private final HttpServer server;
    final Map<String, byte[]> bundles = new ConcurrentHashMap<>();
    final Map<String, byte[]> manifests = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    /** The {@code Authorization} header of each request ("-" without one). */
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    /** Bytes sent per response before the connection is dropped, 0 = all. */
    volatile int cutAfter;
    /** How many responses to cut. */
    volatile int cuts;

    private BundleServer(HttpServer server) {
        this.server = server;
        server.createContext("/api/v1/releases/", this::serve);
        server.start();
    }

    static BundleServer plain() throws IOException {
        return new BundleServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    }

    static BundleServer tls(SSLContext context) throws IOException {
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(context));
        return new BundleServer(https);
    }

    String url() {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort();
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String range = exchange.getRequestHeaders().getFirst("Range");
        requests.add(path + (range == null ? "" : " " + range) + " by " + exchange.getRequestHeaders().getFirst(ReleaseServer.GATEWAY_HEADER));
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        authorizations.add(authorization == null ? "-" : authorization);
        try (exchange) {
            if (path.endsWith("/manifest")) {
                byte[] manifest = manifests.get(path.split("/")[4]);
                send(exchange, manifest == null ? 404 : 200, manifest == null ? new byte[0] : manifest, 0, null);
                return;
            }
            byte[] body = bundles.get(path.substring(path.lastIndexOf('/') + 1));
            if (body == null) {
                send(exchange, 404, new byte[0], 0, null);
                return;
            }
            Matcher m = range == null ? null : RANGE.matcher(range);
            long from = m != null && m.matches() ? Long.parseLong(m.group(1)) : 0;
            if (from >= body.length) {
                exchange.getResponseHeaders().add("Content-Range", "bytes */" + body.length);
                send(exchange, 416, new byte[0], 0, null);
                return;
            }
            if (from > 0) {
                exchange.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
            }
            send(exchange, from > 0 ? 206 : 200, body, (int) from, cuts > 0 ? cutAfter : 0);
        }
    }

    private void send(HttpExchange exchange, int status, byte[] body, int from, Integer cut) throws IOException {
        int length = body.length - from;
        exchange.sendResponseHeaders(status, length == 0 ? -1 : length);
        if (length == 0) {
            return;
        }
        OutputStream out = exchange.getResponseBody();
        if (cut != null && cut > 0 && cut < length) {
            cuts--;
            out.write(body, from, cut);
            out.flush();
            exchange.close();
            throw new IOException("cut on purpose after " + cut + " bytes");
        }
        out.write(body, from, length);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
