package cn.taihang.distribution.console;

import static cn.taihang.distribution.console.FrameworkServices.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.hardware.sim.harness.VirtualBoard;
import cn.taihang.sign.rendering.ColourScheme;
import cn.taihang.sign.panel.PanelEmulator;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
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
 * The console's signs, validators and sensors pages in headless Chromium against the real distribution in Felix on
 * the simulated board: a sign with the protocol's reference panel controller behind its serial port, a ticket gate
 * holding a key ring, and a road sensor reporting over (lab) plain CoAP. Screenshots go to {@code target/screenshots}.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleDevicePagesBrowserTest {

    private static final String TECH = "tech";
    private static final String TECH_PASSWORD = "tech-password-1";
    private static final String VIEWER = "view";
    private static final String VIEWER_PASSWORD = "view-password-1";
    private static final String SIGN = "[data-device='sign-hall']";
    private static final String GATE = "[data-device='gate-east']";
    private static final int RELAY = 22;
    private static final int PLACE = 2001;

    @TempDir
    static Path dir;

    private final PanelEmulator panel = new PanelEmulator(256, 64, ColourScheme.TRICOLOUR, 8, "virtual 1.0");
    private final TestTickets tickets = new TestTickets();
    private ConsoleGateway gateway;
    private FrameworkServices services;
    private Browser browser;

    @BeforeAll
    void start() throws Exception {
        gateway = ConsoleGateway.start(dir, true, ", \"loginAttemptsPerMinute\": 600", """
                , "cn.taihang.sign~hall": {"device": "sign-hall", "description": "候车厅大屏 / waiting hall board", "role": "local",
                                           "width": 256, "height": 64, "colourScheme": "TRICOLOUR", "serialPort": "sign-1",
                                           "statusPollSeconds": 1, "safetySources": ["vis-elsewhere"]}
                , "cn.taihang.validator.gate~east": {"device": "gate-east", "description": "王莽岭东门 / Wangmangling east gate",
                                           "kind": "SCENIC_ENTRANCE", "places": [%d], "scannerPort": "scanner-1",
                                           "relayPin": %d, "greenLedPin": 23, "redLedPin": 24, "buzzerPin": 25}
                , "cn.taihang.coap": {"bindAddress": "127.0.0.1", "securePort": 0, "plainPort": 0}
                , "cn.taihang.roadsensors.sensor~vis": {"sensor": "vis-zw-1", "section": "zheshui-wangmangling", "km": 13.7,
                      "description": "浙水—王莽岭 K13.7 能见度仪 / Zheshui–Wangmangling K13.7 visibility meter"}
                """.formatted(PLACE, RELAY), Map.of(), this::wirePanel);
        services = new FrameworkServices(gateway.context());
        Object trust = services.service("cn.taihang.gateway.api.CommandHandler", "(taihang.command=ticket-keyring)");
        Object command = services.apiClass("cn.taihang.gateway.api.IncomingCommand").getConstructors()[0]
                .newInstance(1L, "ticket-keyring", System.currentTimeMillis(), true, tickets.keyRingCommand());
        assertThat((String) call(trust, "handle", command)).contains("key ring version 1 in use");
        ConsoleClient admin = new ConsoleClient(gateway).login(ConsoleGateway.ADMIN, ConsoleGateway.ADMIN_PASSWORD);
        admin.createAccount(TECH, "technician", TECH_PASSWORD);
        admin.createAccount(VIEWER, "viewer", VIEWER_PASSWORD);
        browser = new Browser(gateway);
    }

    /** The protocol's reference panel controller answers on the sign's serial port of the simulated board. */
    private void wirePanel(VirtualBoard board) {
        board.addTxListener((port, text) -> {
            if (port.equals("sign-1")) {
                String reply = panel.onLine(text, System.currentTimeMillis());
                if (reply != null) {
                    board.sendLine(port, reply);
                }
            }
        });
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
    void theSignPageShowsTheSignsPictureAndATechniciansTestMessageChangesIt() throws Exception {
        browser.login(TECH, TECH_PASSWORD);
        browser.open("/signs");
        assertThat(browser.heading()).isEqualTo("情报板");
        assertThat(browser.text(SIGN + " h2")).contains("sign-hall").contains("256 × 64").contains("红/绿/黄");
        String before = browser.find(SIGN + " img.sign-image").getAttribute("src");
        List<Long> size = imageSize(SIGN + " img.sign-image");
        assertThat(size.get(0)).as("the picture loaded, panel width").isEqualTo(256L);
        assertThat(size.get(1) % 64).as("whole pages of 64 rows").isZero();
        assertThat(size.get(1)).isPositive();
        browser.shot("40-signs-zh");

        browser.find(SIGN + " details summary").click();
        browser.type("#zh-sign-hall", "测试 晋城");
        browser.type("#en-sign-hall", "Test [Jincheng]");
        browser.clickToLoad(SIGN + " form[action='/signs/test'] button");
        assertThat(browser.text(".notice.ok")).startsWith("测试信息已发送到情报板");
        assertThat(browser.text(SIGN + " [data-sign-multi]")).isEqualTo("[jp3]测试 晋城[np][jp3]Test [[Jincheng]]");
        assertThat(browser.text(SIGN + " [data-sign-origin]")).isEqualTo("本地（控制台）");
        assertThat(browser.text(SIGN + " [data-sign-priority]")).isEqualTo("200");
        assertThat(browser.text(SIGN + " [data-sign-expires]")).matches("\\d{4}-.*Z");
        assertThat(browser.find(SIGN + " img.sign-image").getAttribute("src")).as("a new picture").isNotEqualTo(before);
        assertThat(imageSize(SIGN + " img.sign-image")).as("both pages, stacked").isEqualTo(List.of(256L, 128L));
        await().atMost(15, TimeUnit.SECONDS).until(() -> panel.shownPages().size() == 2 && panel.shownPages().get(1).litPixels() > 100);
        browser.shot("41-signs-test-message-zh");

        Object forged = browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/signs/test', {method: 'POST', body: new URLSearchParams({id: 'sign-hall', zh: '无令牌'})}).then(r => done(r.status));
                """);
        assert403(forged, "a technician's POST without the CSRF token");
        browser.open("/signs");
        assertThat(browser.text(SIGN + " [data-sign-multi]")).doesNotContain("无令牌");

        browser.open("/audit?q=sign.test-message");
        assertThat(browser.text("table.audit tbody tr:first-child")).contains("tech").contains("sign sign-hall").contains("测试 晋城")
                .contains("priority 200");
    }

    @Test
    void aViewerSeesTheSignButCannotSendATestMessage() throws Exception {
        browser.login(VIEWER, VIEWER_PASSWORD);
        browser.open("/signs");
        String multi = browser.text(SIGN + " [data-sign-multi]");
        assertThat(browser.driver.findElements(By.cssSelector("form[action='/signs/test']"))).isEmpty();
        browser.find(SIGN + " details summary").click();
        assertThat(browser.text(SIGN + " details")).contains("技术员和管理员可以测试情报板");
        browser.shot("42-signs-viewer-zh");
        Object status = browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                const form = new URLSearchParams({_csrf: document.querySelector('input[name=_csrf]').value, id: 'sign-hall', zh: '非法'});
                fetch('/signs/test', {method: 'POST', body: form}).then(r => done(r.status));
                """);
        assert403(status, "a viewer's own, valid-token POST");
        browser.open("/signs");
        assertThat(browser.text(SIGN + " [data-sign-multi]")).isEqualTo(multi).doesNotContain("非法");
    }

    @Test
    void aTechnicianShowsTheTestPatternFromTheDiagnosticsPage() throws Exception {
        browser.login(TECH, TECH_PASSWORD);
        browser.open("/diagnostics");
        browser.clickToLoad("form[action='/signs/pattern'] button");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/diagnostics");
        assertThat(browser.text(".notice.ok")).startsWith("测试图案已发送到情报板");
        await().atMost(15, TimeUnit.SECONDS).until(() -> panel.shownPages().size() == 3);
        browser.shot("43-diagnostics-test-pattern-zh");
        browser.open("/signs");
        assertThat(browser.text(SIGN + " [data-sign-multi]")).contains("[cf1]", "[cf3]", "[cf9]", "测试 TEST");
        assertThat(imageSize(SIGN + " img.sign-image")).isEqualTo(List.of(256L, 192L));
        browser.shot("44-signs-test-pattern-zh");
    }

    @Test
    void aTestScanShowsTheVerdictAndNeverOpensTheGate() throws Exception {
        VirtualBoard board = gateway.board;
        assertThat(board.awaitPortOpen("scanner-1", java.time.Duration.ofSeconds(10)) && board.awaitClaimed(RELAY, java.time.Duration.ofSeconds(10)))
                .isTrue();
        List<Boolean> relay = new CopyOnWriteArrayList<>();
        board.addOutputListener((pin, high, micros) -> {
            if (pin == RELAY) {
                relay.add(high);
            }
        });
        Object ledger = services.service("cn.taihang.gateway.api.LocalLedger", null);
        browser.login(VIEWER, VIEWER_PASSWORD);
        browser.open("/validators");
        assertThat(browser.heading()).isEqualTo("验票机");
        assertThat(browser.text(GATE + " table.scans")).contains("网关启动以来没有验票");

        testScan(tickets.forged(5001, PLACE));
        assertThat(browser.find(GATE + " .test-result").getAttribute("data-verdict")).isEqualTo("BAD_SIGNATURE");
        assertThat(browser.text(GATE + " .test-result")).contains("闸机将拒绝").contains("票据签名无效 / Invalid or altered ticket");
        browser.shot("45-validators-forged-zh");

        String valid = tickets.scenicTicket(5002, PLACE);
        testScan(valid);
        assertThat(browser.find(GATE + " .test-result").getAttribute("data-verdict")).isEqualTo("ACCEPTED");
        assertThat(browser.text(GATE + " .test-result")).contains("闸机将放行").contains("仅为测试：闸机未开启");
        assertThat(browser.text(GATE + " dl.facts")).contains("5002");
        assertThat(browser.text(GATE + " table.entitlements")).contains("2001");
        browser.shot("46-validators-valid-zh");
        assertThat(relay).as("the relay never moved").isEmpty();
        assertThat(board.outputLevel(RELAY)).isFalse();
        assertThat((List<?>) call(ledger, "entries", "ticket-ledger")).as("no ledger entry").isEmpty();
        assertThat(browser.text(GATE + " table.scans")).as("test scans are not scans").contains("网关启动以来没有验票");

        assertThat(board.sendLine("scanner-1", valid)).isTrue();
        await().atMost(10, TimeUnit.SECONDS).until(() -> relay.contains(true));
        browser.open("/validators");
        assertThat(browser.text(GATE + " table.scans tbody tr:first-child")).contains("ACCEPTED").contains("5002").contains("请通行 / Welcome");
        testScan(valid);
        assertThat(browser.find(GATE + " .test-result").getAttribute("data-verdict")).isIn("REPLAYED", "PASSBACK");
        browser.shot("47-validators-used-ticket-zh");

        browser.logout();
        browser.login(TECH, TECH_PASSWORD);
        browser.open("/audit?q=ticket.test-scan");
        assertThat(browser.text("table.audit")).contains("gate gate-east").contains("BAD_SIGNATURE").contains("ACCEPTED ticket 5002 (gate not opened)")
                .doesNotContain(valid);
    }

    private void testScan(String ticket) {
        WebElement box = browser.find("#ticket-gate-east");
        box.clear();
        browser.script("arguments[0].value = arguments[1];", box, ticket);
        browser.clickToLoad(GATE + " form[action^='/validators/test'] button");
    }

    @Test
    void theSensorsPageListsTheSensorWithItsReadingAndTheFogAlarm() throws Exception {
        Object coap = services.service("cn.taihang.coap.api.CoapSensorServer", null);
        int port = ((InetSocketAddress) ((Optional<?>) call(coap, "plainAddress")).orElseThrow()).getPort();
        CoapConfig.register();
        UdpConfig.register();
        CoapEndpoint endpoint = CoapEndpoint.builder().setConfiguration(Configuration.createStandardWithoutFile()).build();
        CoapClient sensor = new CoapClient("coap://127.0.0.1:" + port + "/senml?sensor=vis-zw-1");
        try {
            sensor.setEndpoint(endpoint);
            sensor.setTimeout(5000L);
            CoapResponse answer = sensor.post("[{\"bn\":\"3300/0/\",\"n\":\"5750\",\"vs\":\"visibility\"},{\"n\":\"5700\",\"u\":\"m\",\"v\":120}]",
                    MediaTypeRegistry.APPLICATION_SENML_JSON);
            assertThat(answer.getCode()).isEqualTo(ResponseCode.CHANGED);
        } finally {
            sensor.shutdown();
            endpoint.destroy();
        }
        browser.login(VIEWER, VIEWER_PASSWORD);
        browser.open("/sensors");
        assertThat(browser.heading()).isEqualTo("传感器");
        String sensorCard = "[data-device='vis-zw-1']";
        assertThat(browser.text(sensorCard + " h2")).contains("vis-zw-1").contains("road-sensor");
        assertThat(browser.text(sensorCard)).contains("浙水—王莽岭 K13.7 能见度仪");
        assertThat(browser.text(sensorCard + " [data-channel='presence'] [data-field='value']")).isEqualTo("online");
        assertThat(browser.text(sensorCard + " [data-channel='visibility'] [data-field='value']")).contains("120");
        assertThat(browser.text("section.alarms")).contains("fog").contains("vis-zw-1").contains("section = zheshui-wangmangling");
        assertThat(browser.text(sensorCard)).contains("大雾");
        browser.shot("48-sensors-zh");
    }

    @Test
    void theNewPagesShowInEnglish() throws Exception {
        browser.login(VIEWER, VIEWER_PASSWORD);
        browser.open("/lang?to=en&back=%2Fsigns");
        assertThat(browser.heading()).isEqualTo("Signs");
        assertThat(imageSize(SIGN + " img.sign-image").get(0)).isEqualTo(256L);
        browser.shot("49-signs-en");
        browser.open("/validators");
        assertThat(browser.heading()).isEqualTo("Validators");
        assertThat(browser.text(GATE)).contains("Test scan");
        browser.shot("50-validators-en");
        browser.open("/sensors");
        assertThat(browser.heading()).isEqualTo("Sensors");
        browser.shot("51-sensors-en");
    }

    private static void assert403(Object status, String what) {
        assertThat(((Number) status).intValue()).as(what).isEqualTo(403);
    }

    /** @return the natural width and height of a loaded image, waiting for it to load */
    @SuppressWarnings("unchecked")
    private List<Long> imageSize(String css) {
        WebElement img = browser.find(css);
        await().atMost(10, TimeUnit.SECONDS).until(() -> Boolean.TRUE.equals(browser.script("return arguments[0].complete;", img)));
        return (List<Long>) browser.script("return [arguments[0].naturalWidth, arguments[0].naturalHeight];", img);
    }
}
