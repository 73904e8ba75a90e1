package cn.taihang.bridge.signs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.taihang.bridge.module.IngestedRecord;
import cn.taihang.sign.rendering.ColourScheme;
import cn.taihang.sign.rendering.FontSet;
import cn.taihang.sign.rendering.HexFont;
import cn.taihang.sign.rendering.MessageRenderer;
import cn.taihang.sign.rendering.PanelSpec;
import cn.taihang.wire.records.RecordKinds;
import cn.taihang.wire.records.SignReport;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Hub board content: the planned timetable, the composer's fitting, the network file, status reassembly. */
@Tag("unit")
class SignContentTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant MORNING = Instant.parse("2025-05-01T00:10:00Z"); // 08:10 local

    private static FontSet fonts() throws Exception {
        try (InputStream in = SignContentTest.class.getClassLoader().getResourceAsStream("cn/taihang/sign/fonts/unifont-signs.hex")) {
            return FontSet.unifont(HexFont.parse(new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().toList()));
        }
    }

    private static final String NETWORK = """
            {"places": [{"id": "a", "zh": "晋城高铁东站", "en": "Jincheng HSR East"}, {"id": "b", "zh": "陵川", "en": "Lingchuan"},
                        {"id": "c", "zh": "王莽岭", "en": "Wangmangling"}],
             "lines": [{"id": "t-new-1", "kind": "tourist-new", "stops": ["a", "b", "c"]}, {"id": "p-1", "kind": "premium", "stops": ["c", "a"]}],
             "parking": [{"area": "c", "spaces": 500, "in": ["c-l1"], "out": ["c-l2"]}]}""";

    @Test
    void theTimetableIsDeterministicRunsBothWaysAndKeepsItsHeadways() {
        SignNetwork network = SignNetwork.parse(NETWORK);
        PlannedTimetable timetable = new PlannedTimetable(network);
        List<PlannedTimetable.Departure> fromA = timetable.next("a", MORNING, 40);
        assertThat(fromA).isEqualTo(new PlannedTimetable(SignNetwork.parse(NETWORK)).next("a", MORNING, 40));
        assertThat(fromA).allSatisfy(d -> assertThat(d.at()).isAfterOrEqualTo(MORNING));
        assertThat(fromA).isSortedAccordingTo(java.util.Comparator.comparing(PlannedTimetable.Departure::at));
        assertThat(fromA).extracting(PlannedTimetable.Departure::destination).as("t-new-1 towards c, p-1 back towards c").containsOnly("c");
        List<PlannedTimetable.Departure> newLine = fromA.stream().filter(d -> d.line().equals("t-new-1")).toList();
        assertThat(Duration.between(newLine.get(0).at(), newLine.get(1).at())).isEqualTo(Duration.ofMinutes(30));
        assertThat(timetable.next("b", MORNING, 40)).extracting(PlannedTimetable.Departure::destination).contains("a", "c");
        assertThat(timetable.next("nowhere", MORNING, 5)).isEmpty();
        Instant lateEvening = Instant.parse("2025-05-01T14:00:00Z"); // 22:00 local
        assertThat(timetable.next("a", lateEvening, 1).get(0).at().atZone(SHANGHAI).toLocalDate().toString()).as("tomorrow's first").isEqualTo("2025-05-02");
    }

    @Test
    void aBoardFitsThePanelShorteningNamesAndUsingColourOnlyWhereTheLedsHaveIt() throws Exception {
        HubBoardComposer composer = new HubBoardComposer(fonts());
        List<HubBoardComposer.DepartureLine> departures = List.of(
                new HubBoardComposer.DepartureLine(new HubBoardComposer.Named("凤凰欢乐谷度假区旅游集散中心", "Phoenix Happy Valley Resort Tourist Centre"),
                        MORNING.plusSeconds(600)),
                new HubBoardComposer.DepartureLine(new HubBoardComposer.Named("王莽岭", "Wangmangling"), MORNING.plusSeconds(1200)));
        List<HubBoardComposer.ParkingLine> parking = List.of(new HubBoardComposer.ParkingLine(new HubBoardComposer.Named("王莽岭", "Wangmangling"), 123));
        List<HubBoardComposer.RoadWarning> roads = List.of(new HubBoardComposer.RoadWarning(new HubBoardComposer.Named("浙水", "Zheshui"), "fog"));
        for (boolean large : new boolean[] {false, true}) {
            for (ColourScheme scheme : ColourScheme.values()) {
                String multi = composer.compose(256, 128, scheme, large, SHANGHAI, MORNING, departures, parking, roads);
                MessageRenderer renderer = new MessageRenderer(PanelSpec.of(256, 128, scheme, large), fonts());
                cn.taihang.sign.rendering.RenderedMessage board = renderer.render(multi);
                assertThat(board.pages()).as("%s large=%s", scheme, large).hasSize(4);
                java.nio.file.Path pictures = java.nio.file.Path.of("target", "sign-images");
                java.nio.file.Files.createDirectories(pictures);
                java.nio.file.Files.write(pictures.resolve("hub-board-" + scheme + (large ? "-large" : "") + ".png"),
                        new cn.taihang.sign.rendering.PngEncoder().encode(cn.taihang.sign.rendering.Bitmap.stack(board.images())));
                assertThat(multi).contains("08:20", "08:30", "浙水 大雾", "Zheshui: fog");
                assertThat(multi.contains("[cf")).isEqualTo(scheme != ColourScheme.MONOCHROME_1BIT);
                if (!large) {
                    assertThat(multi).contains("王莽岭停车", "余123", "123 free", "Phoenix Happy Valley");
                }
            }
        }
        String none = composer.compose(192, 64, ColourScheme.MONOCHROME_1BIT, false, SHANGHAI, MORNING, List.of(), List.of(), List.of());
        assertThat(none).contains("今日班车已结束", "No more buses today", "道路天气 无预警");
        assertThatThrownBy(() -> composer.compose(16, 16, ColourScheme.MONOCHROME_1BIT, true, SHANGHAI, MORNING, departures, parking, roads))
                .hasMessageContaining("too small");
    }

    @Test
    void aBadNetworkFileIsRefusedSayingWhat() {
        assertThatThrownBy(() -> SignNetwork.parse("{")).hasMessageContaining("not valid");
        assertThatThrownBy(() -> SignNetwork.parse("{\"places\":[{\"id\":\"a\"}]}")).hasMessageContaining("'zh'");
        assertThatThrownBy(() -> SignNetwork.parse("{\"places\":[{\"id\":\"a\",\"zh\":\"甲\",\"en\":\"A\"}],\"lines\":[{\"id\":\"l\",\"stops\":[\"a\",\"x\"]}]}"))
                .hasMessageContaining("line l");
        assertThatThrownBy(() -> SignNetwork.parse("{\"composeSeconds\": 0}")).hasMessageContaining("composeSeconds");
        assertThatThrownBy(() -> SignNetwork.parse("{\"zone\": \"Mars/Olympus\"}")).hasMessageContaining("not valid");
        assertThat(SignNetwork.parse("{}").lines()).isEmpty();
    }

    @Test
    void statusImagesAreReassembledOnlyWhenSizeAndCrcCheckOut() {
        byte[] png = new byte[200];
        for (int i = 0; i < png.length; i++) {
            png[i] = (byte) i;
        }
        CRC32 crc = new CRC32();
        crc.update(png);
        Map<String, Object> values = new HashMap<>(Map.of(SignReport.STATE.name(), "SHOWN", SignReport.WIDTH.name(), 192L, SignReport.HEIGHT.name(), 64L,
                SignReport.MESSAGE.nameOf(1), "b", SignReport.MESSAGE.nameOf(0), "[jp3]a", SignReport.PNG_BYTES.name(), 200L,
                SignReport.PNG_CRC.name(), crc.getValue()));
        for (int i = 0, n = 0; i < png.length; i += 90, n++) {
            values.put(SignReport.PNG.nameOf(n), Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(png, i, Math.min(200, i + 90))));
        }
        SignStatus good = SignStatus.of(record(values));
        assertThat(good.png()).isEqualTo(png);
        assertThat(good.multi()).isEqualTo("[jp3]ab");
        values.put(SignReport.PNG_CRC.name(), crc.getValue() + 1);
        assertThat(SignStatus.of(record(values)).png()).isNull();
        values.put(SignReport.PNG.nameOf(1), "***");
        assertThat(SignStatus.of(record(values)).png()).isNull();
        values.remove(SignReport.STATE.name());
        assertThat(SignStatus.of(record(values))).isNull();
    }

    private static IngestedRecord record(Map<String, Object> values) {
        return new IngestedRecord("gw-a", "a", 1, "board-a", RecordKinds.SIGN_STATUS, 0, 0, 1, false, values, Map.of());
    }
}
