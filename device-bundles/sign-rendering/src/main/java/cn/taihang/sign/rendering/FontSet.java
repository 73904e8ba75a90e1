package cn.taihang.sign.rendering;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * The fonts of a sign by MULTI font number: Unifont's glyphs at 16 px ({@value #NORMAL}) and doubled to 32 px
 * for large type ({@value #LARGE}). Immutable.
 */
public final class FontSet {

    /** Font number of the 16 px font. */
    public static final int NORMAL = 1;
    /** Font number of the 32 px large-type font. */
    public static final int LARGE = 2;
    /** Where the bundled glyphs are, inside the sign-rendering jar. */
    public static final String BUNDLED_UNIFONT = "cn/taihang/sign/fonts/unifont-signs.hex";

    /**
     * One font: a glyph source drawn at an integer scale.
     *
     * @param number MULTI font number
     * @param name for people
     * @param glyphs the glyphs
     * @param scale pixel multiplier, 1 or more
     * @param lineSpacing default pixels between lines of this font
     */
    public record Font(int number, String name, HexFont glyphs, int scale, int lineSpacing) {

        /** @return line height in pixels */
        public int height() {
            return HexFont.HEIGHT * scale;
        }

        /** @return advance of a character in pixels, or 0 if there is no glyph */
        public int advance(int codepoint) {
            return glyphs.width(codepoint) * scale;
        }
    }

    private final Map<Integer, Font> fonts;

    private FontSet(Map<Integer, Font> fonts) {
        this.fonts = Map.copyOf(fonts);
    }

    /** @return fonts 1 (16 px) and 2 (32 px) drawn from {@code unifont} */
    public static FontSet unifont(HexFont unifont) {
        Objects.requireNonNull(unifont, "unifont");
        return new FontSet(Map.of(
                NORMAL, new Font(NORMAL, "Unifont 16", unifont, 1, 0),
                LARGE, new Font(LARGE, "Unifont 32 (large type)", unifont, 2, 0)));
    }

    /**
     * Reads the GNU Unifont subset this bundle carries ({@value #BUNDLED_UNIFONT}, licence in
     * {@code NOTICE-unifont.txt} beside it). Reading costs some milliseconds: do it once and share the result.
     *
     * @return fonts 1 and 2 drawn from the bundled Unifont subset
     * @throws IllegalStateException if the font is missing from the jar (a broken build)
     */
    public static FontSet bundledUnifont() {
        try (InputStream in = FontSet.class.getResourceAsStream("/" + BUNDLED_UNIFONT)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED_UNIFONT + " is missing from the sign-rendering jar; rebuild it");
            }
            return unifont(HexFont.parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)).lines().toList()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUNDLED_UNIFONT, e);
        }
    }

    /** @return the font with this number, or {@code null} */
    public Font font(int number) {
        return fonts.get(number);
    }
}
