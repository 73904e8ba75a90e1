package cn.taihang.sign.panel;

import cn.taihang.sign.rendering.Bitmap;
import cn.taihang.sign.rendering.ColourScheme;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A panel controller that speaks the protocol: keeps page slots, shows what SHOW commits, and reports status.
 * The reference for the protocol and the heart of the simulator's virtual panel; also what driver tests talk to.
 * Pure: lines in, lines out, time passed in. Thread-safe (synchronized).
 */
public final class PanelEmulator {

    private final Payloads.Info info;
    private final PixelCodec codec;
    private final Map<Integer, byte[][]> slots = new HashMap<>();
    private List<Bitmap> shown = List.of();
    private List<int[]> shownTimes = List.of();
    private long shownCrc;
    private long shownSinceMillis;
    private int brightness = 100;
    private int temperatureTenths = 250;
    private long ambientLux = 10_000;
    private int pixelFaults;
    private int bootCount = 1;
    private int lastSeq = -1;
    private String lastLine;
    private String lastReply;
    private long framesIn;
    private long badFrames;

    /** @param width pixels @param height pixels @param scheme LED colours @param maxPages page slots @param firmware version text */
    public PanelEmulator(int width, int height, ColourScheme scheme, int maxPages, String firmware) {
        this.info = new Payloads.Info(width, height, scheme, maxPages, firmware);
        this.codec = new PixelCodec(width, height, scheme);
    }

    /**
     * Takes one line from the driver.
     *
     * @param nowMillis the panel's clock, for the page cycle
     * @return the reply line, or {@code null} when the line was unreadable (the driver times out and retries)
     */
    public synchronized String onLine(String line, long nowMillis) {
        framesIn++;
        Frame frame;
        try {
            frame = Frame.parse(line);
        } catch (FrameException e) {
            badFrames++;
            return e.reason() == FrameException.Reason.BAD_CRC ? nack(e.seq(), Payloads.Nack.BAD_CRC, "CRC mismatch; resend") : null;
        }
        if (frame.seq() == lastSeq && line.equals(lastLine)) {
            return lastReply;
        }
        String reply;
        try {
            reply = handle(frame, nowMillis);
        } catch (FrameException e) {
            badFrames++;
            reply = nack(frame.seq(), Payloads.Nack.BAD_PAYLOAD, e.getMessage());
        }
        lastSeq = frame.seq();
        lastLine = line;
        lastReply = reply;
        return reply;
    }

    private String handle(Frame frame, long nowMillis) throws FrameException {
        switch (frame.type()) {
            case INFO:
                return new Frame(frame.seq(), FrameType.INFO, info.toBytes()).toLine();
            case PAGE:
                Payloads.PageChunk chunk = Payloads.PageChunk.of(frame.payload());
                if (chunk.page() >= info.maxPages()) {
                    return nack(frame.seq(), Payloads.Nack.BAD_PAYLOAD, "page " + chunk.page() + " beyond " + info.maxPages() + " slots");
                }
                byte[][] slot = slots.get(chunk.page());
                if (slot == null || slot.length != chunk.chunks()) {
                    slot = new byte[chunk.chunks()][];
                    slots.put(chunk.page(), slot);
                }
                slot[chunk.chunk()] = chunk.data();
                return ack(frame.seq());
            case SHOW:
                return show(frame.seq(), Payloads.Show.of(frame.payload()), nowMillis);
            case BLNK:
                shown = List.of();
                shownTimes = List.of();
                shownCrc = 0;
                shownSinceMillis = nowMillis;
                return ack(frame.seq());
            case BRIT:
                byte[] level = frame.payload();
                if (level.length != 1 || level[0] < 0 || level[0] > 100) {
                    return nack(frame.seq(), Payloads.Nack.BAD_PAYLOAD, "brightness takes one byte 0-100");
                }
                brightness = level[0];
                return ack(frame.seq());
            case STAT:
                return new Frame(frame.seq(), FrameType.STAT, new Payloads.Status(shownCrc, pageAt(nowMillis), brightness, temperatureTenths,
                        ambientLux, pixelFaults, bootCount).toBytes()).toLine();
            default:
                return nack(frame.seq(), Payloads.Nack.UNKNOWN, frame.type() + " is a reply, not a request");
        }
    }

    private String show(int seq, Payloads.Show show, long nowMillis) throws FrameException {
        List<byte[]> streams = new ArrayList<>();
        for (int p = 0; p < show.times().size(); p++) {
            byte[][] slot = p < info.maxPages() ? slots.get(p) : null;
            if (slot == null) {
                return nack(seq, Payloads.Nack.PAGES_MISSING, "page " + p + " was never sent");
            }
            int size = 0;
            for (int c = 0; c < slot.length; c++) {
                if (slot[c] == null) {
                    return nack(seq, Payloads.Nack.PAGES_MISSING, "page " + p + " chunk " + c + " missing");
                }
                size += slot[c].length;
            }
            byte[] stream = new byte[size];
            int at = 0;
            for (byte[] part : slot) {
                System.arraycopy(part, 0, stream, at, part.length);
                at += part.length;
            }
            streams.add(stream);
        }
        if (PixelCodec.contentCrc(streams) != show.contentCrc()) {
            return nack(seq, Payloads.Nack.CONTENT_MISMATCH, "pages do not match the content CRC; send them again");
        }
        List<Bitmap> pages = new ArrayList<>();
        for (byte[] stream : streams) {
            pages.add(codec.decode(stream));
        }
        shown = List.copyOf(pages);
        shownTimes = List.copyOf(show.times());
        shownCrc = show.contentCrc();
        shownSinceMillis = nowMillis;
        return ack(seq);
    }

    private int pageAt(long nowMillis) {
        if (shown.size() < 2) {
            return 0;
        }
        long cycle = 0;
        for (int[] t : shownTimes) {
            cycle += (t[0] + t[1]) * 100L;
        }
        long into = cycle == 0 ? 0 : Math.floorMod(nowMillis - shownSinceMillis, cycle);
        for (int p = 0; p < shownTimes.size(); p++) {
            long length = (shownTimes.get(p)[0] + shownTimes.get(p)[1]) * 100L;
            if (into < length) {
                return p;
            }
            into -= length;
        }
        return 0;
    }

    private static String ack(int seq) {
        return new Frame(seq, FrameType.ACKN, new byte[0]).toLine();
    }

    private static String nack(int seq, int code, String reason) {
        return new Frame(Math.max(0, seq), FrameType.NACK, new Payloads.Nack(code, reason).toBytes()).toLine();
    }

    /** @return the pages shown now, in cycle order; empty when blank */
    public synchronized List<Bitmap> shownPages() {
        return shown;
    }

    /** @return the page of the cycle on the LEDs at {@code nowMillis}, or a black page when blank */
    public synchronized Bitmap pageOnLeds(long nowMillis) {
        return shown.isEmpty() ? Bitmap.blank(info.width(), info.height()) : shown.get(pageAt(nowMillis));
    }

    /** @return the content CRC of what is shown, 0 when blank */
    public synchronized long shownCrc() {
        return shownCrc;
    }

    /** @return the brightness set, percent */
    public synchronized int brightness() {
        return brightness;
    }

    /** @return the panel's geometry and firmware */
    public Payloads.Info info() {
        return info;
    }

    /** @return frames received, and of those unreadable or refused */
    public synchronized long[] frameCounts() {
        return new long[] {framesIn, badFrames};
    }

    /** Sets the photocell reading, lux. */
    public synchronized void ambientLux(long lux) {
        this.ambientLux = lux;
    }

    /** Sets the cabinet temperature, tenths of °C. */
    public synchronized void temperatureTenths(int tenths) {
        this.temperatureTenths = tenths;
    }

    /** Sets how many pixels are faulty. */
    public synchronized void pixelFaults(int count) {
        this.pixelFaults = count;
    }

    /** The panel loses power and comes back: blank, slots empty, boot count up. */
    public synchronized void powerCycle() {
        slots.clear();
        shown = List.of();
        shownTimes = List.of();
        shownCrc = 0;
        bootCount++;
        lastSeq = -1;
        lastLine = null;
    }
}
