package cn.taihang.sign.panel;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * One frame of the panel protocol, as one text line: {@code @SS TYPE payload*CCCC} — {@code SS} the sequence
 * number in two hex digits, {@code TYPE} four capitals, the payload in standard Base64 (may be empty), {@code CCCC}
 * the CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF) of every byte before the {@code *}, in four hex digits.
 *
 * @param seq sequence number 0–255; a reply carries the request's
 * @param type frame type
 * @param payload binary payload, at most {@link #MAX_PAYLOAD} bytes
 */
public record Frame(int seq, FrameType type, byte[] payload) {

    /** Longest line, without the terminator. */
    public static final int MAX_LINE = 1200;
    /** Largest payload in bytes. */
    public static final int MAX_PAYLOAD = 860;

    /** Validates. */
    public Frame {
        if (seq < 0 || seq > 255) {
            throw new IllegalArgumentException("sequence must be 0-255, was " + seq);
        }
        Objects.requireNonNull(type, "type");
        payload = payload.clone();
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload of " + payload.length + " bytes; at most " + MAX_PAYLOAD);
        }
    }

    /** @return the payload (a copy) */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** @return the frame as one line, without terminator */
    public String toLine() {
        String body = String.format("@%02X %s %s", seq, type.name(), Base64.getEncoder().encodeToString(payload));
        return body + String.format("*%04X", crc16(body.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * Reads one line.
     *
     * @throws FrameException on anything but a valid frame
     */
    public static Frame parse(String line) throws FrameException {
        if (line == null) {
            throw new FrameException(FrameException.Reason.MALFORMED, -1, "no line");
        }
        if (line.length() > MAX_LINE) {
            throw new FrameException(FrameException.Reason.TOO_LONG, -1, "line of " + line.length() + " characters; at most " + MAX_LINE);
        }
        if (line.length() < 14 || line.charAt(0) != '@' || line.charAt(3) != ' ' || line.charAt(8) != ' ' || line.charAt(line.length() - 5) != '*') {
            throw new FrameException(FrameException.Reason.MALFORMED, -1, "not @SS TYPE payload*CCCC");
        }
        int seq = hex(line, 1, 3);
        int crc = hex(line, line.length() - 4, line.length());
        if (seq < 0 || crc < 0) {
            throw new FrameException(FrameException.Reason.MALFORMED, -1, "sequence or CRC is not hex");
        }
        String body = line.substring(0, line.length() - 5);
        for (int i = 0; i < body.length(); i++) {
            if (body.charAt(i) > 0x7E || body.charAt(i) < 0x20) {
                throw new FrameException(FrameException.Reason.MALFORMED, seq, "non-ASCII character at " + i);
            }
        }
        if (crc16(body.getBytes(StandardCharsets.US_ASCII)) != crc) {
            throw new FrameException(FrameException.Reason.BAD_CRC, seq, "CRC mismatch");
        }
        FrameType type;
        try {
            type = FrameType.valueOf(body.substring(4, 8));
        } catch (IllegalArgumentException e) {
            throw new FrameException(FrameException.Reason.UNKNOWN_TYPE, seq, "unknown frame type " + body.substring(4, 8));
        }
        byte[] payload;
        try {
            payload = Base64.getDecoder().decode(body.substring(9));
        } catch (IllegalArgumentException e) {
            throw new FrameException(FrameException.Reason.MALFORMED, seq, "payload is not Base64");
        }
        if (payload.length > MAX_PAYLOAD) {
            throw new FrameException(FrameException.Reason.TOO_LONG, seq, "payload of " + payload.length + " bytes");
        }
        return new Frame(seq, type, payload);
    }

    /** @return CRC-16/CCITT-FALSE of {@code bytes} */
    public static int crc16(byte[] bytes) {
        int crc = 0xFFFF;
        for (byte b : bytes) {
            crc ^= (b & 0xFF) << 8;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
        }
        return crc & 0xFFFF;
    }

    private static int hex(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0 || Character.isLowerCase(s.charAt(i))) {
                return -1;
            }
            value = value * 16 + d;
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frame f && seq == f.seq && type == f.type && Arrays.equals(payload, f.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(seq, type, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "Frame[" + seq + " " + type + ", " + payload.length + " bytes]";
    }
}
