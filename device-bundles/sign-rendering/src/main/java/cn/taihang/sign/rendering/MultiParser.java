package cn.taihang.sign.rendering;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the subset of NTCIP 1203 MULTI this sign implements. Anything else is refused with a
 * {@link MultiSyntaxException}, never skipped. Stateless and thread-safe.
 *
 * <pre>
 * [nl] [nlN]        new line; N = pixels of spacing above it (0–99)
 * [np]              new page
 * [ptXoY] [pt]      page on time X and off time Y in tenths of a second (0–255; X 0 = default), for this
 *                   and the following pages; [pt] = default
 * [jlN] [jl]        line justification 2 left, 3 centre, 4 right, 5 full; at the start of a line only
 * [jpN] [jp]        page justification 2 top, 3 middle, 4 bottom; before any text of the page only
 * [foN] [fo]        font N (1 = 16 px, 2 = 32 px large type); [fo] = default
 * [cfN] [cfR,G,B] [cf]  foreground colour: classic 0–9 or 24-bit; [cf] = default
 * [[ ]]             a literal [ or ]
 * </pre>
 */
public final class MultiParser {

    /** Longest MULTI string accepted, in characters. */
    public static final int MAX_LENGTH = 2000;
    private static final int MAX_TAG = 40;

    private static final Pattern NL = Pattern.compile("nl(\\d{1,2})?");
    private static final Pattern PT = Pattern.compile("pt(\\d{1,3})?(?:o(\\d{1,3}))?");
    private static final Pattern JL = Pattern.compile("jl(\\d)?");
    private static final Pattern JP = Pattern.compile("jp(\\d)?");
    private static final Pattern FO = Pattern.compile("fo(\\d{1,3})?(,[0-9a-f]{1,4})?");
    private static final Pattern CF = Pattern.compile("cf(?:(\\d{1,3})(?:,(\\d{1,3}),(\\d{1,3}))?)?");
    private static final Map<String, String> UNSUPPORTED = Map.ofEntries(
            Map.entry("fl", "flashing text"), Map.entry("/fl", "flashing text"), Map.entry("mv", "moving text"),
            Map.entry("g", "graphics"), Map.entry("cb", "message background colour"), Map.entry("pb", "page background colour"),
            Map.entry("f", "field data"), Map.entry("tr", "text rectangles"), Map.entry("sc", "character spacing"),
            Map.entry("/sc", "character spacing"), Map.entry("hc", "hexadecimal characters"), Map.entry("cr", "colour rectangles"),
            Map.entry("ms", "manufacturer tags"));

    private final PanelSpec defaults;

    /** @param defaults the panel whose defaults apply where the message sets nothing */
    public MultiParser(PanelSpec defaults) {
        this.defaults = defaults;
    }

    /**
     * @param multi a MULTI string; {@code ""} is a blank message
     * @return the message with defaults resolved
     * @throws MultiSyntaxException naming the NTCIP error and the position
     */
    public MultiMessage parse(String multi) throws MultiSyntaxException {
        if (multi == null) {
            throw new MultiSyntaxException(MultiError.OTHER, -1, "no MULTI text given");
        }
        if (multi.length() > MAX_LENGTH) {
            throw new MultiSyntaxException(MultiError.OTHER, MAX_LENGTH, "longer than " + MAX_LENGTH + " characters");
        }
        return new State(multi).run();
    }

    /** The parser's cursor and the tags in force. */
    private final class State {
        private final String multi;
        private final List<MultiMessage.Page> pages = new ArrayList<>();
        private final List<MultiMessage.Line> lines = new ArrayList<>();
        private final List<MultiMessage.Run> runs = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private int textStart = -1;
        private int font = defaults.defaultFont();
        private Colour colour = defaults.defaultColour();
        private Justification.Line line = defaults.defaultLine();
        private Justification.Page page = defaults.defaultPage();
        private int onTenths = defaults.defaultPageOnTenths();
        private int offTenths = defaults.defaultPageOffTenths();
        private int spacingBefore = -1;

        State(String multi) {
            this.multi = multi;
        }

        MultiMessage run() throws MultiSyntaxException {
            int i = 0;
            while (i < multi.length()) {
                char c = multi.charAt(i);
                if (c == '[' && i + 1 < multi.length() && multi.charAt(i + 1) == '[') {
                    append('[', i);
                    i += 2;
                } else if (c == ']' && i + 1 < multi.length() && multi.charAt(i + 1) == ']') {
                    append(']', i);
                    i += 2;
                } else if (c == ']') {
                    throw new MultiSyntaxException(MultiError.OTHER, i, "a lone ']'; write ']]' for a bracket");
                } else if (c == '[') {
                    int end = multi.indexOf(']', i);
                    if (end < 0 || end - i > MAX_TAG) {
                        throw new MultiSyntaxException(MultiError.OTHER, i, "tag not closed; end it with ']' or write '[[' for a bracket");
                    }
                    tag(multi.substring(i + 1, end).toLowerCase(Locale.ROOT), i);
                    i = end + 1;
                } else if (c < 0x20 || c == 0x7F) {
                    throw new MultiSyntaxException(MultiError.CHARACTER_NOT_DEFINED, i,
                            String.format("control character U+%04X; use [nl] for a new line", (int) c));
                } else {
                    append(c, i);
                    i++;
                }
            }
            endPage();
            return new MultiMessage(multi, pages);
        }

        private void append(char c, int position) {
            if (textStart < 0) {
                textStart = position;
            }
            text.append(c);
        }

        private void tag(String tag, int at) throws MultiSyntaxException {
            Matcher m;
            if ((m = NL.matcher(tag)).matches()) {
                endLine();
                spacingBefore = m.group(1) == null ? -1 : Integer.parseInt(m.group(1));
            } else if (tag.equals("np")) {
                endPage();
            } else if ((m = PT.matcher(tag)).matches()) {
                int on = m.group(1) == null ? 0 : range(m.group(1), 0, 255, at, "page on time");
                int off = m.group(2) == null ? defaults.defaultPageOffTenths() : range(m.group(2), 0, 255, at, "page off time");
                onTenths = on == 0 ? defaults.defaultPageOnTenths() : on;
                offTenths = off;
            } else if ((m = JL.matcher(tag)).matches()) {
                if (!runs.isEmpty() || text.length() > 0) {
                    throw new MultiSyntaxException(MultiError.TAG_CONFLICT, at, "[jl] after text on a line; put it at the start of the line");
                }
                line = m.group(1) == null ? defaults.defaultLine() : justification(Justification.Line.ofCode(Integer.parseInt(m.group(1))), at, "jl");
            } else if ((m = JP.matcher(tag)).matches()) {
                if (!lines.isEmpty() || !runs.isEmpty() || text.length() > 0) {
                    throw new MultiSyntaxException(MultiError.TAG_CONFLICT, at, "[jp] after text on a page; put it at the start of the page");
                }
                page = m.group(1) == null ? defaults.defaultPage() : justification(Justification.Page.ofCode(Integer.parseInt(m.group(1))), at, "jp");
            } else if ((m = FO.matcher(tag)).matches()) {
                if (m.group(2) != null) {
                    throw new MultiSyntaxException(MultiError.FONT_VERSION_ID, at, "font version ids are not used here; write [fo" + m.group(1) + "]");
                }
                endRun();
                font = m.group(1) == null ? defaults.defaultFont() : range(m.group(1), 1, 255, at, "font number");
            } else if ((m = CF.matcher(tag)).matches()) {
                endRun();
                colour = colour(m, at);
            } else {
                String name = tag.replaceAll("[^a-z/].*$", "");
                String what = UNSUPPORTED.get(name);
                throw new MultiSyntaxException(MultiError.UNSUPPORTED_TAG, at, what != null
                        ? "[" + name + "] (" + what + ") is not supported by this sign; remove it"
                        : "unknown tag [" + tag + "]; supported: nl np pt jl jp fo cf");
            }
        }

        private Colour colour(Matcher m, int at) throws MultiSyntaxException {
            if (m.group(1) == null) {
                return defaults.defaultColour();
            }
            if (m.group(2) == null) {
                Colour classic = Colour.classic(range(m.group(1), 0, 9, at, "classic colour"));
                return classic;
            }
            return Colour.of(range(m.group(1), 0, 255, at, "red"), range(m.group(2), 0, 255, at, "green"), range(m.group(3), 0, 255, at, "blue"));
        }

        private <T> T justification(T value, int at, String tag) throws MultiSyntaxException {
            if (value == null) {
                throw new MultiSyntaxException(MultiError.UNSUPPORTED_TAG_VALUE, at, "[" + tag + "] takes "
                        + (tag.equals("jl") ? "2 left, 3 centre, 4 right or 5 full" : "2 top, 3 middle or 4 bottom"));
            }
            return value;
        }

        private int range(String digits, int min, int max, int at, String what) throws MultiSyntaxException {
            int value = Integer.parseInt(digits);
            if (value < min || value > max) {
                throw new MultiSyntaxException(MultiError.UNSUPPORTED_TAG_VALUE, at, what + " must be " + min + "-" + max + ", was " + value);
            }
            return value;
        }

        private void endRun() {
            if (text.length() > 0) {
                runs.add(new MultiMessage.Run(text.toString(), font, colour, textStart));
                text.setLength(0);
                textStart = -1;
            }
        }

        private void endLine() {
            endRun();
            lines.add(new MultiMessage.Line(runs, line, spacingBefore, font));
            runs.clear();
            spacingBefore = -1;
        }

        private void endPage() {
            endLine();
            pages.add(new MultiMessage.Page(lines, page, onTenths, offTenths));
            lines.clear();
        }
    }
}
