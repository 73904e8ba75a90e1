package cn.taihang.sign.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.taihang.sign.rendering.ColourScheme;
import cn.taihang.sign.rendering.MessageRenderer;
import cn.taihang.sign.rendering.PanelSpec;
import cn.taihang.sign.rendering.RenderedMessage;
import cn.taihang.sign.rendering.SignImages;
import cn.taihang.sign.rendering.TestFonts;
import cn.taihang.sign.panel.LineFaults;
import cn.taihang.sign.panel.PanelEmulator;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The driver against a panel controller on a real loopback socket that loses and corrupts frames deterministically. */
@Tag("loopback")
class PanelDriverLoopbackTest {

    private final PanelSpec spec = PanelSpec.of(256, 128, ColourScheme.TRICOLOUR, false);
    private final MessageRenderer renderer = new MessageRenderer(spec, TestFonts.fonts());

    private PanelDriver driver(TcpTestPanel panel, int retries) throws PanelException {
        return new PanelDriver(received -> new TcpPanelLink("127.0.0.1", panel.port(), received), spec, Duration.ofMillis(150), retries);
    }

    @Test
    void aMessageArrivesWholeThroughALossyLineByRetrying() throws Exception {
        RenderedMessage message = renderer.render("[jl2][cf3]下一班车 NEXT BUS[nl][cf9]王莽岭 Wangmangling 08:30[nl]凤凰欢乐谷 Phoenix 08:45"
                + "[np][jp3][cf1]前方大雾 减速慢行[nl]FOG AHEAD - SLOW DOWN");
        try (TcpTestPanel panel = new TcpTestPanel(new PanelEmulator(256, 128, ColourScheme.TRICOLOUR, 8, "test"),
                new LineFaults(4, 5), new LineFaults(7, 0));
             PanelDriver driver = driver(panel, 4)) {
            driver.hello();
            long crc = driver.show(message);
            assertThat(driver.status().shownCrc()).isEqualTo(crc);
            assertThat(panel.emulator.shownPages()).containsExactlyElementsOf(message.images());
            long[] faultsToPanel = panel.toPanel.counts();
            assertThat(faultsToPanel[1]).as("frames dropped on the way to the panel").isPositive();
            assertThat(faultsToPanel[2]).as("frames corrupted on the way to the panel").isPositive();
            assertThat(panel.toDriver.counts()[1]).as("replies dropped").isPositive();
            assertThat(driver.counts()[1]).as("resends").isGreaterThanOrEqualTo(faultsToPanel[1] + faultsToPanel[2]);
            SignImages.write("driver-lossy-line-page1", panel.emulator.shownPages().get(0));
            SignImages.write("driver-lossy-line-page2", panel.emulator.shownPages().get(1));
        }
    }

    @Test
    void aSilentPanelFailsAfterTheRetriesAndAnswersAgainLater() throws Exception {
        try (TcpTestPanel panel = new TcpTestPanel(new PanelEmulator(256, 128, ColourScheme.TRICOLOUR, 8, "test"), LineFaults.none(),
                LineFaults.none());
             PanelDriver driver = driver(panel, 2)) {
            driver.hello();
            panel.silent(true);
            assertThatThrownBy(driver::status).isInstanceOfSatisfying(PanelException.class, e -> {
                assertThat(e.temporary()).isTrue();
                assertThat(e.getMessage()).contains("STAT", "3 tries", "tcp 127.0.0.1:" + panel.port());
            });
            panel.silent(false);
            assertThat(driver.status().brightness()).isEqualTo(100);
        }
    }

    @Test
    void aPanelOfAnotherSizeIsRefusedAsAConfigurationError() throws Exception {
        try (TcpTestPanel panel = new TcpTestPanel(new PanelEmulator(192, 64, ColourScheme.MONOCHROME_1BIT, 8, "test"), LineFaults.none(),
                LineFaults.none());
             PanelDriver driver = driver(panel, 1)) {
            assertThatThrownBy(driver::hello).isInstanceOfSatisfying(PanelException.class, e -> {
                assertThat(e.temporary()).isFalse();
                assertThat(e.getMessage()).contains("192x64", "256x128", "fix width");
            });
        }
    }

    @Test
    void noControllerListeningIsATemporaryFailure() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        int closedPort = port;
        try (PanelDriver driver = new PanelDriver(received -> new TcpPanelLink("127.0.0.1", closedPort, received), spec, Duration.ofMillis(50), 1)) {
            assertThatThrownBy(driver::hello).isInstanceOfSatisfying(PanelException.class, e -> {
                assertThat(e.temporary()).isTrue();
                assertThat(e.getMessage()).contains("cannot reach the panel controller");
            });
        }
    }
}
