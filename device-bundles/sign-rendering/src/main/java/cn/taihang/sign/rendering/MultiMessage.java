package cn.taihang.sign.rendering;

import java.util.List;
import java.util.Objects;

/**
 * A parsed MULTI message: pages of lines of text runs, with every default resolved.
 *
 * @param multi the MULTI string it was parsed from
 * @param pages one or more pages
 */
public record MultiMessage(String multi, List<Page> pages) {

    /** Copies. */
    public MultiMessage {
        Objects.requireNonNull(multi, "multi");
        pages = List.copyOf(pages);
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("a message has at least one page");
        }
    }

    /**
     * One page.
     *
     * @param lines one or more lines (an empty page has one empty line)
     * @param justification vertical placement
     * @param onTenths how long it shows, tenths of a second
     * @param offTenths blank time after it, tenths of a second
     */
    public record Page(List<Line> lines, Justification.Page justification, int onTenths, int offTenths) {
        /** Copies. */
        public Page {
            lines = List.copyOf(lines);
        }
    }

    /**
     * One line.
     *
     * @param runs text runs; empty for an empty line
     * @param justification horizontal placement
     * @param spacingBefore pixels above it from {@code [nlN]}, or -1 for the font's line spacing
     * @param emptyLineFont font whose height an empty line takes
     */
    public record Line(List<Run> runs, Justification.Line justification, int spacingBefore, int emptyLineFont) {
        /** Copies. */
        public Line {
            runs = List.copyOf(runs);
        }
    }

    /**
     * Text in one font and colour.
     *
     * @param text the characters
     * @param font font number
     * @param colour foreground colour
     * @param position index of its first character in the MULTI string, for error messages
     */
    public record Run(String text, int font, Colour colour, int position) {}
}
