package cn.taihang.sign.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.taihang.sign.rendering.Bitmap;
import cn.taihang.sign.rendering.Colour;
import cn.taihang.sign.rendering.ColourScheme;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class FrameAndPixelTest {

    @Test
    void framesRoundTripAndCarryTheDocumentedLayout() throws Exception {
        Frame frame = new Frame(0x1F, FrameType.SHOW, new byte[] {2, 10, 0, 30, 0, 1, 2, 3, 4});
        String line = frame.toLine();
        assertThat(line).matches("@1F SHOW [A-Za-z0-9+/=]+\\*[0-9A-F]{4}");
        assertThat(Frame.parse(line)).isEqualTo(frame);
        assertThat(Frame.parse(new Frame(0, FrameType.INFO, new byte[0]).toLine()).payload()).isEmpty();
        // CRC-16/CCITT-FALSE check value
        assertThat(Frame.crc16("123456789".getBytes())).isEqualTo(0x29B1);
    }

    @Test
    void malformedTruncatedCorruptedAndOversizedLinesGiveTypedErrors() {
        String good = new Frame(7, FrameType.STAT, new byte[0]).toLine();
        assertReason(good.substring(0, good.length() - 2), FrameException.Reason.MALFORMED);
        assertReason("", FrameException.Reason.MALFORMED);
        assertReason(null, FrameException.Reason.MALFORMED);
        assertReason("@07 STAT *ZZZZ", FrameException.Reason.MALFORMED);
        assertReason("@07 STAT !!!!*" + String.format("%04X", Frame.crc16("@07 STAT !!!!".getBytes())), FrameException.Reason.MALFORMED);
        String wrongType = "@07 XXXX ";
        assertReason(wrongType + "*" + String.format("%04X", Frame.crc16(wrongType.getBytes())), FrameException.Reason.UNKNOWN_TYPE);
        assertReason("@" + "A".repeat(Frame.MAX_LINE), FrameException.Reason.TOO_LONG);
        String corrupted = good.replace("STAT", "STAU");
        try {
            Frame.parse(corrupted);
        } catch (FrameException e) {
            assertThat(e.reason()).isEqualTo(FrameException.Reason.BAD_CRC);
            assertThat(e.seq()).as("the sequence is still readable for a NACK").isEqualTo(7);
        }
        assertThatThrownBy(() -> new Frame(256, FrameType.INFO, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Frame(1, FrameType.PAGE, new byte[Frame.MAX_PAYLOAD + 1])).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertReason(String line, FrameException.Reason reason) {
        assertThatThrownBy(() -> Frame.parse(line)).isInstanceOfSatisfying(FrameException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void pixelStreamsRoundTripForEveryScheme() throws Exception {
        Random random = new Random(42);
        for (ColourScheme scheme : ColourScheme.values()) {
            int[] pixels = new int[64 * 16];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = scheme.indexed() ? scheme.palette().get(random.nextInt(4) == 0 ? random.nextInt(scheme.palette().size()) : 0).rgb()
                        : random.nextInt(0x1000000);
            }
            Bitmap page = Bitmap.of(64, 16, pixels);
            PixelCodec codec = new PixelCodec(64, 16, scheme);
            assertThat(codec.decode(codec.encode(page))).as(scheme.name()).isEqualTo(page);
        }
        PixelCodec mono = new PixelCodec(192, 64, ColourScheme.MONOCHROME_1BIT);
        assertThat(mono.encode(Bitmap.blank(192, 64))).as("a blank page is one run").containsExactly(0x80 | (12288 & 0x7F), 12288 >> 7, 0);
    }

    @Test
    void badPixelStreamsAreRefused() {
        PixelCodec codec = new PixelCodec(4, 2, ColourScheme.TRICOLOUR);
        for (byte[] bad : List.of(new byte[] {8}, new byte[] {4, 0}, new byte[] {9, 0}, new byte[] {8, 4}, new byte[] {0, 0, 8, 0},
                new byte[] {(byte) 0x80}, new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 1, 0})) {
            assertThatThrownBy(() -> codec.decode(bad)).as(Arrays.toString(bad)).isInstanceOfSatisfying(FrameException.class,
                    e -> assertThat(e.reason()).isEqualTo(FrameException.Reason.BAD_PAYLOAD));
        }
        assertThatThrownBy(() -> codec.encode(Bitmap.of(4, 2, new int[] {Colour.BLUE.rgb(), 0, 0, 0, 0, 0, 0, 0})))
                .hasMessageContaining("not shown by a TRICOLOUR panel");
    }

    @Test
    void payloadsRoundTripAndTruncatedOnesAreRefused() throws Exception {
        Payloads.Status status = new Payloads.Status(0xFFFFFFFEL, 1, 80, -35, 120_000, 3, 7);
        assertThat(Payloads.Status.of(status.toBytes())).isEqualTo(status);
        Payloads.Info info = new Payloads.Info(256, 128, ColourScheme.TRICOLOUR, 8, "tpp-emu 1.0");
        assertThat(Payloads.Info.of(info.toBytes())).isEqualTo(info);
        byte[] statusBytes = status.toBytes();
        assertThatThrownBy(() -> Payloads.Status.of(Arrays.copyOf(statusBytes, 10))).isInstanceOf(FrameException.class);
        assertThatThrownBy(() -> Payloads.Status.of(Arrays.copyOf(statusBytes, 20))).isInstanceOf(FrameException.class);
        assertThatThrownBy(() -> Payloads.Show.of(new byte[] {0, 0, 0, 0, 0})).isInstanceOf(FrameException.class);
        assertThatThrownBy(() -> Payloads.PageChunk.of(new byte[] {0, 0, 2, 0, 1})).isInstanceOf(FrameException.class);
        assertThatThrownBy(() -> Payloads.Info.of(new byte[] {0, 1, 0, 1, 9, 1})).isInstanceOf(FrameException.class);
    }
}
