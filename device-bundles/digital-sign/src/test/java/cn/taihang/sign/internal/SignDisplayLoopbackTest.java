package cn.taihang.sign.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.taihang.gateway.api.Alarm;
import cn.taihang.gateway.api.AlarmSeverity;
import cn.taihang.gateway.api.SignDisplayException;
import cn.taihang.gateway.api.SignSnapshot;
import cn.taihang.sign.domain.Activation;
import cn.taihang.sign.rendering.Bitmap;
import cn.taihang.sign.rendering.ColourScheme;
import cn.taihang.sign.domain.MessageOrigin;
import cn.taihang.sign.rendering.SignImages;
import cn.taihang.sign.panel.LineFaults;
import cn.taihang.sign.panel.PanelEmulator;
import cn.taihang.testkit.config.Configs;
import cn.taihang.testkit.gateway.FakeOutbox;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The console's view of a sign ({@code SignDisplay}) against a panel controller on a loopback socket: picture, test message, test pattern. */
@Tag("loopback")
class SignDisplayLoopbackTest {

    private TcpTestPanel panel;
    private SignComponent sign;

    @AfterEach
    void stop() throws Exception {
        if (sign != null) {
            sign.deactivate();
        }
        if (panel != null) {
            panel.close();
        }
    }

    private void start(ColourScheme scheme) throws Exception {
        panel = new TcpTestPanel(new PanelEmulator(256, 64, scheme, 8, "test"), LineFaults.none(), LineFaults.none());
        sign = new SignComponent(Configs.of(SignConfig.class, "device", "hall-1", "description", "候车厅 / hall", "transport", SignConfig.Transport.TCP,
                "tcpPort", panel.port(), "width", 256, "height", 64, "colourScheme", scheme, "statusPollSeconds", 1, "testPriority", 180, "testMinutes", 3), new FakeOutbox(),
                new FontResource(), null);
    }

    @Test
    void aTestMessageGoesUpAsAShortLocalMessageAndThePictureIsWhatThePanelShows() throws Exception {
        start(ColourScheme.MONOCHROME_1BIT);
        SignSnapshot shown = sign.showTestMessage("测试 [1]\n第二行\n\nTest [1]", "li");
        assertThat(shown.multi()).isEqualTo("[jp3]测试 [[1]][nl]第二行[np][jp3]Test [[1]]");
        assertThat(shown.origin()).isEqualTo("LOCAL");
        assertThat(shown.source()).isEqualTo("console:li");
        assertThat(shown.priority()).as("the configured test priority").isEqualTo(180);
        Instant end = shown.activatedAt().plus(Duration.ofMinutes(3));
        assertThat(shown.expiresAt()).as("the duration runs from when it was issued, just before").isBetween(end.minusSeconds(5), end);
        assertThat(shown.pages()).isEqualTo(2);
        await().atMost(10, TimeUnit.SECONDS).until(() -> sign.snapshot().confirmed() && panel.emulator.shownPages().size() == 2);
        SignSnapshot confirmed = sign.snapshot();
        assertThat(confirmed.link()).isTrue();
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(confirmed.png()));
        assertThat(png.getWidth()).isEqualTo(256);
        assertThat(png.getHeight()).isEqualTo(128);
        Bitmap onPanel = Bitmap.stack(panel.emulator.shownPages());
        int differing = 0;
        for (int y = 0; y < 128; y++) {
            for (int x = 0; x < 256; x++) {
                differing += (png.getRGB(x, y) & 0xFFFFFF) == onPanel.rgb(x, y) ? 0 : 1;
            }
        }
        assertThat(differing).isZero();
        assertThat(onPanel.litPixels()).isPositive();
        SignImages.write("display-test-message", onPanel);
    }

    @Test
    void badTestTextsAreRefusedWithABilingualReasonAndTheSignKeepsItsMessage() throws Exception {
        start(ColourScheme.MONOCHROME_1BIT);
        String before = sign.snapshot().multi();
        assertThatThrownBy(() -> sign.showTestMessage("   ", "li")).isInstanceOfSatisfying(SignDisplayException.class,
                e -> assertThat(e.reason()).isEqualTo(SignDisplayException.Reason.BAD_TEXT));
        assertThatThrownBy(() -> sign.showTestMessage("x".repeat(SignComponent.MAX_TEST_TEXT + 1), "li"))
                .isInstanceOfSatisfying(SignDisplayException.class, e -> assertThat(e.reason()).isEqualTo(SignDisplayException.Reason.BAD_TEXT));
        assertThatThrownBy(() -> sign.showTestMessage("bell \u0007", "li")).isInstanceOfSatisfying(SignDisplayException.class,
                e -> assertThat(e.getMessage()).contains("控制字符").contains("control characters"));
        assertThatThrownBy(() -> sign.showTestMessage("晋城高铁东站欢迎您晋城高铁东站欢迎您晋城高铁东站欢迎您", "li"))
                .isInstanceOfSatisfying(SignDisplayException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SignDisplayException.Reason.DOES_NOT_FIT);
                    assertThat(e.getMessage()).contains("超出显示屏").contains("does not fit");
                });
        assertThatThrownBy(() -> sign.showTestMessage("\uD83D\uDE00", "li")).isInstanceOfSatisfying(SignDisplayException.class,
                e -> assertThat(e.reason()).isEqualTo(SignDisplayException.Reason.BAD_TEXT));
        assertThatThrownBy(() -> sign.showTestMessage("ok", " ")).isInstanceOf(SignDisplayException.class);
        assertThat(sign.snapshot().multi()).isEqualTo(before);
    }

    @Test
    void aHigherPriorityMessageOrASafetyWarningIsNeverReplacedByATest() throws Exception {
        start(ColourScheme.TRICOLOUR);
        sign.activate(new Activation("[jp3]封路", 230, 30, "bridge/road", MessageOrigin.CENTRAL, Instant.now()));
        assertThatThrownBy(() -> sign.showTestMessage("测试", "li")).isInstanceOfSatisfying(SignDisplayException.class, e -> {
            assertThat(e.reason()).isEqualTo(SignDisplayException.Reason.PRIORITY);
            assertThat(e.getMessage()).contains("优先级").contains("priority 230");
        });
        sign.reset();
        sign.raised(new Alarm("fog@vis-1", "fog", AlarmSeverity.CRITICAL, "vis-1", "前方大雾 / Fog ahead", Instant.now(), Map.of()));
        await().atMost(10, TimeUnit.SECONDS).until(() -> !sign.snapshot().warnings().isEmpty());
        assertThatThrownBy(() -> sign.showTestPattern("li")).isInstanceOfSatisfying(SignDisplayException.class, e -> {
            assertThat(e.reason()).isEqualTo(SignDisplayException.Reason.PRIORITY);
            assertThat(e.getMessage()).contains("fog@vis-1").contains("safety warning");
        });
        assertThat(sign.snapshot().origin()).isEqualTo("SAFETY");
    }

    @Test
    void theTestPatternLightsEachColourOfTheTricolourPanelOnItsOwnPage() throws Exception {
        start(ColourScheme.TRICOLOUR);
        SignSnapshot shown = sign.showTestPattern("li");
        assertThat(shown.pages()).isEqualTo(3);
        assertThat(shown.multi()).contains("[cf1]", "[cf3]", "[cf9]", "测试 TEST", "■");
        await().atMost(10, TimeUnit.SECONDS).until(() -> panel.emulator.shownPages().size() == 3);
        List<Bitmap> pages = panel.emulator.shownPages();
        for (int i = 0; i < pages.size(); i++) {
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < 64; y++) {
                for (int x = 0; x < 256; x++) {
                    colours.add(pages.get(i).rgb(x, y));
                }
            }
            colours.remove(0);
            assertThat(colours).as("page %d lights one colour", i).hasSize(1);
            assertThat(pages.get(i).litPixels()).as("page %d", i).isGreaterThan(1000);
        }
        SignImages.write("display-test-pattern", Bitmap.stack(pages));
    }

    @Test
    void smallPanelsGetASimplerPattern() {
        assertThat(SignComponent.testPatterns(ColourScheme.COLOUR_24BIT, 64, 2)).hasSize(3)
                .allSatisfy(multi -> assertThat(multi.split("\\[np]")).hasSize(2));
        assertThat(SignComponent.testPatterns(ColourScheme.MONOCHROME_1BIT, 192, 6).get(0)).doesNotContain("[cf").contains("■".repeat(22));
    }
}
