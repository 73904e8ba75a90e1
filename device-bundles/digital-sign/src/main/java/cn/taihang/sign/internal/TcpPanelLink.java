package cn.taihang.sign.internal;

import cn.taihang.gateway.api.worker.DaemonThreads;
import cn.taihang.hardware.spi.LineReader;
import cn.taihang.sign.panel.Frame;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** The panel behind a TCP connection (a networked controller); connects on first send and again after a failure. */
final class TcpPanelLink implements PanelLink {

    private static final int CONNECT_TIMEOUT_MILLIS = 1000;

    private final String host;
    private final int port;
    private final Consumer<String> received;
    private Socket socket;
    private OutputStream out;
    private volatile boolean closed;

    TcpPanelLink(String host, int port, Consumer<String> received) {
        this.host = host;
        this.port = port;
        this.received = received;
    }

    @Override
    public synchronized void send(String line) throws PanelException {
        if (closed) {
            throw new PanelException("link closed", false);
        }
        try {
            if (socket == null) {
                connect();
            }
            out.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            disconnect();
            throw new PanelException("cannot reach the panel controller at " + host + ":" + port + " (" + e.getMessage()
                    + "); check its power and network cable", true);
        }
    }

    private void connect() throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            s.close();
            throw e;
        }
        socket = s;
        out = s.getOutputStream();
        DaemonThreads.start("sign-tcp-" + host + ":" + port, () -> read(s));
    }

    private void read(Socket s) {
        try {
            LineReader reader = new LineReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII), Frame.MAX_LINE);
            for (String line = reader.readLine(length -> { }); line != null; line = reader.readLine(length -> { })) {
                received.accept(line);
            }
        } catch (IOException e) {
            // the connection ended; the next send reconnects
        } finally {
            synchronized (this) {
                if (socket == s) {
                    disconnect();
                }
            }
        }
    }

    private void disconnect() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        socket = null;
        out = null;
    }

    @Override
    public String describe() {
        return "tcp " + host + ":" + port;
    }

    @Override
    public synchronized void close() {
        closed = true;
        disconnect();
    }
}
