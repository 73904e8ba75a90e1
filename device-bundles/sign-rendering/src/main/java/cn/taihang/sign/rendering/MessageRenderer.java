package cn.taihang.sign.rendering;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays MULTI messages out on a panel and draws them with bitmap fonts. Text that does not fit is refused
 * ({@link MultiError#TEXT_TOO_BIG}), never truncated; a character without a glyph, a font the sign lacks
 * or a colour the LEDs cannot show is refused too. Thread-safe.
 */
public final class MessageRenderer {

    private final PanelSpec panel;
    private final FontSet fonts;
    private final MultiParser parser;

    /**
     * @param panel the panel's matrix and defaults
     * @param fonts the sign's fonts; must include the panel's default font
     */
    public MessageRenderer(PanelSpec panel, FontSet fonts) {
        if (fonts.font(panel.defaultFont()) == null) {
            throw new IllegalArgumentException("the panel's default font " + panel.defaultFont() + " is not in the font set");
        }
        this.panel = panel;
        this.fonts = fonts;
        this.parser = new MultiParser(panel);
    }

    /** @return the panel */
    public PanelSpec panel() {
        return panel;
    }

    /**
     * Parses, checks and draws a MULTI string.
     *
     * @throws MultiSyntaxException if the markup is bad, unsupported, or does not fit
     */
    public RenderedMessage render(String multi) throws MultiSyntaxException {
        MultiMessage message = parser.parse(multi);
        if (message.pages().size() > panel.maxPages()) {
            throw new MultiSyntaxException(MultiError.TOO_MANY_PAGES, -1,
                    message.pages().size() + " pages; this sign shows at most " + panel.maxPages());
        }
        List<RenderedMessage.Page> pages = new ArrayList<>();
        for (int p = 0; p < message.pages().size(); p++) {
            MultiMessage.Page page = message.pages().get(p);
            pages.add(new RenderedMessage.Page(draw(page, p + 1), page.onTenths(), page.offTenths()));
        }
        return new RenderedMessage(multi, pages);
    }

    /**
     * @return the width in pixels of {@code text} in font {@code fontNumber}, or -1 if the font lacks the
     *     font or a glyph; for composing content that fits
     */
    public int textWidth(String text, int fontNumber) {
        FontSet.Font font = fonts.font(fontNumber);
        if (font == null) {
            return -1;
        }
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int advance = font.advance(cp);
            if (advance == 0) {
                return -1;
            }
            width += advance;
            i += Character.charCount(cp);
        }
        return width;
    }

    private Bitmap draw(MultiMessage.Page page, int pageNumber) throws MultiSyntaxException {
        List<LineBox> boxes = new ArrayList<>();
        int totalHeight = 0;
        for (int l = 0; l < page.lines().size(); l++) {
            LineBox box = measure(page.lines().get(l));
            int spacing = 0;
            if (l > 0) {
                MultiMessage.Line line = page.lines().get(l);
                spacing = line.spacingBefore() >= 0 ? line.spacingBefore() : Math.max(boxes.get(l - 1).lineSpacing, box.lineSpacing);
            }
            box.top = totalHeight + spacing;
            totalHeight = box.top + box.height;
            if (box.width > panel.width()) {
                throw tooBig(box.line, "page " + pageNumber + " line " + (l + 1) + " is " + box.width + " px wide; the panel is "
                        + panel.width() + " px: shorten it or use a smaller font");
            }
            boxes.add(box);
        }
        if (totalHeight > panel.height()) {
            throw new MultiSyntaxException(MultiError.TEXT_TOO_BIG, -1, "page " + pageNumber + " needs " + totalHeight
                    + " px of height; the panel is " + panel.height() + " px: use fewer lines or a smaller font");
        }
        int y0 = switch (page.justification()) {
            case TOP -> 0;
            case MIDDLE -> (panel.height() - totalHeight) / 2;
            case BOTTOM -> panel.height() - totalHeight;
        };
        int[] pixels = new int[panel.width() * panel.height()];
        for (LineBox box : boxes) {
            drawLine(pixels, box, y0 + box.top);
        }
        return Bitmap.wrap(panel.width(), panel.height(), pixels);
    }

    private LineBox measure(MultiMessage.Line line) throws MultiSyntaxException {
        LineBox box = new LineBox(line);
        FontSet.Font emptyFont = font(line.emptyLineFont(), -1);
        box.height = line.runs().isEmpty() ? emptyFont.height() : 0;
        box.lineSpacing = emptyFont.lineSpacing();
        for (MultiMessage.Run run : line.runs()) {
            FontSet.Font font = font(run.font(), run.position());
            if (!panel.scheme().supports(run.colour())) {
                throw new MultiSyntaxException(MultiError.UNSUPPORTED_TAG_VALUE, run.position(), "colour " + run.colour()
                        + " cannot be shown by this " + panel.scheme() + " panel");
            }
            box.height = Math.max(box.height, font.height());
            box.lineSpacing = Math.max(box.lineSpacing, font.lineSpacing());
            for (int i = 0; i < run.text().length(); ) {
                int cp = run.text().codePointAt(i);
                if (font.advance(cp) == 0) {
                    throw new MultiSyntaxException(MultiError.CHARACTER_NOT_DEFINED, run.position() + i,
                            String.format("no glyph for U+%04X '%s' in font %d", cp, new String(Character.toChars(cp)), font.number()));
                }
                box.width += font.advance(cp);
                box.characters++;
                i += Character.charCount(cp);
            }
        }
        return box;
    }

    private FontSet.Font font(int number, int position) throws MultiSyntaxException {
        FontSet.Font font = fonts.font(number);
        if (font == null) {
            throw new MultiSyntaxException(MultiError.FONT_NOT_DEFINED, position, "font " + number + " is not on this sign; use [fo1] or [fo2]");
        }
        return font;
    }

    private void drawLine(int[] pixels, LineBox box, int top) {
        int extra = panel.width() - box.width;
        int x = switch (box.line.justification()) {
            case LEFT, FULL -> 0;
            case CENTER -> extra / 2;
            case RIGHT -> extra;
        };
        boolean full = box.line.justification() == Justification.Line.FULL && box.characters > 1;
        int drawn = 0;
        for (MultiMessage.Run run : box.line.runs()) {
            FontSet.Font font = fonts.font(run.font());
            int glyphTop = top + box.height - font.height();
            for (int i = 0; i < run.text().length(); ) {
                int cp = run.text().codePointAt(i);
                drawGlyph(pixels, font, cp, x, glyphTop, run.colour().rgb());
                x += font.advance(cp);
                drawn++;
                if (full && drawn < box.characters) {
                    x += extra / (box.characters - 1) + (drawn <= extra % (box.characters - 1) ? 1 : 0);
                }
                i += Character.charCount(cp);
            }
        }
    }

    private void drawGlyph(int[] pixels, FontSet.Font font, int cp, int left, int top, int rgb) {
        HexFont glyphs = font.glyphs();
        int scale = font.scale();
        for (int gy = 0; gy < HexFont.HEIGHT; gy++) {
            for (int gx = 0; gx < glyphs.width(cp); gx++) {
                if (!glyphs.pixel(cp, gx, gy)) {
                    continue;
                }
                for (int dy = 0; dy < scale; dy++) {
                    int y = top + gy * scale + dy;
                    for (int dx = 0; dx < scale; dx++) {
                        int x = left + gx * scale + dx;
                        if (x >= 0 && x < panel.width() && y >= 0 && y < panel.height()) {
                            pixels[y * panel.width() + x] = rgb;
                        }
                    }
                }
            }
        }
    }

    private static MultiSyntaxException tooBig(MultiMessage.Line line, String detail) {
        int position = line.runs().isEmpty() ? -1 : line.runs().get(0).position();
        return new MultiSyntaxException(MultiError.TEXT_TOO_BIG, position, detail);
    }

    /** A measured line. */
    private static final class LineBox {
        final MultiMessage.Line line;
        int width;
        int height;
        int lineSpacing;
        int characters;
        int top;

        LineBox(MultiMessage.Line line) {
            this.line = line;
        }
    }
}
