package cn.taihang.console.internal;

import cn.taihang.gateway.api.DeviceInfo;
import cn.taihang.gateway.api.SignDisplay;
import cn.taihang.gateway.api.SignDisplayException;
import cn.taihang.gateway.api.SignSnapshot;
import jakarta.servlet.http.HttpServletResponse;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32;

/**
 * Signs: for each {@link SignDisplay} of the gateway the picture of what it shows now (all pages, served as PNG by
 * {@code /signs/image}), its message, source, priority and expiry, the panel's link, brightness, temperature and pixel
 * faults, with the channels updating live; technicians send a bilingual test message or a test pattern, both
 * audited. A sign refuses a test under a message of a higher priority (e.g. a fog warning) and says why.
 */
final class SignsPage {

    /** Per page; the two pages and the empty line between them fit the sign's limit. */
    static final int MAX_TEXT = (SignDisplay.MAX_TEST_TEXT - 2) / 2;

    void show(Exchange x) throws Exception {
        show(x, HttpServletResponse.SC_OK, null, null);
    }

    private void show(Exchange x, int status, String errorSign, String error) throws Exception {
        Map<String, Object> model = x.model("/signs");
        model.put("page", "signs");
        Map<String, DeviceInfo> devices = new java.util.HashMap<>();
        x.console.services.devices().devices().forEach(d -> devices.put(d.id(), d));
        List<Map<String, Object>> signs = new ArrayList<>();
        for (SignSnapshot s : snapshots(x)) {
            Map<String, Object> row = Exchange.row();
            row.put("id", s.id());
            row.put("description", s.description());
            row.put("size", s.width() + " × " + s.height());
            row.put("colours", s.colours());
            row.put("multi", s.multi());
            row.put("origin", s.origin());
            row.put("source", s.source());
            row.put("priority", s.priority());
            row.put("since", s.activatedAt().toString());
            row.put("expires", s.expiresAt() == null ? "" : s.expiresAt().toString());
            row.put("confirmed", s.confirmed());
            row.put("link", s.link());
            row.put("brightness", s.brightness() < 0 ? "" : s.brightness() + " %");
            row.put("temperature", Double.isNaN(s.temperatureCelsius()) ? "" : String.format("%.1f °C", s.temperatureCelsius()));
            row.put("pixelFaults", s.pixelFaults() < 0 ? "" : Integer.toString(s.pixelFaults()));
            row.put("warnings", s.warnings());
            row.put("pages", s.pages());
            row.put("imageHeight", s.height() * Math.max(1, s.pages()));
            row.put("width", s.width());
            row.put("version", crc(s.png()));
            row.put("hasImage", s.png().length > 0);
            DeviceInfo device = devices.get(s.id());
            row.put("channels", device == null ? List.of() : device.channels().stream().map(c -> Map.of("name", c.name(), "state", c.state().name(),
                    "value", c.value(), "detail", c.detail())).toList());
            if (s.id().equals(errorSign)) {
                row.put("error", error);
            }
            signs.add(row);
        }
        model.put("signs", signs);
        model.put("maxText", MAX_TEXT);
        x.page(status, "signs", model);
    }

    void image(Exchange x) throws Exception {
        SignSnapshot found = snapshots(x).stream().filter(s -> s.id().equals(x.param("id"))).findFirst().orElse(null);
        if (found == null || found.png().length == 0) {
            x.message(HttpServletResponse.SC_NOT_FOUND, "error.notFound.title", "signs.noSuchSign");
            return;
        }
        byte[] png = found.png();
        x.response.setStatus(HttpServletResponse.SC_OK);
        x.response.setContentType("image/png");
        x.response.setHeader("Cache-Control", "no-store");
        x.response.setContentLength(png.length);
        try (OutputStream out = x.response.getOutputStream()) {
            out.write(png);
        }
    }

    void testMessage(Exchange x) throws Exception {
        String zh = x.param("zh") == null ? "" : x.param("zh");
        String en = x.param("en") == null ? "" : x.param("en");
        String id = x.param("id");
        if (zh.isEmpty() && en.isEmpty() || zh.length() > MAX_TEXT || en.length() > MAX_TEXT) {
            show(x, HttpServletResponse.SC_BAD_REQUEST, id, x.text("signs.textNeeded", MAX_TEXT));
            return;
        }
        String text = zh.isEmpty() ? en : en.isEmpty() ? zh : zh + "\n\n" + en;
        run(x, id, "sign.test-message", text.replace("\r", "").replace("\n", " ⏎ "), sign -> sign.showTestMessage(text, x.user()));
    }

    void testPattern(Exchange x) throws Exception {
        run(x, x.param("id"), "sign.test-pattern", "", sign -> sign.showTestPattern(x.user()));
    }

    private interface SignTest {
        SignSnapshot run(SignDisplay sign) throws SignDisplayException;
    }

    private void run(Exchange x, String id, String action, String detail, SignTest test) throws Exception {
        AtomicReference<Object> outcome = new AtomicReference<>();
        x.console.eachService(SignDisplay.class, (sign, reference) -> {
            if (outcome.get() == null && sign.snapshot().id().equals(id)) {
                try {
                    outcome.set(test.run(sign));
                } catch (SignDisplayException e) {
                    outcome.set(e);
                }
            }
        });
        if (outcome.get() == null) {
            x.message(HttpServletResponse.SC_NOT_FOUND, "error.notFound.title", "signs.noSuchSign");
        } else if (outcome.get() instanceof SignDisplayException refused) {
            x.audit(action + ".refused", "sign " + id, refused.reason() + ": " + detail);
            show(x, HttpServletResponse.SC_CONFLICT, id, refused.getMessage());
        } else {
            SignSnapshot shown = (SignSnapshot) outcome.get();
            x.audit(action, "sign " + id, (detail.isEmpty() ? "" : detail + " ") + "(priority " + shown.priority() + ", until " + shown.expiresAt() + ")");
            x.session().flash(action.equals("sign.test-pattern") ? "signs.patternShown" : "signs.testShown");
            x.redirect("diagnostics".equals(x.param("from")) ? "/diagnostics" : "/signs#sign-" + id);
        }
    }

    /** @return every sign's snapshot, ordered by id */
    static List<SignSnapshot> snapshots(Exchange x) throws Exception {
        List<SignSnapshot> all = new ArrayList<>();
        x.console.eachService(SignDisplay.class, (sign, reference) -> all.add(sign.snapshot()));
        all.sort(Comparator.comparing(SignSnapshot::id));
        return all;
    }

    private static String crc(byte[] png) {
        CRC32 crc = new CRC32();
        crc.update(png);
        return Long.toHexString(crc.getValue());
    }
}
