package cn.taihang.sign.panel;

import static org.assertj.core.api.Assertions.assertThat;

import cn.taihang.sign.rendering.Bitmap;
import cn.taihang.sign.rendering.Colour;
import cn.taihang.sign.rendering.ColourScheme;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class PanelEmulatorTest {

    private final PanelEmulator panel = new PanelEmulator(32, 16, ColourScheme.TRICOLOUR, 4, "test");
    private final PixelCodec codec = new PixelCodec(32, 16, ColourScheme.TRICOLOUR);

    private Frame send(int seq, FrameType type, byte[] payload) throws FrameException {
        return Frame.parse(panel.onLine(new Frame(seq, type, payload).toLine(), 0));
    }

    private static Bitmap page(Colour colour) {
        int[] pixels = new int[32 * 16];
        pixels[5] = colour.rgb();
        return Bitmap.of(32, 16, pixels);
    }

    @Test
    void showsOnlyCompletePagesThatMatchTheContentCrcAndCyclesThem() throws Exception {
        byte[] red = codec.encode(page(Colour.RED));
        byte[] green = codec.encode(page(Colour.GREEN));
        long crc = PixelCodec.contentCrc(List.of(red, green));
        assertThat(send(1, FrameType.PAGE, new Payloads.PageChunk(0, 0, 1, red).toBytes()).type()).isEqualTo(FrameType.ACKN);
        Frame missing = send(2, FrameType.SHOW, new Payloads.Show(List.of(new int[] {10, 0}, new int[] {10, 0}), crc).toBytes());
        assertThat(missing.type()).isEqualTo(FrameType.NACK);
        assertThat(Payloads.Nack.of(missing.payload()).code()).isEqualTo(Payloads.Nack.PAGES_MISSING);
        send(3, FrameType.PAGE, new Payloads.PageChunk(1, 0, 1, green).toBytes());
        Frame wrongCrc = send(4, FrameType.SHOW, new Payloads.Show(List.of(new int[] {10, 0}, new int[] {10, 0}), crc ^ 1).toBytes());
        assertThat(Payloads.Nack.of(wrongCrc.payload()).code()).isEqualTo(Payloads.Nack.CONTENT_MISMATCH);
        assertThat(panel.shownPages()).isEmpty();
        assertThat(send(5, FrameType.SHOW, new Payloads.Show(List.of(new int[] {10, 0}, new int[] {10, 0}), crc).toBytes()).type())
                .isEqualTo(FrameType.ACKN);
        assertThat(panel.shownPages()).containsExactly(page(Colour.RED), page(Colour.GREEN));
        assertThat(panel.pageOnLeds(500)).isEqualTo(page(Colour.RED));
        assertThat(panel.pageOnLeds(1500)).isEqualTo(page(Colour.GREEN));
        assertThat(panel.pageOnLeds(2500)).isEqualTo(page(Colour.RED));
        Payloads.Status status = Payloads.Status.of(send(6, FrameType.STAT, new byte[0]).payload());
        assertThat(status.shownCrc()).isEqualTo(crc);
        assertThat(send(7, FrameType.BLNK, new byte[0]).type()).isEqualTo(FrameType.ACKN);
        assertThat(panel.shownCrc()).isZero();
    }

    @Test
    void aRepeatedRequestGetsTheSameReplyAndCorruptionGetsANack() throws Exception {
        String line = new Frame(9, FrameType.BRIT, new byte[] {40}).toLine();
        String first = panel.onLine(line, 0);
        assertThat(panel.onLine(line, 0)).isEqualTo(first);
        assertThat(panel.brightness()).isEqualTo(40);
        String corrupted = line.substring(0, 10) + (line.charAt(10) == 'A' ? 'B' : 'A') + line.substring(11);
        Frame nack = Frame.parse(panel.onLine(corrupted, 0));
        assertThat(nack.type()).isEqualTo(FrameType.NACK);
        assertThat(nack.seq()).isEqualTo(9);
        assertThat(panel.onLine("garbage", 0)).isNull();
        assertThat(Payloads.Nack.of(send(10, FrameType.BRIT, new byte[] {(byte) 200}).payload()).code()).isEqualTo(Payloads.Nack.BAD_PAYLOAD);
        assertThat(Payloads.Nack.of(send(11, FrameType.ACKN, new byte[0]).payload()).code()).isEqualTo(Payloads.Nack.UNKNOWN);
        assertThat(Payloads.Nack.of(send(12, FrameType.PAGE, new Payloads.PageChunk(9, 0, 1, new byte[] {1, 0}).toBytes()).payload()).code())
                .isEqualTo(Payloads.Nack.BAD_PAYLOAD);
        assertThat(panel.frameCounts()[1]).as("corrupted and garbage lines").isEqualTo(2);
    }

    @Test
    void aPowerCycleBlanksThePanelAndCountsTheBoot() throws Exception {
        byte[] red = codec.encode(page(Colour.RED));
        send(1, FrameType.PAGE, new Payloads.PageChunk(0, 0, 1, red).toBytes());
        send(2, FrameType.SHOW, new Payloads.Show(List.<int[]>of(new int[] {0, 0}), PixelCodec.contentCrc(List.of(red))).toBytes());
        int boots = Payloads.Status.of(send(3, FrameType.STAT, new byte[0]).payload()).bootCount();
        panel.powerCycle();
        Payloads.Status after = Payloads.Status.of(send(4, FrameType.STAT, new byte[0]).payload());
        assertThat(after.bootCount()).isEqualTo(boots + 1);
        assertThat(after.shownCrc()).isZero();
        assertThat(panel.pageOnLeds(0).litPixels()).isZero();
    }
}
