package cn.taihang.sign.rendering;


/** The real Unifont subset of the bundle, loaded once per test JVM. */
public final class TestFonts {

    private static final FontSet FONTS = FontSet.bundledUnifont();

    private TestFonts() {
    }

    public static HexFont unifont() {
        return FONTS.font(FontSet.NORMAL).glyphs();
    }

    public static FontSet fonts() {
        return FONTS;
    }
}
