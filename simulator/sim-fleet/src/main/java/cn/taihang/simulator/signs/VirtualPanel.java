package cn.taihang.simulator.signs;

import cn.taihang.gateway.api.worker.DaemonThreads;
import cn.taihang.hardware.sim.harness.VirtualBoard;
import cn.taihang.sign.rendering.Bitmap;
import cn.taihang.sign.rendering.ColourScheme;
import cn.taihang.sign.rendering.PngEncoder;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A virtual LED panel controller: the protocol's {@link PanelEmulator} (TPP/1, see {@code cn.taihang.sign.panel}) on a
 * gateway's simulated serial port or on a loopback TCP socket, with deterministic line faults either way, a
 * photocell that follows the sun of Jincheng, and a PNG of what its LEDs show written whenever that changes.
 */
public final class VirtualPanel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VirtualPanel.class);
    private static final ZoneId JINCHENG = ZoneId.of("Asia/Shanghai");

    private final String id;
    private final PanelEmulator emulator;
    private final LineFaults toPanel;
    private final LineFaults toDriver;
    private final Clock clock;
    private final Path imageFile;
    private final Consumer<Runnable> writer;
    private long drawnCrc = -1;
    private ServerSocket server;
    private Runnable detach = () -> { };

    private VirtualPanel(String id, PanelEmulator emulator, LineFaults toPanel, LineFaults toDriver, Clock clock, Path imageFile,
                         Consumer<Runnable> writer) {
        this.id = id;
        this.emulator = emulator;
        this.toPanel = toPanel;
        this.toDriver = toDriver;
        this.clock = clock;
        this.imageFile = imageFile;
        this.writer = writer;
    }

    /**
     * A panel on a gateway's simulated serial port.
     *
     * @param imageFile where the picture of its LEDs goes, or {@code null}
     * @param writer runs the picture writes off the harness thread
     */
    public static VirtualPanel onSerial(String id, int width, int height, ColourScheme scheme, VirtualBoard board, String port,
                                        LineFaults toPanel, LineFaults toDriver, Clock clock, Path imageFile, Consumer<Runnable> writer) {
        VirtualPanel panel = new VirtualPanel(id, new PanelEmulator(width, height, scheme, 8, "taihang-virtual-panel 1.0"), toPanel, toDriver,
                clock, imageFile, writer);
        VirtualBoard.TxListener listener = (txPort, text) -> {
            if (txPort.equals(port)) {
                String reply = panel.receive(text);
                if (reply != null) {
                    board.sendLine(port, reply);
                }
            }
        };
        board.addTxListener(listener);
        panel.detach = () -> board.removeTxListener(listener);
        return panel;
    }

    /** A panel controller listening on 127.0.0.1 (a free port, see {@link #port()}); one driver at a time. */
    public static VirtualPanel onTcp(String id, int width, int height, ColourScheme scheme, LineFaults toPanel, LineFaults toDriver, Clock clock,
                                     Path imageFile, Consumer<Runnable> writer) throws IOException {
        VirtualPanel panel = new VirtualPanel(id, new PanelEmulator(width, height, scheme, 8, "taihang-virtual-panel 1.0"), toPanel, toDriver,
                clock, imageFile, writer);
        panel.server = new ServerSocket();
        panel.server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        DaemonThreads.start("virtual-panel-" + id, panel::serve);
        return panel;
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.setTcpNoDelay(true);
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = s.getOutputStream();
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String reply = receive(line);
                    if (reply != null) {
                        out.write((reply + "\n").getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // the driver went away; wait for the next
            }
        }
    }

    /** @return the reply line after faults, or {@code null} */
    String receive(String line) {
        String arrived = toPanel.pass(line);
        if (arrived == null) {
            return null;
        }
        long now = clock.millis();
        emulator.ambientLux(ambientLux(now));
        String reply = emulator.onLine(arrived, now);
        if (emulator.shownCrc() != drawnCrc) {
            drawnCrc = emulator.shownCrc();
            List<Bitmap> pages = emulator.shownPages();
            if (imageFile != null) {
                writer.accept(() -> draw(pages));
            }
        }
        return reply == null ? null : toDriver.pass(reply);
    }

    private void draw(List<Bitmap> pages) {
        Bitmap image = pages.isEmpty() ? Bitmap.blank(emulator.info().width(), emulator.info().height()) : Bitmap.stack(pages);
        try {
            Files.createDirectories(imageFile.getParent());
            Path tmp = imageFile.resolveSibling(imageFile.getFileName() + ".tmp");
            Files.write(tmp, new PngEncoder().encode(image));
            Files.move(tmp, imageFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("cannot write the picture of panel {} to {}: {}", id, imageFile, e.toString());
        }
    }

    /** Daylight on the panel's photocell: 5 lx at night, up to 30 000 lx at noon, by the hour in Jincheng. */
    static long ambientLux(long epochMillis) {
        double hour = java.time.Instant.ofEpochMilli(epochMillis).atZone(JINCHENG).toLocalTime().toSecondOfDay() / 3600.0;
        if (hour < 6 || hour > 19) {
            return 5;
        }
        return Math.round(5 + 30_000 * Math.sin(Math.PI * (hour - 6) / 13));
    }

    /** @return the sign id */
    public String id() {
        return id;
    }

    /** @return the controller (what it shows, power cycles, faults to set) */
    public PanelEmulator emulator() {
        return emulator;
    }

    /** @return the TCP port of a TCP panel */
    public int port() {
        return server.getLocalPort();
    }

    /** @return lines dropped and corrupted on the way to the panel, then on the way back */
    public long[] faults() {
        long[] in = toPanel.counts();
        long[] out = toDriver.counts();
        return new long[] {in[1], in[2], out[1], out[2]};
    }

    @Override
    public void close() {
        detach.run();
        if (server != null) {
            try {
                server.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
