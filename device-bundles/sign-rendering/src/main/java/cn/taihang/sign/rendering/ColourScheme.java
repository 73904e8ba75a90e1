package cn.taihang.sign.rendering;

import java.util.List;

/**
 * What colours a panel's LEDs can show (NTCIP {@code dmsColorScheme}), and how a pixel is coded in the panel
 * frame protocol: one palette index per pixel for the first two, 24-bit RGB for the last.
 */
public enum ColourScheme {
    /** One LED colour (amber), on or off. Codes: 0 off, 1 on. */
    MONOCHROME_1BIT(List.of(Colour.BLACK, Colour.AMBER)),
    /** Red and green LEDs: red, green, and amber with both lit. Codes: 0 off, 1 red, 2 green, 3 amber. */
    TRICOLOUR(List.of(Colour.BLACK, Colour.RED, Colour.GREEN, Colour.AMBER)),
    /** Full colour RGB LEDs: any 24-bit colour. */
    COLOUR_24BIT(List.of());

    private final List<Colour> palette;

    ColourScheme(List<Colour> palette) {
        this.palette = palette;
    }

    /** @return whether a pixel is one palette byte (mono, tri-colour) rather than three RGB bytes */
    public boolean indexed() {
        return !palette.isEmpty();
    }

    /** @return the palette of an indexed scheme (index = pixel code), empty for 24-bit */
    public List<Colour> palette() {
        return palette;
    }

    /** @return whether the panel can show {@code colour} */
    public boolean supports(Colour colour) {
        return !indexed() || palette.contains(colour);
    }

    /** @return the pixel code of {@code colour} in an indexed scheme, or -1 */
    public int code(Colour colour) {
        return palette.indexOf(colour);
    }
}
