package cn.taihang.simulator.faults;

import cn.taihang.gateway.api.worker.DaemonThreads;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on 127.0.0.1 in front of the broker (or the bridge's HTTPS) that plays a gateway's uplink: it counts the
 * bytes each way (what a metered 5G link would bill), can cap the rate each way (a weak cell), and can be cut (every
 * connection dropped, new ones refused after the TCP handshake, as when the modem loses its carrier) and restored.
 */
public final class CountingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong upstream = new AtomicLong();
    private final AtomicLong downstream = new AtomicLong();
    private final Thread acceptor;
    private final long bytesPerSecond;
    private volatile boolean cut;
    private volatile boolean closed;

    /**
     * @param targetHost broker host
     * @param targetPort broker port
     */
    public CountingProxy(String targetHost, int targetPort) throws IOException {
        this(targetHost, targetPort, 0);
    }

    /**
     * @param targetHost target host
     * @param targetPort target port
     * @param bytesPerSecond the most bytes per second each connection carries each way, 0 for no cap
     */
    public CountingProxy(String targetHost, int targetPort, long bytesPerSecond) throws IOException {
        this.bytesPerSecond = bytesPerSecond;
        this.target = new InetSocketAddress(targetHost, targetPort);
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        this.acceptor = DaemonThreads.start("proxy-accept-" + server.getLocalPort(), this::accept);
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                if (cut) {
                    client.close();
                    continue;
                }
                Socket broker = new Socket();
                broker.connect(target, 5000);
                client.setTcpNoDelay(true);
                broker.setTcpNoDelay(true);
                open.add(client);
                open.add(broker);
                pump(client, broker, upstream);
                pump(broker, client, downstream);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to, AtomicLong counter) {
        DaemonThreads.start("proxy-pump", () -> {
            byte[] buffer = new byte[bytesPerSecond > 0 ? (int) Math.max(1024, Math.min(64 * 1024, bytesPerSecond / 20)) : 64 * 1024];
            long start = System.nanoTime();
            long carried = 0;
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    counter.addAndGet(n);
                    carried += n;
                    pace(start, carried);
                }
            } catch (IOException e) {
                // the other side closed, or the link was cut
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        });
    }

    /** Holds the pump back until {@code carried} bytes are due at the capped rate (the link's speed, not a wait for an event). */
    private void pace(long startNanos, long carried) throws IOException {
        if (bytesPerSecond <= 0) {
            return;
        }
        long aheadNanos = carried * 1_000_000_000L / bytesPerSecond - (System.nanoTime() - startNanos);
        if (aheadNanos > 0) {
            try {
                Thread.sleep(aheadNanos / 1_000_000, (int) (aheadNanos % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    /** Drops every connection and refuses new ones until {@link #restore()}. */
    public void cut() {
        cut = true;
        open.forEach(CountingProxy::closeQuietly);
        open.clear();
    }

    /** Lets connections through again. */
    public void restore() {
        cut = false;
    }

    /** @return {@code ssl://127.0.0.1:<port>} for the uplink (TLS end to end: the proxy only counts and cuts bytes) */
    public String url() {
        return "ssl://127.0.0.1:" + server.getLocalPort();
    }

    /** @return {@code https://127.0.0.1:<port>} for a client of the bridge's HTTPS API (TLS end to end) */
    public String httpsUrl() {
        return "https://127.0.0.1:" + server.getLocalPort();
    }

    /** @return bytes sent by the gateway side so far */
    public long upstreamBytes() {
        return upstream.get();
    }

    /** @return bytes sent to the gateway side so far */
    public long downstreamBytes() {
        return downstream.get();
    }

    @Override
    public void close() {
        closed = true;
        cut();
        closeQuietly(server);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
