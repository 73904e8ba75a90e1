package cn.taihang.gateway.api;

/**
 * One digital sign of this gateway as the maintenance console sees it, registered as an OSGi service per sign by
 * the sign bundle: what it shows now (with an image), and the crew's on-site tests. Works without an uplink.
 * The service carries the sign's configuration properties; identify the sign by {@link SignSnapshot#id()}.
 *
 * <p>Tests go up as local messages at a fixed test priority and for a few minutes only, so a forgotten test
 * ends by itself; they never replace a safety warning (fog, ice, wind) or any other message of a higher
 * priority. Implementations are thread-safe and do not block on the panel.
 */
public interface SignDisplay {

    /** Longest test text a sign takes, in characters. */
    int MAX_TEST_TEXT = 400;

    /** @return what the sign shows (or is about to show) now; never {@code null}, never blocks on the panel */
    SignSnapshot snapshot();

    /**
     * Shows a test message.
     *
     * @param text plain text, no markup (brackets are shown as they are); a line break starts a new line, an empty
     *     line a new page — e.g. a Chinese page, an empty line, an English page. 1–{@value #MAX_TEST_TEXT} characters.
     * @param operator who asks (the console user), for the sign's source and the records
     * @return the sign right after the message was accepted (the panel follows within a second or so)
     * @throws SignDisplayException if refused, with the reason in Chinese and English
     */
    SignSnapshot showTestMessage(String text, String operator) throws SignDisplayException;

    /**
     * Shows a test pattern: text and blocks in each of the panel's colours, one page per colour, to check every
     * LED module and colour.
     *
     * @param operator who asks (the console user)
     * @return the sign right after the pattern was accepted
     * @throws SignDisplayException if refused (e.g. a safety warning is up)
     */
    SignSnapshot showTestPattern(String operator) throws SignDisplayException;
}
