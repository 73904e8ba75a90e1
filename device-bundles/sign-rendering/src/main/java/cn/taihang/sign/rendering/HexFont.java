package cn.taihang.sign.rendering;

import java.util.Arrays;
import java.util.List;

/**
 * Glyphs in GNU Unifont's {@code .hex} format: one glyph a line, {@code CODEPOINT:BITS}, the bits 32 hex
 * digits for an 8×16 glyph or 64 for a 16×16 one, row by row, most significant bit leftmost. Lines starting
 * with {@code #} and blank lines are skipped. Immutable and thread-safe once built.
 */
public final class HexFont {

    /** Glyph height in pixels. */
    public static final int HEIGHT = 16;
    private static final int MAX_GLYPHS = 70_000;

    private final int[] codepoints;
    private final byte[][] rows;

    private HexFont(int[] codepoints, byte[][] rows) {
        this.codepoints = codepoints;
        this.rows = rows;
    }

    /**
     * @param lines the file's lines, in any order
     * @return the font
     * @throws IllegalArgumentException naming the first bad line (its number and what is wrong)
     */
    public static HexFont parse(List<String> lines) {
        int[] cps = new int[lines.size()];
        byte[][] bits = new byte[lines.size()][];
        int count = 0;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (count == MAX_GLYPHS) {
                throw new IllegalArgumentException("more than " + MAX_GLYPHS + " glyphs");
            }
            int colon = line.indexOf(':');
            String hex = colon < 0 ? "" : line.substring(colon + 1);
            if (colon < 1 || colon > 6 || (hex.length() != 32 && hex.length() != 64)) {
                throw new IllegalArgumentException("line " + (n + 1) + " is not CODEPOINT:32-or-64-hex-digits");
            }
            try {
                cps[count] = Integer.parseInt(line.substring(0, colon), 16);
                byte[] glyph = new byte[hex.length() / 2];
                for (int i = 0; i < glyph.length; i++) {
                    glyph[i] = (byte) Integer.parseInt(hex, 2 * i, 2 * i + 2, 16);
                }
                bits[count++] = glyph;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("line " + (n + 1) + " has a character that is not a hex digit");
            }
        }
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(cps[a], cps[b]));
        int[] sortedCps = new int[count];
        byte[][] sortedRows = new byte[count][];
        for (int i = 0; i < count; i++) {
            sortedCps[i] = cps[order[i]];
            sortedRows[i] = bits[order[i]];
            if (i > 0 && sortedCps[i] == sortedCps[i - 1]) {
                throw new IllegalArgumentException(String.format("glyph U+%04X appears twice", sortedCps[i]));
            }
        }
        return new HexFont(sortedCps, sortedRows);
    }

    /** @return how many glyphs the font has */
    public int size() {
        return codepoints.length;
    }

    /** @return whether there is a glyph for {@code codepoint} */
    public boolean has(int codepoint) {
        return Arrays.binarySearch(codepoints, codepoint) >= 0;
    }

    /** @return the glyph width in pixels (8 or 16), or 0 if there is no glyph */
    public int width(int codepoint) {
        int i = Arrays.binarySearch(codepoints, codepoint);
        return i < 0 ? 0 : rows[i].length / 2;
    }

    /** @return whether pixel ({@code x}, {@code y}) of the glyph is set; {@code false} if there is no glyph */
    public boolean pixel(int codepoint, int x, int y) {
        int i = Arrays.binarySearch(codepoints, codepoint);
        if (i < 0 || y < 0 || y >= HEIGHT) {
            return false;
        }
        byte[] glyph = rows[i];
        int bytesPerRow = glyph.length / HEIGHT;
        if (x < 0 || x >= bytesPerRow * 8) {
            return false;
        }
        return (glyph[y * bytesPerRow + x / 8] & (0x80 >> (x % 8))) != 0;
    }
}
