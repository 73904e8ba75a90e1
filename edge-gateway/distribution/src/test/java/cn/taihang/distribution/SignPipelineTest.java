package cn.taihang.distribution;

import cn.taihang.bridge.testing.TestSecurity;
import cn.taihang.bridge.module.Scopes;
import org.junit.jupiter.api.extension.RegisterExtension;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.bridge.Bridge;
import cn.taihang.bridge.BridgeOptions;
import cn.taihang.bridge.RunningBridge;
import cn.taihang.hardware.sim.harness.HarnessServer;
import cn.taihang.hardware.sim.harness.VirtualBoard;
import cn.taihang.launcher.EmbeddedGateway;
import cn.taihang.launcher.LaunchSpec;
import cn.taihang.sign.rendering.Bitmap;
import cn.taihang.sign.rendering.ColourScheme;
import cn.taihang.sign.rendering.PngEncoder;
import cn.taihang.sign.panel.PanelEmulator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Constructor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The real distribution in Felix with a sign on the simulated board's serial port and a virtual panel controller
 * behind it: an operator message through the real bridge (PUT → retained sign-message command) reaches the panel, and
 * the bridge's image of the sign is exactly what the panel shows; with the bridge gone, a fog alarm on the gateway
 * puts the warning up and its clearing takes it down. Pictures of the run go to {@code target/sign-images/}.
 */
@Tag("framework")
class SignPipelineTest {

    @RegisterExtension
    static final TestSecurity SECURITY = new TestSecurity();

    private static final String GATEWAY = "gw-sign-test";
    private static final String SIGN = "sign-test-board";

    @TempDir
    Path dir;

    private final HttpClient http = SECURITY.httpClient();
    private final ObjectMapper json = new ObjectMapper();

    /** A panel controller on the simulated serial port: the protocol's reference emulator behind the harness. */
    private static PanelEmulator wirePanel(VirtualBoard board) {
        PanelEmulator panel = new PanelEmulator(256, 128, ColourScheme.TRICOLOUR, 8, "virtual 1.0");
        board.addTxListener((port, text) -> {
            if (port.equals("sign-1")) {
                String reply = panel.onLine(text, System.currentTimeMillis());
                if (reply != null) {
                    board.sendLine(port, reply);
                }
            }
        });
        return panel;
    }

    @Test
    void anOperatorMessageFromTheBridgeIsWhatThePanelShowsAndAFogAlarmOverridesItWithoutUplink() throws Exception {
        RunningBridge bridge = Bridge.start(SECURITY.options(dir.resolve("bridge"))).toCompletableFuture().get(60, TimeUnit.SECONDS);
        try (HarnessServer harness = HarnessServer.start()) {
            PanelEmulator panel = wirePanel(harness.board(GATEWAY));
            Path config = Enrolment.pinCommandAnchor(bridge, Files.writeString(dir.resolve("gateway.json"), """
                    {
                      "cn.taihang.gateway": {"gatewayId": "%s", "site": "jincheng-east-bus", "siteName": "晋城客运东站 Jincheng East Bus Station",
                                             "identityDir": "%s"},
                      "cn.taihang.cloudlink": {"brokerUrl": "%s"},
                      "cn.taihang.hardware.sim": {"harnessPort": %d, "nodeId": "%s"},
                      "cn.taihang.sign~board": {"device": "%s", "description": "候车厅大屏 / waiting hall board", "role": "local",
                                                "width": 256, "height": 128, "colourScheme": "TRICOLOUR", "serialPort": "sign-1",
                                                "statusPollSeconds": 1, "commsLossMinutes": 0}
                    }
                    """.formatted(GATEWAY, SECURITY.pki().gateway(GATEWAY, "jincheng-east-bus"), bridge.brokerUrl(), harness.port(), GATEWAY, SIGN)));
            try (EmbeddedGateway gateway = EmbeddedGateway.start(new LaunchSpec(config, dir.resolve("data"),
                    DistributionBootTest.DIST.resolve("bundles"), Map.of(), Duration.ofSeconds(15)))) {
                assertThat(gateway.readiness().problems()).isEmpty();
                // the status record may be stored before the birth that lists the sign (and its description) after it registered
                await().atMost(30, TimeUnit.SECONDS).until(() -> "SHOWN".equals(sign(bridge).path("state").asText())
                        && sign(bridge).path("description").isTextual());
                assertThat(sign(bridge).path("description").asText()).isEqualTo("候车厅大屏 / waiting hall board");

                String welcome = "[jp3][cf3]晋城欢迎您[nl][cf9]一部手机游晋城[np][jp3][cf3]Welcome to Jincheng[nl][cf9]Tour Jincheng by phone";
                HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(bridge.httpUrl() + "/api/v1/signs/" + SIGN + "/message")).header("Authorization", SECURITY.bearer(Scopes.SIGNS_WRITE, Scopes.TELEMETRY_READ))
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"multi\":\"" + welcome + "\",\"priority\":100,\"duration\":30,\"source\":\"operator:test\"}"))
                        .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
                assertThat(put.statusCode()).as(put.body()).isEqualTo(202);
                await().atMost(30, TimeUnit.SECONDS).until(() -> panel.shownPages().size() == 2
                        && welcome.equals(sign(bridge).path("message").asText()) && "SHOWN".equals(sign(bridge).path("state").asText()));

                HttpResponse<byte[]> image = http.send(HttpRequest.newBuilder(URI.create(bridge.httpUrl() + "/api/v1/signs/" + SIGN + "/image.png")).header("Authorization", SECURITY.bearer(Scopes.SIGNS_WRITE, Scopes.TELEMETRY_READ))
                        .build(), HttpResponse.BodyHandlers.ofByteArray());
                assertThat(image.statusCode()).isEqualTo(200);
                Bitmap onPanel = Bitmap.stack(panel.shownPages());
                BufferedImage fromBridge = ImageIO.read(new ByteArrayInputStream(image.body()));
                assertThat(fromBridge.getWidth()).isEqualTo(256);
                assertThat(fromBridge.getHeight()).isEqualTo(256);
                int differing = 0;
                for (int y = 0; y < onPanel.height(); y++) {
                    for (int x = 0; x < onPanel.width(); x++) {
                        differing += (fromBridge.getRGB(x, y) & 0xFFFFFF) == onPanel.rgb(x, y) ? 0 : 1;
                    }
                }
                assertThat(differing).as("pixels of the bridge's image that differ from the panel's LEDs").isZero();
                assertThat(onPanel.litPixels()).isGreaterThan(500);
                write("framework-operator-message-bridge.png", image.body());
                write("framework-operator-message-panel.png", new PngEncoder().encode(onPanel));

                bridge.close();
                BundleContext context = gateway.framework().getBundleContext();
                Object alarms = service(context, "cn.taihang.gateway.api.Alarms");
                Instant raised = Instant.now();
                alarms.getClass().getMethod("raise", alarmClass(context)).invoke(alarms, fog(context));
                await().atMost(10, TimeUnit.SECONDS).until(() -> panel.shownPages().size() == 2 && !Bitmap.stack(panel.shownPages()).equals(onPanel));
                long millis = Duration.between(raised, Instant.now()).toMillis();
                System.out.println("fog warning on the panel " + millis + " ms after the alarm (no uplink)");
                write("framework-fog-warning.png", new PngEncoder().encode(Bitmap.stack(panel.shownPages())));
                assertThat(panel.shownPages().get(0).litPixels()).isPositive();

                alarms.getClass().getMethod("clear", String.class, String.class).invoke(alarms, "fog@vis-test", "visibility back to 800 m");
                await().atMost(10, TimeUnit.SECONDS).until(() -> !panel.shownPages().isEmpty() && Bitmap.stack(panel.shownPages()).equals(onPanel));
            }
        } finally {
            bridge.close();
        }
    }

    private JsonNode sign(RunningBridge bridge) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(bridge.httpUrl() + "/api/v1/signs")).header("Authorization", SECURITY.bearer(Scopes.SIGNS_WRITE, Scopes.TELEMETRY_READ)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        for (JsonNode item : json.readTree(r.body()).path("items")) {
            if (item.path("id").asText().equals(SIGN)) {
                return item;
            }
        }
        return json.createObjectNode();
    }

    private static void write(String name, byte[] png) throws Exception {
        Path out = Path.of("target", "sign-images");
        Files.createDirectories(out);
        Files.write(out.resolve(name), png);
    }

    private static Class<?> alarmClass(BundleContext context) throws Exception {
        for (Bundle b : context.getBundles()) {
            if ("cn.taihang.gateway-api".equals(b.getSymbolicName())) {
                return b.loadClass("cn.taihang.gateway.api.Alarm");
            }
        }
        throw new AssertionError("gateway-api bundle not installed");
    }

    /** An Alarm of the framework's class space: fog from a visibility sensor. */
    private static Object fog(BundleContext context) throws Exception {
        Class<?> alarm = alarmClass(context);
        Class<?> severity = alarm.getClassLoader().loadClass("cn.taihang.gateway.api.AlarmSeverity");
        Object critical = severity.getMethod("valueOf", String.class).invoke(null, "CRITICAL");
        Constructor<?> make = alarm.getConstructors()[0];
        return make.newInstance("fog@vis-test", "fog", critical, "vis-test", "前方大雾 / Fog ahead", Instant.now(), Map.of("visibility", 60));
    }

    private static Object service(BundleContext context, String type) throws Exception {
        ServiceReference<?>[] references = context.getAllServiceReferences(type, null);
        assertThat(references).as(type + " registered").isNotEmpty();
        return context.getService(references[0]);
    }
}
