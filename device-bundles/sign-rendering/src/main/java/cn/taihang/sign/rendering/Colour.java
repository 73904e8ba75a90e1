package cn.taihang.sign.rendering;

/**
 * A pixel colour as 0xRRGGBB, with NTCIP 1203's classic colours ({@code [cf0]} … {@code [cf9]}).
 *
 * @param rgb the colour, 24 bits
 */
public record Colour(int rgb) {

    public static final Colour BLACK = new Colour(0x000000);
    public static final Colour RED = new Colour(0xFF0000);
    public static final Colour YELLOW = new Colour(0xFFFF00);
    public static final Colour GREEN = new Colour(0x00FF00);
    public static final Colour CYAN = new Colour(0x00FFFF);
    public static final Colour BLUE = new Colour(0x0000FF);
    public static final Colour MAGENTA = new Colour(0xFF00FF);
    public static final Colour WHITE = new Colour(0xFFFFFF);
    public static final Colour ORANGE = new Colour(0xFFA500);
    public static final Colour AMBER = new Colour(0xFFB000);

    private static final Colour[] CLASSIC = {BLACK, RED, YELLOW, GREEN, CYAN, BLUE, MAGENTA, WHITE, ORANGE, AMBER};

    /** Validates. */
    public Colour {
        if ((rgb & 0xFF000000) != 0) {
            throw new IllegalArgumentException("colour must be 0xRRGGBB, was 0x" + Integer.toHexString(rgb));
        }
    }

    /** @return the classic colour {@code 0..9} (NTCIP colorClassic), or {@code null} outside that range */
    public static Colour classic(int number) {
        return number >= 0 && number < CLASSIC.length ? CLASSIC[number] : null;
    }

    /** @return a colour from components 0–255 */
    public static Colour of(int red, int green, int blue) {
        return new Colour((red << 16) | (green << 8) | blue);
    }

    @Override
    public String toString() {
        return String.format("#%06X", rgb);
    }
}
