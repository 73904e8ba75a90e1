package cn.taihang.sign.panel;

import cn.taihang.sign.rendering.ColourScheme;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The payloads of the panel protocol's frames (big-endian), each with its writer and its reader. */
public final class Payloads {

    private Payloads() {
    }

    /**
     * INFO reply: {@code u16 width, u16 height, u8 scheme (0 mono, 1 tri-colour, 2 24-bit), u8 maxPages, UTF-8 firmware}.
     */
    public record Info(int width, int height, ColourScheme scheme, int maxPages, String firmware) {
        /** @return the payload */
        public byte[] toBytes() {
            byte[] fw = firmware.getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(6 + fw.length).putShort((short) width).putShort((short) height).put((byte) scheme.ordinal())
                    .put((byte) maxPages).put(fw).array();
        }

        /** @throws FrameException if the payload is not an INFO reply */
        public static Info of(byte[] payload) throws FrameException {
            return read(payload, b -> {
                int w = b.getShort() & 0xFFFF;
                int h = b.getShort() & 0xFFFF;
                int scheme = b.get() & 0xFF;
                int pages = b.get() & 0xFF;
                if (scheme >= ColourScheme.values().length) {
                    throw new IllegalArgumentException("colour scheme " + scheme);
                }
                byte[] fw = new byte[b.remaining()];
                b.get(fw);
                return new Info(w, h, ColourScheme.values()[scheme], pages, new String(fw, StandardCharsets.UTF_8));
            });
        }
    }

    /** PAGE: {@code u8 page, u16 chunk, u16 chunks, bytes of the page's pixel stream}. */
    public record PageChunk(int page, int chunk, int chunks, byte[] data) {
        /** @return the payload */
        public byte[] toBytes() {
            return ByteBuffer.allocate(5 + data.length).put((byte) page).putShort((short) chunk).putShort((short) chunks).put(data).array();
        }

        /** @throws FrameException if the payload is not a PAGE chunk */
        public static PageChunk of(byte[] payload) throws FrameException {
            return read(payload, b -> {
                int page = b.get() & 0xFF;
                int chunk = b.getShort() & 0xFFFF;
                int chunks = b.getShort() & 0xFFFF;
                if (chunks == 0 || chunk >= chunks) {
                    throw new IllegalArgumentException("chunk " + chunk + " of " + chunks);
                }
                byte[] data = new byte[b.remaining()];
                b.get(data);
                return new PageChunk(page, chunk, chunks, data);
            });
        }
    }

    /** SHOW: {@code u8 pages, then u8 on and u8 off time per page (tenths of a second), u32 CRC-32 of the pages' streams}. */
    public record Show(List<int[]> times, long contentCrc) {
        /** @return the payload */
        public byte[] toBytes() {
            ByteBuffer b = ByteBuffer.allocate(5 + 2 * times.size()).put((byte) times.size());
            times.forEach(t -> b.put((byte) t[0]).put((byte) t[1]));
            return b.putInt((int) contentCrc).array();
        }

        /** @throws FrameException if the payload is not a SHOW */
        public static Show of(byte[] payload) throws FrameException {
            return read(payload, b -> {
                int n = b.get() & 0xFF;
                if (n == 0) {
                    throw new IllegalArgumentException("no pages");
                }
                List<int[]> times = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    times.add(new int[] {b.get() & 0xFF, b.get() & 0xFF});
                }
                return new Show(times, b.getInt() & 0xFFFFFFFFL);
            });
        }
    }

    /**
     * STAT reply: {@code u32 CRC of the content shown (0 = blank), u8 page shown, u8 brightness %, i16 temperature
     * in tenths of °C, u32 ambient light in lux, u16 pixel faults, u16 boot count}.
     */
    public record Status(long shownCrc, int page, int brightness, int temperatureTenths, long ambientLux, int pixelFaults, int bootCount) {
        /** @return the payload */
        public byte[] toBytes() {
            return ByteBuffer.allocate(16).putInt((int) shownCrc).put((byte) page).put((byte) brightness).putShort((short) temperatureTenths)
                    .putInt((int) ambientLux).putShort((short) pixelFaults).putShort((short) bootCount).array();
        }

        /** @throws FrameException if the payload is not a STAT reply */
        public static Status of(byte[] payload) throws FrameException {
            return read(payload, b -> new Status(b.getInt() & 0xFFFFFFFFL, b.get() & 0xFF, b.get() & 0xFF, b.getShort(),
                    b.getInt() & 0xFFFFFFFFL, b.getShort() & 0xFFFF, b.getShort() & 0xFFFF));
        }
    }

    /** NACK: {@code u8 code, UTF-8 reason}. Codes: {@link #BAD_CRC} … {@link #CONTENT_MISMATCH}. */
    public record Nack(int code, String reason) {
        public static final int BAD_CRC = 1;
        public static final int UNKNOWN = 2;
        public static final int BAD_PAYLOAD = 3;
        public static final int PAGES_MISSING = 4;
        public static final int CONTENT_MISMATCH = 5;

        /** @return the payload */
        public byte[] toBytes() {
            byte[] text = reason.getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(1 + Math.min(text.length, 200)).put((byte) code).put(text, 0, Math.min(text.length, 200)).array();
        }

        /** @throws FrameException if the payload is not a NACK */
        public static Nack of(byte[] payload) throws FrameException {
            return read(payload, b -> {
                int code = b.get() & 0xFF;
                byte[] text = new byte[b.remaining()];
                b.get(text);
                return new Nack(code, new String(text, StandardCharsets.UTF_8));
            });
        }
    }

    /** A reader of one payload layout. */
    @FunctionalInterface
    private interface Reader<T> {
        T read(ByteBuffer buffer);
    }

    private static <T> T read(byte[] payload, Reader<T> reader) throws FrameException {
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        try {
            T value = reader.read(buffer);
            if (buffer.hasRemaining()) {
                throw new FrameException(FrameException.Reason.BAD_PAYLOAD, -1, buffer.remaining() + " bytes too many");
            }
            return value;
        } catch (BufferUnderflowException e) {
            throw new FrameException(FrameException.Reason.BAD_PAYLOAD, -1, "payload truncated");
        } catch (IllegalArgumentException e) {
            throw new FrameException(FrameException.Reason.BAD_PAYLOAD, -1, "bad payload: " + e.getMessage());
        }
    }
}
