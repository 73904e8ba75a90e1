package cn.taihang.hardware.pi4j.internal;

import cn.taihang.hardware.api.HardwareException;
import cn.taihang.hardware.api.LineListener;
import cn.taihang.hardware.api.SerialLine;
import cn.taihang.hardware.api.SerialSpec;
import cn.taihang.hardware.spi.DaemonThreads;
import cn.taihang.hardware.spi.LineReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open tty: a reader thread cuts it into lines (UTF-8, LF or CR LF) and stamps each when its
 * terminator has been read. The device is opened twice: read-write for the reader (so opening never
 * blocks, even on a FIFO; closing that channel wakes the reader) and write-only for
 * {@link #writeLine}, because one FileChannel serialises reads and writes on a single lock and a
 * blocked read would hold every write. If the device goes away the reader reopens it every second
 * until it is back or the line is closed.
 */
final class TtyLine implements SerialLine {

    private static final Logger LOG = LoggerFactory.getLogger(TtyLine.class);
    private static final long REOPEN_MILLIS = 1_000;

    private final Path device;
    private final SerialSpec spec;
    private final LineListener listener;
    private final String stty;
    private final Consumer<TtyLine> onClose;
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile FileChannel reading;
    private volatile FileChannel writing;
    private volatile boolean closed;
    private long listenerFailures;

    TtyLine(Path device, SerialSpec spec, LineListener listener, String stty, Consumer<TtyLine> onClose) {
        this.device = device;
        this.spec = spec;
        this.listener = listener;
        this.stty = stty;
        this.onClose = onClose;
    }

    Path device() {
        return device;
    }

    SerialSpec spec() {
        return spec;
    }

    void start() throws IOException {
        openDevice();
        DaemonThreads.start("tty-" + device.getFileName(), this::readLoop);
    }

    private void openDevice() throws IOException {
        configure();
        FileChannel in = FileChannel.open(device, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            writing = FileChannel.open(device, StandardOpenOption.WRITE);
        } catch (IOException e) {
            closeChannel(in);
            throw e;
        }
        reading = in;
    }

    private void configure() {
        if (stty.isEmpty()) {
            return;
        }
        try {
            Process process = new ProcessBuilder(stty, "-F", device.toString(), String.valueOf(spec.baud()), "raw", "-echo")
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(5, TimeUnit.SECONDS) || process.exitValue() != 0) {
                LOG.warn("could not set {} to {} baud, raw ({}); reading it as it is", device, spec.baud(), output);
            }
        } catch (IOException e) {
            LOG.warn("could not run '{}' to set {} to {} baud ({}); reading it as it is", stty, device, spec.baud(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readLoop() {
        boolean reportedGone = false;
        while (!closed) {
            try {
                FileChannel current = reading;
                if (current == null) {
                    openDevice();
                    current = reading;
                    LOG.info("serial device {} ({}) is back", device, spec.owner());
                    reportedGone = false;
                }
                if (current != null) {
                    readLines(current);
                }
            } catch (IOException e) {
                if (!closed && !reportedGone) {
                    LOG.warn("serial device {} ({}) is gone ({}); reopening it every second", device, spec.owner(), e.toString());
                    reportedGone = true;
                }
            }
            closeDevice();
            try {
                closing.await(REOPEN_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void readLines(FileChannel current) throws IOException {
        LineReader reader = new LineReader(new InputStreamReader(Channels.newInputStream(current), StandardCharsets.UTF_8),
                spec.maxLineLength());
        for (String line = reader.readLine(this::overflow); line != null; line = reader.readLine(this::overflow)) {
            Instant now = Instant.now();
            deliver(line, now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000);
        }
        throw new IOException("end of stream");
    }

    private void deliver(String line, long micros) {
        try {
            listener.onLine(line, micros);
        } catch (RuntimeException e) {
            listenerFailed(e);
        }
    }

    private void overflow(int length) {
        try {
            listener.onOverflow(length);
        } catch (RuntimeException e) {
            listenerFailed(e);
        }
    }

    private void listenerFailed(RuntimeException e) {
        if (listenerFailures++ == 0) {
            LOG.warn("the line listener of {} ({}) failed; the line is dropped for it (logged once per port)", device,
                    spec.owner(), e);
        }
    }

    @Override
    public String port() {
        return spec.port();
    }

    @Override
    public void writeLine(String line) throws HardwareException {
        if (closed) {
            throw new IllegalStateException("serial port " + device + " was closed by its owner; open it again to write");
        }
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a serial line must not contain CR or LF");
        }
        FileChannel current = writing;
        if (current == null) {
            throw new HardwareException(HardwareException.Reason.PORT_UNAVAILABLE, "serial device " + device
                    + " is gone (unplugged?); it is reopened by itself when it is back, try again then");
        }
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(line + "\r\n");
        try {
            synchronized (this) {
                while (bytes.hasRemaining()) {
                    current.write(bytes);
                }
            }
        } catch (IOException e) {
            throw new HardwareException(HardwareException.Reason.PORT_UNAVAILABLE, "writing to serial device " + device
                    + " failed (" + e.getMessage() + "); it is reopened by itself, try again shortly", e);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            closing.countDown();
            closeDevice();
            onClose.accept(this);
        }
    }

    private void closeDevice() {
        FileChannel in = reading;
        FileChannel out = writing;
        reading = null;
        writing = null;
        closeChannel(in);
        closeChannel(out);
    }

    private static void closeChannel(FileChannel current) {
        if (current == null) {
            return;
        }
        try {
            current.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
