package cn.taihang.hardware.sim.wire;

/** Reads harness lines into messages; every fault becomes a {@link MalformedLineException}. */
final class HarnessParser {

    private HarnessParser() {
    }

    static HarnessMessage parse(String line) throws MalformedLineException {
        if (line == null || line.isBlank()) {
            throw new MalformedLineException("empty", "empty line");
        }
        if (line.length() > HarnessMessage.MAX_LINE) {
            throw new MalformedLineException("oversized", "line of " + line.length() + " characters");
        }
        int space = line.indexOf(' ');
        String verb = space < 0 ? line : line.substring(0, space);
        String rest = space < 0 ? "" : line.substring(space + 1);
        try {
            return switch (verb) {
                case "HELLO" -> {
                    String[] f = fields(rest, 2, false);
                    yield new HarnessMessage.Hello(f[0], f[1]);
                }
                case "CLAIM" -> {
                    String[] f = fields(rest, 3, true);
                    yield new HarnessMessage.Claim(pin(f[0]), direction(f[1]), f[2]);
                }
                case "RELEASE" -> new HarnessMessage.Release(pin(fields(rest, 1, false)[0]));
                case "OUT" -> {
                    String[] f = fields(rest, 3, false);
                    yield new HarnessMessage.Out(pin(f[0]), level(f[1]), micros(f[2]));
                }
                case "OPEN" -> {
                    String[] f = fields(rest, 2, true);
                    yield new HarnessMessage.Open(f[0], f[1]);
                }
                case "CLOSE" -> new HarnessMessage.Close(fields(rest, 1, false)[0]);
                case "TX" -> {
                    String[] f = optionalText(rest, 1);
                    yield new HarnessMessage.Tx(f[0], f[1]);
                }
                case "EDGE" -> {
                    String[] f = fields(rest, 3, false);
                    yield new HarnessMessage.Edge(pin(f[0]), level(f[1]), micros(f[2]));
                }
                case "LINE" -> {
                    String[] f = optionalText(rest, 2);
                    yield new HarnessMessage.Line(f[0], micros(f[1]), f[2]);
                }
                default -> throw new MalformedLineException("unknown-verb", "unknown verb '" + abbreviate(verb) + "'");
            };
        } catch (IllegalArgumentException e) {
            throw new MalformedLineException("bad-field", verb + ": " + e.getMessage());
        }
    }

    /** Splits into exactly {@code count} fields; with {@code lastIsText} the last one takes the rest of the line. */
    private static String[] fields(String rest, int count, boolean lastIsText) throws MalformedLineException {
        String[] f = rest.split(" ", lastIsText ? count : -1);
        if (f.length != count || rest.isEmpty()) {
            throw new MalformedLineException("field-count", "expected " + count + " fields, got '" + abbreviate(rest) + "'");
        }
        return f;
    }

    /** {@code words} single-word fields, then a text that may be empty or missing. */
    private static String[] optionalText(String rest, int words) throws MalformedLineException {
        String[] f = rest.split(" ", words + 1);
        if (f.length < words || rest.isEmpty()) {
            throw new MalformedLineException("field-count", "expected " + words + " fields and a text, got '"
                    + abbreviate(rest) + "'");
        }
        String[] result = new String[words + 1];
        System.arraycopy(f, 0, result, 0, f.length);
        if (f.length == words) {
            result[words] = "";
        }
        return result;
    }

    private static int pin(String text) throws MalformedLineException {
        if (text.isEmpty() || text.length() > 6 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new MalformedLineException("bad-number", "pin '" + abbreviate(text) + "' is not a GPIO number");
        }
        return Integer.parseInt(text);
    }

    private static long micros(String text) throws MalformedLineException {
        if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new MalformedLineException("bad-number", "timestamp '" + abbreviate(text) + "' is not µs since the epoch");
        }
        return Long.parseLong(text);
    }

    private static boolean level(String text) throws MalformedLineException {
        return switch (text) {
            case "1" -> true;
            case "0" -> false;
            default -> throw new MalformedLineException("bad-level", "level '" + abbreviate(text) + "' is not 0 or 1");
        };
    }

    private static boolean direction(String text) throws MalformedLineException {
        return switch (text) {
            case "OUT" -> true;
            case "IN" -> false;
            default -> throw new MalformedLineException("bad-direction", "direction '" + abbreviate(text) + "' is not IN or OUT");
        };
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
