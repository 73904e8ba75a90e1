package cn.taihang.sign.rendering;

import java.util.Objects;

/**
 * A panel's matrix and the MULTI defaults that apply where a message sets nothing (NTCIP
 * {@code defaultFont}, {@code defaultJustificationLine}, {@code defaultPageOnTime}…).
 *
 * @param width pixels across, 16–1024
 * @param height pixels down, 16–512
 * @param scheme what colours the LEDs show
 * @param maxPages most pages of one message, 1–16
 * @param defaultFont font number used until a {@code [foN]} tag
 * @param defaultColour foreground until a {@code [cf]} tag; the panel must be able to show it
 * @param defaultLine line justification until a {@code [jl]} tag
 * @param defaultPage page justification until a {@code [jp]} tag
 * @param defaultPageOnTenths how long each page of a multi-page message shows, in tenths of a second
 * @param defaultPageOffTenths blank time after each page, in tenths of a second
 */
public record PanelSpec(int width, int height, ColourScheme scheme, int maxPages, int defaultFont, Colour defaultColour,
                        Justification.Line defaultLine, Justification.Page defaultPage, int defaultPageOnTenths, int defaultPageOffTenths) {

    /** Validates at the boundary. @throws IllegalArgumentException on values a panel cannot have */
    public PanelSpec {
        if (width < 16 || width > 1024 || height < 16 || height > 512) {
            throw new IllegalArgumentException("panel size must be 16-1024 x 16-512 pixels, was " + width + "x" + height);
        }
        Objects.requireNonNull(scheme, "scheme");
        if (maxPages < 1 || maxPages > 16) {
            throw new IllegalArgumentException("maxPages must be 1-16, was " + maxPages);
        }
        if (defaultFont < 1 || defaultFont > 255) {
            throw new IllegalArgumentException("default font must be 1-255, was " + defaultFont);
        }
        Objects.requireNonNull(defaultColour, "defaultColour");
        if (!scheme.supports(defaultColour) || defaultColour.equals(Colour.BLACK)) {
            throw new IllegalArgumentException("default colour " + defaultColour + " cannot be shown by a " + scheme + " panel");
        }
        Objects.requireNonNull(defaultLine, "defaultLine");
        Objects.requireNonNull(defaultPage, "defaultPage");
        if (defaultPageOnTenths < 1 || defaultPageOnTenths > 255 || defaultPageOffTenths < 0 || defaultPageOffTenths > 255) {
            throw new IllegalArgumentException("default page times must be 1-255 (on) and 0-255 (off) tenths of a second");
        }
    }

    /** @return a panel with amber text, centred lines and pages, 3 s per page, font 1 (or 2 for large type) */
    public static PanelSpec of(int width, int height, ColourScheme scheme, boolean largeType) {
        return new PanelSpec(width, height, scheme, 6, largeType ? FontSet.LARGE : FontSet.NORMAL, Colour.AMBER,
                Justification.Line.CENTER, Justification.Page.MIDDLE, 30, 0);
    }
}
