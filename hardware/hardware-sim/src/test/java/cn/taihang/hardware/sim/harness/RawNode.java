package cn.taihang.hardware.sim.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A gateway played by hand over a plain socket, to say exactly what a test wants the harness to hear. */
final class RawNode implements AutoCloseable {

    private final Socket socket;
    private final Writer out;
    final BufferedReader in;

    RawNode(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(10_000);
        out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }

    RawNode say(String... lines) throws IOException {
        for (String line : lines) {
            out.write(line);
            out.write('\n');
        }
        out.flush();
        return this;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
