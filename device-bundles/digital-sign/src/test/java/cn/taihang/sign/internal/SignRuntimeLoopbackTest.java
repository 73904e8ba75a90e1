package cn.taihang.sign.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.taihang.gateway.api.Alarm;
import cn.taihang.gateway.api.AlarmSeverity;
import cn.taihang.sign.api.SignView;
import cn.taihang.sign.domain.Activation;
import cn.taihang.sign.domain.ActivationException;
import cn.taihang.sign.rendering.MultiError;
import cn.taihang.sign.rendering.Bitmap;
import cn.taihang.sign.rendering.ColourScheme;
import cn.taihang.sign.domain.MessageOrigin;
import cn.taihang.sign.rendering.SignImages;
import cn.taihang.sign.rendering.TestFonts;
import cn.taihang.sign.panel.LineFaults;
import cn.taihang.sign.panel.PanelEmulator;
import cn.taihang.testkit.config.Configs;
import cn.taihang.testkit.gateway.FakeOutbox;
import cn.taihang.testkit.time.RunningClock;
import cn.taihang.wire.records.RecordKinds;
import cn.taihang.wire.records.SignReport;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** One sign at work against a panel controller on a loopback socket: activations, warnings, status, recovery. */
@Tag("loopback")
class SignRuntimeLoopbackTest {

    private static final Instant T0 = Instant.parse("2025-05-01T02:00:00Z");

    private final RunningClock clock = new RunningClock(T0);
    private final FakeOutbox outbox = new FakeOutbox();
    private TcpTestPanel panel;
    private SignRuntime runtime;

    @AfterEach
    void stop() throws Exception {
        if (runtime != null) {
            runtime.close();
        }
        if (panel != null) {
            panel.close();
        }
    }

    private SignSettings start(Object... config) throws Exception {
        panel = new TcpTestPanel(new PanelEmulator(192, 64, ColourScheme.MONOCHROME_1BIT, 8, "test"), LineFaults.none(), LineFaults.none());
        Object[] all = new Object[config.length + 10];
        System.arraycopy(new Object[] {"device", "road-1", "transport", SignConfig.Transport.TCP, "tcpPort", panel.port(),
                "statusPollSeconds", 1, "largeType", true}, 0, all, 0, 10);
        System.arraycopy(config, 0, all, 10, config.length);
        SignSettings settings = SignSettings.from(Configs.of(SignConfig.class, all));
        runtime = new SignRuntime(settings, TestFonts.fonts(), received -> new TcpPanelLink("127.0.0.1", panel.port(), received), outbox, clock,
                () -> true);
        return settings;
    }

    private Bitmap onPanel(int page) {
        return panel.emulator.shownPages().size() > page ? panel.emulator.shownPages().get(page) : null;
    }

    @Test
    void anActivationReachesThePanelAndTheStatusRecordCarriesItsImage() throws Exception {
        start();
        SignView accepted = runtime.activate(new Activation("[jp3]王莽岭[nl]停车场满", 50, 5, "bridge", MessageOrigin.CENTRAL, T0));
        assertThat(accepted.multi()).isEqualTo("[jp3]王莽岭[nl]停车场满");
        await().atMost(10, TimeUnit.SECONDS).until(() -> "SHOWN".equals(outbox.latest(RecordKinds.SIGN_STATUS, SignReport.STATE.name())));
        SignView view = runtime.view();
        assertThat(view.confirmed()).isTrue();
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(view.png()));
        Bitmap shown = onPanel(0);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 192; x++) {
                assertThat(png.getRGB(x, y) & 0xFFFFFF).isEqualTo(shown.rgb(x, y));
            }
        }
        assertThat(outbox.latest(RecordKinds.SIGN_STATUS, SignReport.MESSAGE.nameOf(0))).isEqualTo("[jp3]王莽岭[nl]停车场满");
        assertThat(outbox.latest(RecordKinds.SIGN_STATUS, SignReport.PNG.nameOf(0))).isNotBlank();
        SignImages.write("runtime-activation", shown);

        assertThatThrownBy(() -> runtime.activate(new Activation("[fl]闪烁[/fl]", 90, 5, "bridge", MessageOrigin.CENTRAL, T0)))
                .isInstanceOfSatisfying(ActivationException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ActivationException.Reason.SYNTAX_MULTI);
                    assertThat(e.multiError().error()).isEqualTo(MultiError.UNSUPPORTED_TAG);
                });
        assertThatThrownBy(() -> runtime.activate(new Activation("[fo2]晋城高铁东站欢迎您", 90, 5, "bridge", MessageOrigin.CENTRAL, T0)))
                .isInstanceOfSatisfying(ActivationException.class, e -> assertThat(e.multiError().error()).isEqualTo(MultiError.TEXT_TOO_BIG));
        assertThatThrownBy(() -> runtime.activate(new Activation("lower", 10, 5, "bridge", MessageOrigin.CENTRAL, T0)))
                .isInstanceOfSatisfying(ActivationException.class, e -> assertThat(e.reason()).isEqualTo(ActivationException.Reason.PRIORITY));
        assertThat(onPanel(0)).as("refused messages leave the panel as it was").isEqualTo(shown);

        clock.jump(Duration.ofMinutes(5));
        await().atMost(10, TimeUnit.SECONDS).until(() -> panel.emulator.shownCrc() == 0);
        assertThat(runtime.view().origin()).isEqualTo(MessageOrigin.END_DURATION);
    }

    @Test
    void aFogAlarmPutsTheWarningUpAndItsClearingTakesItDown() throws Exception {
        SignSettings settings = start();
        runtime.activate(new Activation("[jp3]欢迎", 50, 60, "bridge", MessageOrigin.CENTRAL, T0));
        await().atMost(10, TimeUnit.SECONDS).until(() -> onPanel(0) != null);
        Bitmap welcome = onPanel(0);
        Alarm fog = new Alarm("fog@vis-1", "fog", AlarmSeverity.CRITICAL, "vis-1", "前方大雾 / Fog ahead", T0, Map.of("visibility", 80));
        settings.warnings().warningFor(fog).ifPresent(runtime::raise);
        await().atMost(10, TimeUnit.SECONDS).until(() -> panel.emulator.shownPages().size() == 2);
        SignImages.write("runtime-fog-zh", onPanel(0));
        SignImages.write("runtime-fog-en", onPanel(1));
        assertThat(runtime.view().origin()).isEqualTo(MessageOrigin.SAFETY);
        assertThat(runtime.view().warnings()).containsExactly("fog@vis-1");
        Alarm otherKind = new Alarm("low-battery", "sensor-offline", AlarmSeverity.WARNING, "vis-1", "x", T0, Map.of());
        assertThat(settings.warnings().warningFor(otherKind)).isEmpty();
        runtime.clear("fog@vis-1");
        await().atMost(10, TimeUnit.SECONDS).until(() -> welcome.equals(onPanel(0)) && panel.emulator.shownPages().size() == 1);
    }

    @Test
    void aPanelThatLosesPowerGetsTheMessageAgainAndBrightnessFollowsThePhotocell() throws Exception {
        start();
        runtime.activate(new Activation("[jp3]晋城", 50, 60, "bridge", MessageOrigin.CENTRAL, T0));
        await().atMost(10, TimeUnit.SECONDS).until(() -> onPanel(0) != null);
        panel.emulator.powerCycle();
        panel.emulator.ambientLux(0);
        await().atMost(10, TimeUnit.SECONDS).until(() -> onPanel(0) != null && panel.emulator.brightness() == 10);
        panel.emulator.pixelFaults(3);
        panel.emulator.temperatureTenths(-52);
        await().atMost(10, TimeUnit.SECONDS).until(() -> runtime.view().pixelFaults() == 3);
        assertThat(runtime.view().temperatureCelsius()).isEqualTo(-5.2);
    }

    @Test
    void aSilentPanelIsReportedDownAndComesBack() throws Exception {
        start("ackTimeoutMillis", 50, "retries", 1);
        runtime.activate(new Activation("[jp3]晋城", 50, 60, "bridge", MessageOrigin.CENTRAL, T0));
        await().atMost(10, TimeUnit.SECONDS).until(() -> runtime.view().confirmed());
        panel.silent(true);
        await().atMost(10, TimeUnit.SECONDS).until(() -> "PANEL_DOWN".equals(outbox.latest(RecordKinds.SIGN_STATUS, SignReport.STATE.name())));
        assertThat(runtime.view().link()).isFalse();
        assertThat(runtime.lastProblem()).contains("did not answer");
        assertThat(outbox.latest(RecordKinds.SIGN_STATUS, SignReport.PNG.nameOf(0))).as("no image is claimed for a panel that does not answer").isNull();
        panel.silent(false);
        clock.jump(Duration.ofSeconds(6));
        await().atMost(10, TimeUnit.SECONDS).until(() -> "SHOWN".equals(outbox.latest(RecordKinds.SIGN_STATUS, SignReport.STATE.name())));
    }
}
