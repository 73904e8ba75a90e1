package cn.taihang.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The templates render in both languages and escape whatever devices and users put in them. */
@Tag("unit")
class ViewsTest {

    private static final String EVIL = "<script>alert(1)</script>\"'&";
    private final Views views = new Views();

    private Map<String, Object> base(String lang) {
        Map<String, Object> m = new HashMap<>();
        m.put("t", views.texts(lang));
        m.put("lang", lang);
        m.put("path", "/devices");
        m.put("here", "/devices?x=\"><script>");
        m.put("active", "/devices");
        m.put("gatewayId", "gw-1");
        m.put("siteName", EVIL);
        m.put("csrf", "token-123");
        m.put("user", Map.of("name", "tech", "role", "technician"));
        m.put("nav", List.of(Map.of("path", "/", "key", "nav.overview"), Map.of("path", "/devices", "key", "nav.devices")));
        m.put("canChange", true);
        m.put("isAdmin", false);
        return m;
    }

    private String render(String template, Map<String, Object> model) throws Exception {
        StringWriter out = new StringWriter();
        views.render(template, model, out);
        return out.toString();
    }

    @Test
    void deviceTextsAreEscapedEverywhere() throws Exception {
        Map<String, Object> m = base("en");
        m.put("page", "devices");
        m.put("devices", List.of(Map.of("id", "sign-1", "kind", "digital-sign", "description", EVIL, "bundle", "b", "count", "",
                "channels", List.of(Map.of("name", EVIL, "state", "FAULT", "value", EVIL, "detail", EVIL)))));
        String html = render("devices", m);
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;");
        assertThat(html).contains("lang=\"en\"").contains("Devices").contains("value=\"token-123\"");
        assertThat(html).contains("back=%2Fdevices%3Fx%3D%22%3E%3Cscript%3E");
    }

    @Test
    void signsValidatorsAndSensorsPagesRenderInBothLanguagesAndEscapeWhatDevicesSay() throws Exception {
        List<Map<String, Object>> channels = List.of(Map.of("name", EVIL, "state", "OK", "value", EVIL, "detail", EVIL));
        for (String lang : Views.LANGUAGES) {
            Map<String, Object> m = base(lang);
            Map<String, Object> sign = new HashMap<>(Map.ofEntries(Map.entry("id", "sign-1"), Map.entry("description", EVIL),
                    Map.entry("size", "256 × 64"), Map.entry("colours", "TRICOLOUR"), Map.entry("multi", EVIL), Map.entry("origin", "LOCAL"),
                    Map.entry("source", EVIL), Map.entry("priority", 200), Map.entry("since", "2026-01-01T00:00:00Z"), Map.entry("expires", ""),
                    Map.entry("confirmed", false), Map.entry("link", true), Map.entry("brightness", "80 %"), Map.entry("temperature", ""),
                    Map.entry("pixelFaults", "0"), Map.entry("warnings", List.of(EVIL)), Map.entry("pages", 2), Map.entry("imageHeight", 128),
                    Map.entry("width", 256), Map.entry("version", "abc"), Map.entry("hasImage", true), Map.entry("channels", channels),
                    Map.entry("error", EVIL)));
            m.put("signs", List.of(sign));
            m.put("maxText", 200);
            String html = render("signs", m);
            assertThat(html).doesNotContain("<script>").contains("/signs/image?id=sign-1&amp;v=abc").contains("action=\"/signs/test\"")
                    .contains(views.texts(lang).get("origin.LOCAL")).contains(views.texts(lang).get("signs.notConfirmed"));

            Map<String, Object> result = new HashMap<>(Map.of("accepted", false, "reason", "BAD_SIGNATURE", "message", EVIL, "detail", EVIL,
                    "ticket", "", "key", "", "issuedAt", "", "entitlements", List.of(), "usedHere", "", "slot", ""));
            result.put("action", "");
            m.put("gates", List.of(Map.of("id", "gate-1", "kind", "ticket-validator", "description", EVIL, "channels", channels, "scans",
                    List.of(Map.of("time", "t", "accepted", true, "reason", "ACCEPTED", "message", EVIL, "ticket", "42")), "result", result)));
            m.put("maxTicket", 2048);
            html = render("validators", m);
            assertThat(html).doesNotContain("<script>").contains("data-verdict=\"BAD_SIGNATURE\"").contains(views.texts(lang).get("validators.notOpened"));

            m.put("alarmsKnown", true);
            m.put("alarms", List.of(Map.of("id", "fog@vis-1", "severity", "CRITICAL", "kind", "fog", "source", "vis-1", "message", EVIL, "since", "t",
                    "details", List.of(EVIL))));
            m.put("sensors", List.of(Map.of("id", "vis-1", "kind", "road-sensor", "description", EVIL, "state", "OK", "channels", channels,
                    "alarms", List.of())));
            html = render("sensors", m);
            assertThat(html).doesNotContain("<script>").contains("data-device=\"vis-1\"").contains(views.texts(lang).get("nav.sensors"));
        }
    }

    @Test
    void bothLanguagesRenderTheLoginPage() throws Exception {
        for (String lang : Views.LANGUAGES) {
            Map<String, Object> m = base(lang);
            m.remove("user");
            m.remove("nav");
            m.put("next", "/");
            m.put("userName", EVIL);
            m.put("noAccounts", false);
            m.put("error", views.texts(lang).get("login.failed"));
            String html = render("login", m);
            assertThat(html).contains(views.texts(lang).get("login.title")).contains(views.texts(lang).get("login.failed"))
                    .doesNotContain("<script>");
        }
        assertThat(views.texts("zh").get("nav.counters")).isEqualTo("车辆计数");
        assertThat(views.texts("fr")).isSameAs(views.texts("zh"));
    }

    @Test
    void aConfigFormShowsDefaultsAndErrors() throws Exception {
        Map<String, Object> m = base("zh");
        m.put("pid", "cn.taihang.counter.lane~l1");
        m.put("name", "车道");
        m.put("description", EVIL);
        m.put("state", "ACTIVE");
        m.put("stateDetail", "");
        m.put("editable", false);
        m.put("adminOnly", false);
        m.put("errors", Map.of("intervalSeconds", "0 不被接受：less than minimum。"));
        m.put("fields", List.of(new ConfigForm.Field("intervalSeconds", "计数间隔（秒）", EVIL, "number", "Integer", false, true, "0", "60",
                List.of(), true).toModel()));
        String html = render("config-form", m);
        assertThat(html).contains("计数间隔（秒）").contains("默认 60").contains("0 不被接受：less than minimum。").contains("disabled")
                .doesNotContain("<script>").doesNotContain("type=\"submit\">保存");
    }
}
