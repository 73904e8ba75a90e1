package cn.taihang.sign.internal;

import cn.taihang.sign.rendering.PanelSpec;
import cn.taihang.sign.rendering.RenderedMessage;
import cn.taihang.sign.panel.Frame;
import cn.taihang.sign.panel.FrameException;
import cn.taihang.sign.panel.FrameType;
import cn.taihang.sign.panel.Payloads;
import cn.taihang.sign.panel.PixelCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The driver side of the panel protocol (see {@code cn.taihang.sign.panel}): one request at a time, each
 * acknowledged, resent with the same sequence number on a timeout or a CRC NACK. Called from the sign's own thread
 * only; replies arrive on the link's thread through {@link #received(String)}.
 */
final class PanelDriver implements AutoCloseable {

    /** Bytes of pixel stream per PAGE frame. */
    static final int CHUNK = 512;

    private final PanelLink link;
    private final PanelSpec panel;
    private final PixelCodec codec;
    private final Duration ackTimeout;
    private final int retries;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>(256);
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong resends = new AtomicLong();
    private final AtomicLong badReplies = new AtomicLong();
    private int seq;

    /** Opens a link, given where received lines go. */
    @FunctionalInterface
    interface LinkOpener {
        PanelLink open(Consumer<String> received) throws PanelException;
    }

    /** @param opener makes the link */
    PanelDriver(LinkOpener opener, PanelSpec panel, Duration ackTimeout, int retries) throws PanelException {
        this.panel = panel;
        this.codec = new PixelCodec(panel.width(), panel.height(), panel.scheme());
        this.ackTimeout = ackTimeout;
        this.retries = retries;
        this.link = opener.open(this::received);
    }

    void received(String line) {
        if (!replies.offer(line)) {
            badReplies.incrementAndGet();
        }
    }

    /**
     * Asks who the panel is, and checks it matches the configuration.
     *
     * @throws PanelException (permanent) if its size or colours differ from the configuration
     */
    Payloads.Info hello() throws PanelException {
        Payloads.Info info = read(exchange(FrameType.INFO, new byte[0]), FrameType.INFO, Payloads.Info::of);
        if (info.width() != panel.width() || info.height() != panel.height() || info.scheme() != panel.scheme()) {
            throw new PanelException("the panel is " + info.width() + "x" + info.height() + " " + info.scheme() + " but is configured as "
                    + panel.width() + "x" + panel.height() + " " + panel.scheme() + "; fix width, height and colourScheme", false);
        }
        if (info.maxPages() < panel.maxPages()) {
            throw new PanelException("the panel holds " + info.maxPages() + " pages, the configuration wants " + panel.maxPages()
                    + "; lower maxPages", false);
        }
        return info;
    }

    /**
     * Uploads and shows a message; a blank message blanks the panel.
     *
     * @return the content CRC the panel must report from now on (0 for blank)
     */
    long show(RenderedMessage message) throws PanelException {
        if (message.blank()) {
            expectAck(exchange(FrameType.BLNK, new byte[0]));
            return 0;
        }
        List<byte[]> streams = new ArrayList<>();
        for (RenderedMessage.Page page : message.pages()) {
            streams.add(codec.encode(page.image()));
        }
        for (int p = 0; p < streams.size(); p++) {
            byte[] stream = streams.get(p);
            int chunks = Math.max(1, (stream.length + CHUNK - 1) / CHUNK);
            for (int c = 0; c < chunks; c++) {
                byte[] data = Arrays.copyOfRange(stream, c * CHUNK, Math.min(stream.length, (c + 1) * CHUNK));
                expectAck(exchange(FrameType.PAGE, new Payloads.PageChunk(p, c, chunks, data).toBytes()));
            }
        }
        long crc = PixelCodec.contentCrc(streams);
        List<int[]> times = new ArrayList<>();
        message.pages().forEach(p -> times.add(new int[] {message.pages().size() == 1 ? 0 : p.onTenths(), p.offTenths()}));
        expectAck(exchange(FrameType.SHOW, new Payloads.Show(times, crc).toBytes()));
        return crc;
    }

    void brightness(int percent) throws PanelException {
        expectAck(exchange(FrameType.BRIT, new byte[] {(byte) percent}));
    }

    Payloads.Status status() throws PanelException {
        return read(exchange(FrameType.STAT, new byte[0]), FrameType.STAT, Payloads.Status::of);
    }

    /** @return requests sent, resends, unreadable or stray replies */
    long[] counts() {
        return new long[] {requests.get(), resends.get(), badReplies.get()};
    }

    String describe() {
        return link.describe();
    }

    private Frame exchange(FrameType type, byte[] payload) throws PanelException {
        seq = (seq + 1) & 0xFF;
        String line = new Frame(seq, type, payload).toLine();
        requests.incrementAndGet();
        replies.clear();
        String lastProblem = "no reply";
        for (int attempt = 0; attempt <= retries; attempt++) {
            if (attempt > 0) {
                resends.incrementAndGet();
            }
            link.send(line);
            long deadline = System.nanoTime() + ackTimeout.toNanos();
            while (true) {
                String reply;
                try {
                    reply = replies.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new PanelException("interrupted", false);
                }
                if (reply == null) {
                    break;
                }
                Frame frame;
                try {
                    frame = Frame.parse(reply);
                } catch (FrameException e) {
                    badReplies.incrementAndGet();
                    lastProblem = "unreadable reply (" + e.reason() + ")";
                    continue;
                }
                if (frame.seq() != seq) {
                    badReplies.incrementAndGet();
                    continue;
                }
                if (frame.type() == FrameType.NACK && nackCode(frame) == Payloads.Nack.BAD_CRC) {
                    lastProblem = "the panel received a corrupted frame";
                    break;
                }
                return frame;
            }
        }
        throw new PanelException("the panel did not answer " + type + " after " + (retries + 1) + " tries (" + lastProblem + ") on "
                + link.describe() + "; check the cable and the controller's power", true);
    }

    private static int nackCode(Frame frame) {
        try {
            return Payloads.Nack.of(frame.payload()).code();
        } catch (FrameException e) {
            return -1;
        }
    }

    private static void expectAck(Frame reply) throws PanelException {
        if (reply.type() == FrameType.ACKN) {
            return;
        }
        if (reply.type() == FrameType.NACK) {
            String reason;
            try {
                reason = Payloads.Nack.of(reply.payload()).reason();
            } catch (FrameException e) {
                reason = "unreadable reason";
            }
            throw new PanelException("the panel refused: " + reason, true);
        }
        throw new PanelException("the panel answered " + reply.type() + " where ACKN was due", true);
    }

    /** A payload reader. */
    @FunctionalInterface
    private interface PayloadReader<T> {
        T read(byte[] payload) throws FrameException;
    }

    private static <T> T read(Frame reply, FrameType expected, PayloadReader<T> reader) throws PanelException {
        if (reply.type() != expected) {
            throw new PanelException("the panel answered " + reply.type() + " where " + expected + " was due", true);
        }
        try {
            return reader.read(reply.payload());
        } catch (FrameException e) {
            throw new PanelException("the panel's " + expected + " reply is unreadable: " + e.getMessage(), true);
        }
    }

    @Override
    public void close() {
        link.close();
    }
}
