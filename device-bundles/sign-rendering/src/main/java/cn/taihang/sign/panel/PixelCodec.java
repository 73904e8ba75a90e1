package cn.taihang.sign.panel;

import cn.taihang.sign.rendering.Bitmap;
import cn.taihang.sign.rendering.Colour;
import cn.taihang.sign.rendering.ColourScheme;
import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;

/**
 * A page's pixel stream: runs of equal pixels, row by row from the top left, each run a length (unsigned
 * LEB128 varint, at least 1) then the pixel — one palette code byte for indexed schemes (monochrome: 0 off,
 * 1 on; tri-colour: 0 off, 1 red, 2 green, 3 amber), three bytes R, G, B for 24-bit colour. Thread-safe.
 */
public final class PixelCodec {

    private final int width;
    private final int height;
    private final ColourScheme scheme;

    /** @param width panel width @param height panel height @param scheme its colour scheme */
    public PixelCodec(int width, int height, ColourScheme scheme) {
        this.width = width;
        this.height = height;
        this.scheme = scheme;
    }

    /**
     * @return the pixel stream of {@code page}
     * @throws IllegalArgumentException if its size differs from the panel's or it has a colour the panel lacks
     */
    public byte[] encode(Bitmap page) {
        if (page.width() != width || page.height() != height) {
            throw new IllegalArgumentException("page is " + page.width() + "x" + page.height() + ", panel is " + width + "x" + height);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int total = width * height;
        int i = 0;
        while (i < total) {
            int rgb = page.rgb(i % width, i / width);
            int run = 1;
            while (i + run < total && page.rgb((i + run) % width, (i + run) / width) == rgb) {
                run++;
            }
            for (int v = run; ; v >>>= 7) {
                if (v < 0x80) {
                    out.write(v);
                    break;
                }
                out.write((v & 0x7F) | 0x80);
            }
            if (scheme.indexed()) {
                int code = scheme.code(new Colour(rgb));
                if (code < 0) {
                    throw new IllegalArgumentException("colour " + new Colour(rgb) + " is not shown by a " + scheme + " panel");
                }
                out.write(code);
            } else {
                out.write(rgb >> 16);
                out.write(rgb >> 8);
                out.write(rgb);
            }
            i += run;
        }
        return out.toByteArray();
    }

    /**
     * @return the page a pixel stream describes
     * @throws FrameException ({@link FrameException.Reason#BAD_PAYLOAD}) if it is truncated, too long, has a zero run
     *     or a code outside the palette
     */
    public Bitmap decode(byte[] stream) throws FrameException {
        int total = width * height;
        int[] pixels = new int[total];
        int filled = 0;
        int i = 0;
        while (i < stream.length) {
            long run = 0;
            int shift = 0;
            while (true) {
                if (i >= stream.length || shift > 28) {
                    throw bad("run length truncated or too long at byte " + i);
                }
                int b = stream[i++] & 0xFF;
                run |= (long) (b & 0x7F) << shift;
                shift += 7;
                if (b < 0x80) {
                    break;
                }
            }
            int rgb;
            if (scheme.indexed()) {
                if (i >= stream.length) {
                    throw bad("pixel code missing at byte " + i);
                }
                int code = stream[i++] & 0xFF;
                if (code >= scheme.palette().size()) {
                    throw bad("pixel code " + code + " outside the " + scheme + " palette");
                }
                rgb = scheme.palette().get(code).rgb();
            } else {
                if (i + 3 > stream.length) {
                    throw bad("RGB pixel truncated at byte " + i);
                }
                rgb = ((stream[i] & 0xFF) << 16) | ((stream[i + 1] & 0xFF) << 8) | (stream[i + 2] & 0xFF);
                i += 3;
            }
            if (run == 0 || filled + run > total) {
                throw bad(run == 0 ? "zero-length run" : "more than " + total + " pixels");
            }
            for (int k = 0; k < run; k++) {
                pixels[filled++] = rgb;
            }
        }
        if (filled != total) {
            throw bad("only " + filled + " of " + total + " pixels");
        }
        return Bitmap.of(width, height, pixels);
    }

    /** @return CRC-32 of the concatenated streams, as SHOW carries it */
    public static long contentCrc(Iterable<byte[]> streams) {
        CRC32 crc = new CRC32();
        streams.forEach(crc::update);
        return crc.getValue();
    }

    private static FrameException bad(String detail) {
        return new FrameException(FrameException.Reason.BAD_PAYLOAD, -1, "pixel stream: " + detail);
    }
}
