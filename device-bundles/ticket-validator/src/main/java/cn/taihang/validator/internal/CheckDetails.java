package cn.taihang.validator.internal;

import cn.taihang.validator.domain.Decision;
import cn.taihang.wire.ticket.Entitlement;
import cn.taihang.wire.ticket.Ticket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What a "test scan" shows a crew besides the verdict: the ticket as read and the ledger state. */
final class CheckDetails {

    private static final Pattern LINE_ENDS = Pattern.compile("^[\\r\\n]+|[\\r\\n]+$");

    private CheckDetails() {
    }

    /** @return what a crew pasted into the test-scan box, as a scanner would send it: without line ends around it */
    static String scannedLine(String pasted) {
        return pasted == null ? "" : LINE_ENDS.matcher(pasted).replaceAll("");
    }

    /**
     * Keys: {@code detail}; when a ticket was read: {@code ticket}, {@code key}, {@code issuedAt},
     * {@code entitlements} (list of maps: kind, place, validFrom, validUntil, uses); when one was considered:
     * {@code entitlement} (index), {@code usedHere} (uses on this gateway).
     */
    static Map<String, Object> of(Decision d) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("detail", d.detail());
        Ticket t = d.ticket();
        if (t != null) {
            details.put("ticket", t.idText());
            details.put("key", t.keyId());
            details.put("issuedAt", t.issuedAt().toString());
            List<Map<String, Object>> entitlements = new ArrayList<>();
            for (Entitlement e : t.entitlements()) {
                entitlements.add(Map.of("kind", e.kindName(), "place", e.place(), "validFrom", e.validFrom().toString(),
                        "validUntil", e.validUntil().toString(), "uses", e.uses()));
            }
            details.put("entitlements", List.copyOf(entitlements));
        }
        if (d.entitlement() >= 0) {
            details.put("entitlement", d.entitlement());
            details.put("usedHere", d.state().uses());
        }
        return details;
    }
}
