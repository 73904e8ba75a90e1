package cn.taihang.sign.internal;

import cn.taihang.gateway.api.CommandException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of a {@code sign-message} command, JSON:
 * <pre>
 * {"v": 1, "signs": [
 *   {"sign": "jincheng-hsr-east-board", "action": "activate", "multi": "[jp3]…", "priority": 50,
 *    "duration": 5, "source": "bridge/hub-board", "issued": 1714550400000},
 *   {"sign": "…", "action": "reset"} ]}
 * </pre>
 * {@code duration} in minutes (65535 = infinite) counted from {@code issued} (ms since the epoch; the command's
 * time if absent). At most {@value #MAX_ENTRIES} entries. Unknown fields are refused, so typos are never ignored.
 */
final class CommandBody {

    static final int MAX_ENTRIES = 32;
    private static final JsonFactory JSON = new JsonFactory();

    /**
     * One sign's part.
     *
     * @param sign sign id
     * @param action activate or reset
     * @param multi MULTI text, for activate
     * @param priority 0–255
     * @param duration minutes
     * @param source who asks
     * @param issuedMillis when issued, or 0
     */
    record Entry(String sign, String action, String multi, int priority, int duration, String source, long issuedMillis) {}

    private CommandBody() {
    }

    static List<Entry> parse(byte[] body) throws CommandException {
        try (JsonParser p = JSON.createParser(body)) {
            expect(p.nextToken() == JsonToken.START_OBJECT, "the body is not a JSON object");
            List<Entry> entries = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "v" -> expect(p.currentToken() == JsonToken.VALUE_NUMBER_INT && p.getIntValue() == 1, "v must be 1");
                    case "signs" -> entries = entries(p);
                    default -> throw new CommandException("unknown field '" + field + "' in sign-message");
                }
            }
            expect(entries != null, "sign-message needs a 'signs' array");
            expect(p.nextToken() == null, "text after the JSON object");
            return entries;
        } catch (IOException e) {
            throw new CommandException("sign-message body is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static List<Entry> entries(JsonParser p) throws IOException, CommandException {
        expect(p.currentToken() == JsonToken.START_ARRAY, "'signs' must be an array");
        List<Entry> entries = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            expect(entries.size() < MAX_ENTRIES, "more than " + MAX_ENTRIES + " signs in one command");
            entries.add(entry(p));
        }
        expect(p.currentToken() == JsonToken.END_ARRAY, "'signs' must hold objects");
        return entries;
    }

    private static Entry entry(JsonParser p) throws IOException, CommandException {
        String sign = null;
        String action = "activate";
        String multi = null;
        String source = "bridge";
        int priority = -1;
        int duration = -1;
        long issued = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "sign" -> sign = text(p, value, field);
                case "action" -> action = text(p, value, field);
                case "multi" -> multi = text(p, value, field);
                case "source" -> source = text(p, value, field);
                case "priority" -> priority = (int) number(p, value, field, 0, 255);
                case "duration" -> duration = (int) number(p, value, field, 1, 65535);
                case "issued" -> issued = number(p, value, field, 1, Long.MAX_VALUE);
                default -> throw new CommandException("unknown field '" + field + "' in a sign entry");
            }
        }
        expect(sign != null, "a sign entry needs 'sign'");
        expect(action.equals("activate") || action.equals("reset"), "action must be activate or reset, was " + action);
        if (action.equals("activate")) {
            expect(multi != null && priority >= 0 && duration >= 1, "activate needs multi, priority 0-255 and duration 1-65535 (sign " + sign + ")");
        }
        return new Entry(sign, action, multi, priority, duration, source, issued);
    }

    private static String text(JsonParser p, JsonToken token, String field) throws IOException, CommandException {
        expect(token == JsonToken.VALUE_STRING, "'" + field + "' must be a string");
        return p.getText();
    }

    private static long number(JsonParser p, JsonToken token, String field, long min, long max) throws IOException, CommandException {
        expect(token == JsonToken.VALUE_NUMBER_INT, "'" + field + "' must be a whole number");
        long value = p.getLongValue();
        expect(value >= min && value <= max, "'" + field + "' must be " + min + "-" + max + ", was " + value);
        return value;
    }

    private static void expect(boolean condition, String problem) throws CommandException {
        if (!condition) {
            throw new CommandException(problem);
        }
    }
}
