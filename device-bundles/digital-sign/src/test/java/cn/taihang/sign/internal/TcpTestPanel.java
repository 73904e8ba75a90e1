package cn.taihang.sign.internal;

import cn.taihang.gateway.api.worker.DaemonThreads;
import cn.taihang.sign.panel.LineFaults;
import cn.taihang.sign.panel.PanelEmulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A panel controller on 127.0.0.1 (port 0): the emulator behind a real socket, with deterministic faults each way. */
final class TcpTestPanel implements AutoCloseable {

    final PanelEmulator emulator;
    final LineFaults toPanel;
    final LineFaults toDriver;
    private final ServerSocket server;
    private volatile boolean silent;
    private volatile Socket client;

    TcpTestPanel(PanelEmulator emulator, LineFaults toPanel, LineFaults toDriver) throws IOException {
        this.emulator = emulator;
        this.toPanel = toPanel;
        this.toDriver = toDriver;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        DaemonThreads.start("test-panel", this::serve);
    }

    int port() {
        return server.getLocalPort();
    }

    /** The controller stops answering (power off) or starts again. */
    void silent(boolean silent) {
        this.silent = silent;
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                client = s;
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = s.getOutputStream();
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String arrived = toPanel.pass(line);
                    if (arrived == null || silent) {
                        continue;
                    }
                    String reply = emulator.onLine(arrived, System.currentTimeMillis());
                    String delivered = reply == null ? null : toDriver.pass(reply);
                    if (delivered != null) {
                        out.write((delivered + "\n").getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // next connection
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        Socket s = client;
        if (s != null) {
            s.close();
        }
    }
}
