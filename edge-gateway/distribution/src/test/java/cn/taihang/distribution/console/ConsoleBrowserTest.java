package cn.taihang.distribution.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A maintenance crew's phone (headless Chromium) against the console of the real distribution in Felix,
 * on the simulated board. Every page is kept as a screenshot in {@code target/screenshots}.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {

    private static final String TECH = "tech";
    private static final String TECH_PASSWORD = "tech-password-1";
    private static final String VIEWER = "view";
    private static final String VIEWER_PASSWORD = "view-password-1";
    private static final List<String> PAGES = List.of("/", "/devices", "/counters", "/signs", "/validators", "/sensors", "/config",
            "/config/edit?pid=" + ConsoleGateway.LANE_PID, "/diagnostics", "/logs", "/audit", "/users", "/account");

    @TempDir
    static Path dir;

    private ConsoleGateway gateway;
    private Browser browser;

    @BeforeAll
    void start() throws Exception {
        // every browser logs in from 127.0.0.1: lift the per-address rate limit (ConsoleHttpTest checks it)
        // a sign on a serial port nothing answers: the sign page shows its picture with the link down
        // (ConsoleDevicePagesBrowserTest drives the signs, validators and sensors pages)
        gateway = ConsoleGateway.start(dir, true, ", \"loginAttemptsPerMinute\": 600", """
                , "cn.taihang.sign~board": {"device": "sign-hall", "description": "候车厅大屏 / waiting hall board", "role": "local",
                                            "width": 256, "height": 128, "colourScheme": "TRICOLOUR", "serialPort": "sign-1"}
                """, Map.of());
        ConsoleClient admin = new ConsoleClient(gateway).login(ConsoleGateway.ADMIN, ConsoleGateway.ADMIN_PASSWORD);
        admin.createAccount(TECH, "technician", TECH_PASSWORD);
        admin.createAccount(VIEWER, "viewer", VIEWER_PASSWORD);
        admin.createAccount("crew", "technician", "crew-password-1");
        browser = new Browser(gateway);
    }

    @AfterEach
    void logOut() {
        browser.logout();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void anAdminLogsInAndEveryPageShowsInBothLanguages() throws Exception {
        browser.open("/");
        assertThat(browser.driver.getCurrentUrl()).contains("/login");
        assertThat(browser.heading()).isEqualTo("登录");
        browser.shot("01-login-zh");
        browser.login(ConsoleGateway.ADMIN, ConsoleGateway.ADMIN_PASSWORD);
        assertThat(browser.heading()).isEqualTo("概览");
        assertThat(browser.text("main")).contains("等待上传到网桥的记录").contains("关键（票务、告警）").contains("磁盘");
        int n = 2;
        for (String page : PAGES) {
            browser.open(page);
            assertThat(browser.driver.getPageSource()).as(page).doesNotContain("internal error");
            assertThat(browser.heading()).as(page).isNotBlank();
            browser.shot(String.format("%02d-%s-zh", n++, name(page)));
        }
        browser.open("/counters");
        browser.clickToLoad("a[lang=en]");
        assertThat(browser.heading()).isEqualTo("Counters");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/counters");
        browser.shot(String.format("%02d-counters-en", n++));
        for (String page : List.of("/", "/config/edit?pid=" + ConsoleGateway.LANE_PID, "/diagnostics")) {
            browser.open(page);
            assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
            browser.shot(String.format("%02d-%s-en", n++, name(page)));
        }
        browser.open("/");
        assertThat(browser.heading()).isEqualTo("Overview");
        browser.clickToLoad("a[lang=zh-CN]");
        assertThat(browser.heading()).isEqualTo("概览");
    }

    @Test
    void wrongPasswordsLockTheAccountEvenAgainstTheRightOne() throws Exception {
        for (int i = 1; i <= 4; i++) {
            browser.login("crew", "wrong-password-" + i);
            assertThat(browser.text(".notice.bad")).isEqualTo("用户名或密码错误。");
        }
        browser.login("crew", "wrong-password-5");
        assertThat(browser.text(".notice.bad")).contains("该账户已锁定至");
        browser.login("crew", "crew-password-1");
        assertThat(browser.text(".notice.bad")).contains("该账户已锁定至");
        assertThat(browser.heading()).isEqualTo("登录");
        browser.shot("30-locked-zh");
        browser.login(TECH, TECH_PASSWORD);
        browser.open("/audit?q=crew");
        assertThat(browser.text("table.audit")).contains("login.failed").contains("account.locked").contains("login.refused-locked");
    }

    @Test
    void aViewerCannotChangeConfiguration() throws Exception {
        Object before = gateway.configuration(ConsoleGateway.LANE_PID).get("graceSeconds");
        browser.login(VIEWER, VIEWER_PASSWORD);
        browser.open("/config/edit?pid=" + ConsoleGateway.LANE_PID);
        assertThat(browser.text(".notice.info")).contains("您只能查看");
        assertThat(browser.driver.findElements(By.cssSelector("form[action='/config/edit'] button[type=submit]"))).isEmpty();
        List<WebElement> inputs = browser.driver.findElements(By.cssSelector("form[action='/config/edit'] [name^='f.']"));
        assertThat(inputs).isNotEmpty().allSatisfy(i -> assertThat(i.isEnabled()).isFalse());
        browser.shot("31-viewer-config-zh");
        Object status = browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                const form = new URLSearchParams({_csrf: document.querySelector('input[name=_csrf]').value,
                    pid: arguments[0], 'f.graceSeconds': '9'});
                fetch('/config/edit', {method: 'POST', body: form}).then(r => done(r.status));
                """, ConsoleGateway.LANE_PID);
        assertThat(((Number) status).intValue()).as("a viewer's own, valid-token POST").isEqualTo(403);
        assertThat(gateway.configuration(ConsoleGateway.LANE_PID).get("graceSeconds")).isEqualTo(before);
    }

    @Test
    void aTechnicianChangesALaneIntervalAndTheCounterPicksItUp() throws Exception {
        browser.login(TECH, TECH_PASSWORD);
        browser.open("/config/edit?pid=" + ConsoleGateway.LANE_PID);
        assertThat(browser.find("#f-intervalSeconds").getAttribute("value")).isEmpty();
        assertThat(browser.text("#h-intervalSeconds")).contains("默认 60");

        saveInterval("0");
        assertThat(browser.text(".field.invalid .error")).as("refused by the attribute's MetaType validation").startsWith("0 不被接受：");
        browser.shot("32-config-invalid-zh");
        saveInterval("7");
        assertThat(browser.text("#form-error")).contains("组件拒绝了这些值").contains("divide an hour");
        browser.shot("33-config-refused-by-component-zh");
        assertThat(gateway.configuration(ConsoleGateway.LANE_PID)).doesNotContainKey("intervalSeconds");
        await().atMost(10, TimeUnit.SECONDS).until(() -> gateway.laneServiceProperty("device") != null);

        saveInterval("30");
        assertThat(browser.text(".notice.ok")).isEqualTo("已保存：组件已使用新值运行。");
        assertThat(gateway.configuration(ConsoleGateway.LANE_PID)).containsEntry("intervalSeconds", 30);
        assertThat(gateway.laneServiceProperty("intervalSeconds")).isEqualTo(30);
        browser.shot("34-config-applied-zh");

        browser.open("/audit?q=intervalSeconds");
        assertThat(browser.text("table.audit tbody tr:first-child")).contains("tech").contains("127.0.0.1").contains("config.changed")
                .contains("intervalSeconds: (default) → 30");
        assertThat(browser.text("table.audit")).contains("config.refused");
        browser.shot("35-audit-zh");
    }

    private void saveInterval(String value) {
        browser.type("#f-intervalSeconds", value);
        browser.clickToLoad("form[action='/config/edit'] button[type=submit]");
    }

    @Test
    void countersAndLoopsUpdateWithoutReloading() throws Exception {
        browser.login(VIEWER, VIEWER_PASSWORD);
        browser.open("/counters");
        assertThat(browser.text("[data-device='zheshui-l1'] [data-channel='loop-a'] [data-field='value']")).isEqualTo("free");
        browser.script("window.samePage = 'yes';");
        assertThat(gateway.board.sendEdge(17, true, nowMicros())).isTrue();
        await().atMost(15, TimeUnit.SECONDS).untilAsserted(() ->
                assertThat(browser.text("[data-device='zheshui-l1'] [data-channel='loop-a'] [data-field='value']")).isEqualTo("occupied"));
        assertThat(browser.script("return window.samePage;")).as("no reload").isEqualTo("yes");
        browser.shot("36-counters-live-zh");
        assertThat(gateway.board.sendEdge(17, false, nowMicros())).isTrue();
        await().atMost(15, TimeUnit.SECONDS).untilAsserted(() ->
                assertThat(browser.text("[data-device='zheshui-l1'] [data-channel='loop-a'] [data-field='value']")).isEqualTo("free"));
    }

    @Test
    void aTechnicianPulsesTheTestRelay() throws Exception {
        List<Boolean> levels = new CopyOnWriteArrayList<>();
        gateway.board.addOutputListener((pin, high, micros) -> {
            if (pin == ConsoleGateway.RELAY_PIN) {
                levels.add(high);
            }
        });
        browser.login(TECH, TECH_PASSWORD);
        browser.open("/diagnostics");
        browser.clickToLoad("form[action='/diagnostics/pulse'] button");
        assertThat(browser.text(".notice.ok")).isEqualTo("已发送脉冲。");
        await().atMost(10, TimeUnit.SECONDS).until(() -> levels.contains(true) && levels.get(levels.size() - 1).equals(false)
                && levels.indexOf(true) < levels.lastIndexOf(false));
        await().atMost(10, TimeUnit.SECONDS).until(() -> !gateway.board.isClaimed(ConsoleGateway.RELAY_PIN));
        browser.shot("38-diagnostics-pulsed-zh");
        browser.open("/audit?q=relay");
        assertThat(browser.text("table.audit")).contains("relay.pulsed").contains("GPIO 18").contains("500 ms");
    }

    private static String name(String page) {
        String n = page.equals("/") ? "overview" : page.substring(1).replaceAll("[^a-z]+", "-");
        return n.replaceAll("-+$", "");
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }
}
