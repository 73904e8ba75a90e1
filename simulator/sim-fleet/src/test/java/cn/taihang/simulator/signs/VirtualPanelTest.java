package cn.taihang.simulator.signs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.sign.rendering.Bitmap;
import cn.taihang.sign.rendering.ColourScheme;
import cn.taihang.sign.rendering.FontSet;
import cn.taihang.sign.rendering.HexFont;
import cn.taihang.sign.rendering.MessageRenderer;
import cn.taihang.sign.rendering.PanelSpec;
import cn.taihang.sign.panel.Frame;
import cn.taihang.sign.panel.FrameType;
import cn.taihang.sign.panel.LineFaults;
import cn.taihang.sign.panel.Payloads;
import cn.taihang.sign.panel.PixelCodec;
import cn.taihang.simulator.scenario.Scenario;
import cn.taihang.simulator.scenario.ScenarioLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator's virtual panel on a loopback socket, and the sign data the simulator hands gateways and the bridge. */
@Tag("loopback")
class VirtualPanelTest {

    @TempDir
    Path dir;

    private static FontSet fonts() throws Exception {
        try (InputStream in = VirtualPanelTest.class.getClassLoader().getResourceAsStream("cn/taihang/sign/fonts/unifont-signs.hex")) {
            return FontSet.unifont(HexFont.parse(new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().toList()));
        }
    }

    @Test
    void decodesFramesIntoThePictureOfItsLedsAndLosesLinesAsPlanned() throws Exception {
        List<Bitmap> pages = new MessageRenderer(PanelSpec.of(192, 64, ColourScheme.MONOCHROME_1BIT, true), fonts())
                .render("[jp3]前方结冰[np][jp3]ICE AHEAD").images();
        PixelCodec codec = new PixelCodec(192, 64, ColourScheme.MONOCHROME_1BIT);
        byte[] zh = codec.encode(pages.get(0));
        byte[] en = codec.encode(pages.get(1));
        Path picture = dir.resolve("signs/post-1-warning.png");
        try (VirtualPanel panel = VirtualPanel.onTcp("post-1-warning", 192, 64, ColourScheme.MONOCHROME_1BIT, new LineFaults(3, 0), LineFaults.none(),
                Clock.fixed(Instant.parse("2025-05-01T04:00:00Z"), ZoneOffset.UTC), picture, Runnable::run);
             Socket socket = new Socket("127.0.0.1", panel.port())) {
            socket.setSoTimeout(300);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            int seq = 0;
            int lost = 0;
            List<Frame> frames = new java.util.ArrayList<>();
            for (int p = 0; p < 2; p++) {
                byte[] stream = p == 0 ? zh : en;
                int chunks = (stream.length + 511) / 512;
                for (int c = 0; c < chunks; c++) {
                    frames.add(new Frame(++seq, FrameType.PAGE, new Payloads.PageChunk(p, c, chunks,
                            java.util.Arrays.copyOfRange(stream, c * 512, Math.min(stream.length, (c + 1) * 512))).toBytes()));
                }
            }
            frames.add(new Frame(++seq, FrameType.SHOW, new Payloads.Show(List.of(new int[] {30, 0}, new int[] {30, 0}),
                    PixelCodec.contentCrc(List.of(zh, en))).toBytes()));
            frames.add(new Frame(++seq, FrameType.STAT, new byte[0]));
            for (Frame frame : frames) {
                String reply = null;
                while (reply == null) {
                    out.write((frame.toLine() + "\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    try {
                        reply = in.readLine();
                    } catch (SocketTimeoutException e) {
                        lost++;
                    }
                }
                Frame answer = Frame.parse(reply);
                assertThat(answer.seq()).isEqualTo(frame.seq());
                if (frame.type() == FrameType.STAT) {
                    Payloads.Status status = Payloads.Status.of(answer.payload());
                    assertThat(status.shownCrc()).isEqualTo(PixelCodec.contentCrc(List.of(zh, en)));
                    assertThat(status.ambientLux()).as("noon in Jincheng").isGreaterThan(20_000);
                } else {
                    assertThat(answer.type()).isEqualTo(FrameType.ACKN);
                }
            }
            assertThat(lost).as("every third line is lost on the way").isEqualTo(panel.faults()[0]).isPositive();
            assertThat(panel.emulator().shownPages()).containsExactlyElementsOf(pages);
            await().atMost(5, TimeUnit.SECONDS).until(() -> Files.exists(picture));
            BufferedImage written = ImageIO.read(picture.toFile());
            assertThat(written.getHeight()).isEqualTo(128);
            assertThat(written.getRGB(96, 32) & 0xFFFFFF).isEqualTo(Bitmap.stack(pages).rgb(96, 32));
        }
    }

    @Test
    void hubsGetBoardsPostsGetWarningSignsAndTheBridgeGetsTheNetwork() throws Exception {
        Scenario scenario = new ScenarioLoader().load("jincheng");
        Path file = SignNetworkFile.write(scenario, dir, 30);
        JsonNode network = new ObjectMapper().readTree(file.toFile());
        assertThat(network.path("lines").size()).isEqualTo(scenario.lines().size());
        assertThat(network.path("parking").size()).as("scenic areas that are counted sites").isEqualTo(4);
        HexFont font = HexFont.parse(new String(VirtualPanelTest.class.getClassLoader().getResourceAsStream("cn/taihang/sign/fonts/unifont-signs.hex")
                .readAllBytes(), StandardCharsets.US_ASCII).lines().toList());
        for (JsonNode place : network.path("places")) {
            (place.path("zh").asText() + place.path("en").asText()).codePoints()
                    .forEach(cp -> assertThat(font.has(cp)).as("glyph for %s in %s", Character.toString(cp), place).isTrue());
        }
        long boards = scenario.sites().stream().map(cn.taihang.simulator.fleet.GatewayPlan::forSite).flatMap(p -> SignPlan.forGateway(p).stream())
                .filter(s -> s.role().equals("hub")).count();
        assertThat(boards).isEqualTo(12);
        cn.taihang.simulator.fleet.GatewayPlan post = cn.taihang.simulator.fleet.GatewayPlan.forSite(scenario.sites().stream()
                .filter(s -> s.kind().equals("road-post")).findFirst().orElseThrow());
        Path config = dir.resolve("gateway.json");
        post.writeConfiguration(config, "ssl://127.0.0.1:8883", dir.resolve("identity"), 4000, 30);
        SignPlan.configure(post, config);
        JsonNode sign = new ObjectMapper().readTree(config.toFile()).path("cn.taihang.sign~road");
        assertThat(sign.path("device").asText()).isEqualTo(post.site().id() + "-warning");
        assertThat(sign.path("largeType").asBoolean()).isTrue();
        assertThat(sign.path("serialPort").asText()).isEqualTo(SignPlan.PORT);
    }
}
