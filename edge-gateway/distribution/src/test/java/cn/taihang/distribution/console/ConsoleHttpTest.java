package cn.taihang.distribution.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The console of the real distribution over plain HTTPS (no browser): TLS, CSRF, roles, headers. */
@Tag("framework")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleHttpTest {

    @TempDir
    static Path dir;

    private ConsoleGateway gateway;

    @BeforeAll
    void boot() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("gateway.log"), """
                2025-05-01 08:00:00,001 INFO  [main] c.t.launcher.GatewayMain - gateway gw-1 ready in 900 ms
                2025-05-01 08:00:01,002 WARN  [uplink] c.t.cloudlink.Uplink - Uplink to ssl://mqtt lost; records are kept
                2025-05-01 08:00:02,003 ERROR [counter] c.t.counter.Lane - <script>alert(1)</script> internal error
                """);
        gateway = ConsoleGateway.start(dir, true, ", \"logFile\": \"" + dir.resolve("gateway.log") + "\"", "", Map.of());
        ConsoleClient admin = new ConsoleClient(gateway).login(ConsoleGateway.ADMIN, ConsoleGateway.ADMIN_PASSWORD);
        admin.createAccount("tech", "technician", "tech-password-1");
        admin.createAccount("view", "viewer", "view-password-1");
    }

    @AfterAll
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void theConsoleServesTheGatewaysOwnCertificateAndNoPlainHttp() throws Exception {
        assertThat(gateway.gateway.readiness().warnings()).as("Felix HTTP's configuration is used (by its ManagedService)")
                .noneMatch(w -> w.contains("org.apache.felix.http"));
        assertThat(gateway.configuration("org.apache.felix.http")).containsEntry("org.apache.felix.https.enable", true)
                .containsEntry("org.apache.felix.http.enable", false).containsEntry("org.osgi.service.http.port.secure", gateway.port);
        X509Certificate own = gateway.certificate();
        HttpResponse<String> response = new ConsoleClient(gateway).get("/login");
        SSLSession session = response.sslSession().orElseThrow();
        assertThat(session.getPeerCertificates()[0]).isEqualTo(own);
        assertThat(own.getSubjectX500Principal().getName()).contains("CN=gw-console-test");
        assertThat(own.getSubjectAlternativeNames()).anySatisfy(name -> assertThat(name.get(1)).isEqualTo("127.0.0.1"));
        HttpClient defaultTrust = HttpClient.newHttpClient();
        assertThatThrownBy(() -> defaultTrust.send(HttpRequest.newBuilder(URI.create(gateway.url("/login"))).build(),
                HttpResponse.BodyHandlers.discarding())).isInstanceOf(SSLHandshakeException.class);
        assertThatThrownBy(() -> defaultTrust.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port + "/login"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    }

    @Test
    void configurationFormsSpeakTheCrewsLanguageAsTheBundlesMetatypeLocalisationGivesIt() throws Exception {
        ConsoleClient admin = new ConsoleClient(gateway).login(ConsoleGateway.ADMIN, ConsoleGateway.ADMIN_PASSWORD);
        assertThat(admin.get("/config").body()).as("Chinese by default").contains("维护控制台").doesNotContain("Maintenance console");
        assertThat(admin.get("/config/edit?pid=cn.taihang.console").body()).contains("HTTPS 端口").contains("闲置超时（分钟）")
                .doesNotContain("HTTPS port");

        assertThat(admin.get("/lang?to=en&back=/config").statusCode()).isEqualTo(303);
        assertThat(admin.get("/config").body()).contains("Maintenance console").doesNotContain("维护控制台");
        assertThat(admin.get("/config/edit?pid=cn.taihang.console").body()).contains("HTTPS port").contains("Session idle timeout (min)")
                .doesNotContain("HTTPS 端口");
    }

    @Test
    void postsWithoutAValidCsrfTokenAreRefused() throws Exception {
        ConsoleClient tech = new ConsoleClient(gateway).login("tech", "tech-password-1");
        Object before = gateway.configuration(ConsoleGateway.LANE_PID).get("intervalSeconds");
        Map<String, String> change = Map.of("pid", ConsoleGateway.LANE_PID, "f.intervalSeconds", "300");

        assertThat(tech.post("/config/edit", change, Map.of()).statusCode()).isEqualTo(403);
        assertThat(tech.post("/config/edit", with(change, "_csrf", "forged-token"), Map.of()).statusCode()).isEqualTo(403);
        String token = tech.token("/config");
        assertThat(tech.post("/config/edit", with(change, "_csrf", token), Map.of("Origin", "https://evil.example")).statusCode())
                .isEqualTo(403);
        assertThat(new ConsoleClient(gateway).post("/login", Map.of("user", "tech", "password", "tech-password-1"), Map.of()).statusCode())
                .as("a login without the login form's token").isEqualTo(403);
        assertThat(gateway.configuration(ConsoleGateway.LANE_PID).get("intervalSeconds")).isEqualTo(before);

        HttpResponse<String> accepted = tech.post("/config/edit", with(change, "_csrf", token), Map.of());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(303);
        assertThat(gateway.configuration(ConsoleGateway.LANE_PID).get("intervalSeconds")).isEqualTo(300);
    }

    @Test
    void aViewerMayLookButNotChange() throws Exception {
        ConsoleClient viewer = new ConsoleClient(gateway).login("view", "view-password-1");
        HttpResponse<String> form = viewer.get("/config/edit?pid=" + ConsoleGateway.LANE_PID);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).doesNotContain("type=\"submit\">保存").contains("disabled");
        HttpResponse<String> refused = viewer.submit("/config", "/config/edit", Map.of("pid", ConsoleGateway.LANE_PID, "f.graceSeconds", "9"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(viewer.submit("/diagnostics", "/diagnostics/pulse", Map.of("pin", "18")).statusCode()).isEqualTo(403);
        assertThat(viewer.get("/users").statusCode()).isEqualTo(403);
        assertThat(viewer.get("/audit").statusCode()).isEqualTo(403);
        assertThat(gateway.configuration(ConsoleGateway.LANE_PID)).doesNotContainKey("graceSeconds");
    }

    @Test
    void aTechnicianMayNotChangeTheGatewaysIdentityOrAccounts() throws Exception {
        ConsoleClient tech = new ConsoleClient(gateway).login("tech", "tech-password-1");
        assertThat(tech.submit("/config", "/config/edit", Map.of("pid", "cn.taihang.gateway", "f.siteName", "x")).statusCode()).isEqualTo(403);
        assertThat(tech.get("/users").statusCode()).isEqualTo(403);
        assertThat(gateway.configuration("cn.taihang.gateway").get("siteName")).isEqualTo("浙水 Zheshui");
    }

    @Test
    void pagesNeedALoginAndCarryProtectiveHeaders() throws Exception {
        ConsoleClient anonymous = new ConsoleClient(gateway);
        HttpResponse<String> overview = anonymous.get("/");
        assertThat(overview.statusCode()).isEqualTo(303);
        assertThat(overview.headers().firstValue("Location")).hasValue("/login?next=%2F");
        assertThat(anonymous.get("/api/devices").statusCode()).isEqualTo(401);
        HttpResponse<String> login = anonymous.get("/login");
        assertThat(login.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'").contains("frame-ancestors 'none'");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        List<String> cookies = login.headers().allValues("Set-Cookie");
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("__Host-taihang-session=").contains("Secure").contains("HttpOnly")
                .contains("SameSite=Strict"));
        assertThat(anonymous.get("/static/console.css").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/static/../bundle.jar").statusCode()).isIn(400, 404);
        assertThat(anonymous.get("/no-such-page").statusCode()).isEqualTo(404);
    }

    @Test
    void theLogPageTailsAndFiltersTheGatewayLog() throws Exception {
        ConsoleClient viewer = new ConsoleClient(gateway).login("view", "view-password-1");
        String all = viewer.get("/logs?level=INFO").body();
        assertThat(all).contains("ready in 900 ms").contains("records are kept").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert");
        String errors = viewer.get("/logs?level=ERROR").body();
        assertThat(errors).contains("internal error").doesNotContain("records are kept");
        assertThat(viewer.get("/logs?level=TRACE&q=UPLINK").body()).contains("records are kept").doesNotContain("ready in 900 ms");
        assertThat(viewer.get("/logs?level=nonsense&lines=-5").statusCode()).isEqualTo(200);
    }

    /** Last: it uses up the login attempts of 127.0.0.1 (10 a minute by default). */
    @Test
    @Order(Integer.MAX_VALUE)
    void loginsFromOneAddressAreRateLimited() throws Exception {
        ConsoleClient guesser = new ConsoleClient(gateway);
        HttpResponse<String> response = null;
        for (int i = 0; i < 12; i++) {
            response = guesser.submit("/login", "/login", Map.of("user", "guess" + i, "password", "wrong-password"));
            if (response.statusCode() == 429) {
                break;
            }
            assertThat(response.statusCode()).isEqualTo(401);
        }
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(response.body()).contains("登录尝试过多");
        HttpResponse<String> rightPassword = guesser.submit("/login", "/login", Map.of("user", "tech", "password", "tech-password-1"));
        assertThat(rightPassword.statusCode()).as("even the right password waits").isEqualTo(429);
    }

    private static Map<String, String> with(Map<String, String> form, String key, String value) {
        Map<String, String> copy = new java.util.LinkedHashMap<>(form);
        copy.put(key, value);
        return copy;
    }
}
