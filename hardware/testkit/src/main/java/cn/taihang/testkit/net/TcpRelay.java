package cn.taihang.testkit.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on 127.0.0.1 to a port of 127.0.0.1, bytes unchanged (TLS passes end to end): the test can cut every
 * relayed connection at once, as a failing network would, and can make the connections come from another loopback
 * address (e.g. 127.0.0.66), so that the server sees a second machine.
 */
public final class TcpRelay implements AutoCloseable {

    private final ServerSocket listener;
    private final InetAddress source;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    /** Relays to {@code targetPort} from 127.0.0.1. */
    public TcpRelay(int targetPort) throws IOException {
        this(InetAddress.getLoopbackAddress(), targetPort);
    }

    /** @param source the local address relayed connections come from, e.g. {@code InetAddress.getByName("127.0.0.66")} */
    public TcpRelay(InetAddress source, int targetPort) throws IOException {
        this.source = source;
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon("tcp-relay-accept", this::accept);
    }

    /** @return the port to connect to */
    public int port() {
        return listener.getLocalPort();
    }

    /** @return {@code tcp://127.0.0.1:<port>} */
    public String url() {
        return "tcp://127.0.0.1:" + port();
    }

    /** Closes every relayed connection on both sides; new connections are still relayed. */
    public void cutAll() {
        sockets.forEach(TcpRelay::close);
        sockets.clear();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket upstream = new Socket();
                upstream.bind(new InetSocketAddress(source, 0));
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                // listener closed or upstream refused: the client sees its connection closed
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        daemon("tcp-relay-pump", () -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // cut
            } finally {
                close(from);
                close(to);
            }
        });
    }

    private static void daemon(String name, Runnable task) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        cutAll();
    }
}
