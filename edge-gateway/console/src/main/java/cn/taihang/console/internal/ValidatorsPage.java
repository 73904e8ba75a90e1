package cn.taihang.console.internal;

import cn.taihang.gateway.api.DeviceInfo;
import cn.taihang.gateway.api.ScanEntry;
import cn.taihang.gateway.api.TicketCheck;
import cn.taihang.gateway.api.TicketCheckResult;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.osgi.framework.ServiceReference;

/**
 * Validators: each gate or key locker that offers a {@link TicketCheck}, with its channels (live), its latest scans
 * (time, code, bilingual message, ticket id — no personal data) and a "test scan" box that runs a pasted ticket
 * through the gate's full validation without opening it, writing the ledger or publishing a record. Test scans are
 * audited with the verdict and ticket id only (never the pasted text, which is a valid credential).
 */
final class ValidatorsPage {

    static final int RECENT = 20;
    static final int MAX_TICKET = 2048;

    void show(Exchange x) throws Exception {
        show(x, HttpServletResponse.SC_OK, null, null);
    }

    private void show(Exchange x, int status, String testedGate, Map<String, Object> result) throws Exception {
        Map<String, Object> model = x.model("/validators");
        model.put("page", "validators");
        Map<String, DeviceInfo> devices = new HashMap<>();
        x.console.services.devices().devices().forEach(d -> devices.put(d.id(), d));
        List<Map<String, Object>> gates = new ArrayList<>();
        x.console.eachService(TicketCheck.class, (check, reference) -> {
            String id = device(reference);
            DeviceInfo d = devices.get(id);
            Map<String, Object> row = Exchange.row();
            row.put("id", id);
            row.put("kind", d == null ? "" : d.kind());
            row.put("description", d == null ? "" : d.description());
            row.put("channels", d == null ? List.of() : d.channels().stream().map(c -> Map.of("name", c.name(), "state", c.state().name(),
                    "value", c.value(), "detail", c.detail())).toList());
            row.put("scans", check.recentScans(RECENT).stream().map(ValidatorsPage::scan).toList());
            if (id.equals(testedGate)) {
                row.put("result", result);
            }
            gates.add(row);
        });
        gates.sort(Comparator.comparing(g -> (String) g.get("id")));
        model.put("gates", gates);
        model.put("maxTicket", MAX_TICKET);
        x.page(status, "validators", model);
    }

    void testScan(Exchange x) throws Exception {
        String gate = x.param("id");
        String text = x.request.getParameter("ticket") == null ? "" : x.request.getParameter("ticket");
        if (text.isBlank() || text.length() > MAX_TICKET) {
            Map<String, Object> problem = Exchange.row();
            problem.put("error", x.text("validators.pasteTicket", MAX_TICKET));
            show(x, HttpServletResponse.SC_BAD_REQUEST, gate, problem);
            return;
        }
        AtomicReference<TicketCheckResult> outcome = new AtomicReference<>();
        x.console.eachService(TicketCheck.class, (check, reference) -> {
            if (outcome.get() == null && device(reference).equals(gate)) {
                outcome.set(check.check(text.strip()));
            }
        });
        TicketCheckResult r = outcome.get();
        if (r == null) {
            x.message(HttpServletResponse.SC_NOT_FOUND, "error.notFound.title", "validators.noSuchGate");
            return;
        }
        Object ticket = r.details().getOrDefault("ticket", "");
        x.audit("ticket.test-scan", "gate " + gate, r.reason() + (ticket.toString().isEmpty() ? "" : " ticket " + ticket) + " (gate not opened)");
        Map<String, Object> result = Exchange.row();
        result.put("accepted", r.accepted());
        result.put("reason", r.reason());
        result.put("message", r.message());
        result.put("detail", String.valueOf(r.details().getOrDefault("detail", "")));
        result.put("ticket", ticket.toString());
        result.put("key", String.valueOf(r.details().getOrDefault("key", "")));
        result.put("issuedAt", String.valueOf(r.details().getOrDefault("issuedAt", "")));
        result.put("entitlements", r.details().get("entitlements") instanceof List<?> list ? list.stream().map(ValidatorsPage::entitlement).toList()
                : List.of());
        result.put("usedHere", r.details().containsKey("usedHere") ? String.valueOf(r.details().get("usedHere")) : "");
        result.put("slot", r.details().containsKey("slot") ? String.valueOf(r.details().get("slot")) : "");
        result.put("action", String.valueOf(r.details().getOrDefault("action", "")));
        show(x, HttpServletResponse.SC_OK, gate, result);
    }

    /** @return the gate's device id: the {@code taihang.device} service property, else the configuration's {@code device} */
    static String device(ServiceReference<?> reference) {
        Object id = reference.getProperty(TicketCheck.DEVICE_PROPERTY);
        if (id == null) {
            id = reference.getProperty("device");
        }
        return id == null ? "service " + reference.getProperty("service.id") : id.toString();
    }

    private static Map<String, Object> scan(ScanEntry s) {
        Map<String, Object> row = Exchange.row();
        row.put("time", s.time().toString());
        row.put("accepted", s.accepted());
        row.put("reason", s.reason());
        row.put("message", s.message());
        row.put("ticket", s.ticket());
        return row;
    }

    private static Map<String, Object> entitlement(Object e) {
        Map<String, Object> row = Exchange.row();
        if (e instanceof Map<?, ?> m) {
            for (String key : List.of("kind", "place", "validFrom", "validUntil", "uses")) {
                row.put(key, String.valueOf(m.get(key)));
            }
        }
        return row;
    }
}
