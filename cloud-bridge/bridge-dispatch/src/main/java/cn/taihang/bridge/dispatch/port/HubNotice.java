package cn.taihang.bridge.dispatch.port;

import java.time.Instant;
import java.util.List;

/**
 * What dispatch wants a hub's signs to show: bilingual lines, most important first.
 *
 * @param site the hub's site id (its gateways drive the signs)
 * @param messageId stable id of the content: the same content keeps the same id, so a sign can skip repeats
 * @param lines bilingual text lines
 * @param priority 1 (highest) … 255, as NTCIP 1203 message priority
 * @param validUntil when the content stops being true (the sign falls back to its default message)
 */
public record HubNotice(String site, String messageId, List<Line> lines, int priority, Instant validUntil) {

    /** Copies the lines. */
    public HubNotice {
        lines = List.copyOf(lines);
    }

    /**
     * One line of text in both languages.
     *
     * @param zh Chinese
     * @param en English
     */
    public record Line(String zh, String en) {}
}
