package cn.taihang.sign.domain;

import cn.taihang.sign.rendering.Bitmap;
import cn.taihang.sign.rendering.PngEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.OptionalDouble;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class BrightnessAndPngTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void photocellMapsDarkToMinAndSunToMaxAndFallsBackToTheSchedule() {
        BrightnessControl control = new BrightnessControl(BrightnessControl.Mode.PHOTOCELL, 10, 100,
                BrightnessControl.parseSchedule(List.of("06:00=70", "22:00=20")), SHANGHAI);
        Instant noon = Instant.parse("2025-05-01T04:00:00Z");
        assertThat(control.level(noon, OptionalDouble.of(0))).isEqualTo(10);
        assertThat(control.level(noon, OptionalDouble.of(40_000))).isEqualTo(100);
        assertThat(control.level(noon, OptionalDouble.of(100_000))).isEqualTo(100);
        int dusk = control.level(noon, OptionalDouble.of(200));
        assertThat(dusk).isBetween(40, 60);
        assertThat(control.level(noon, OptionalDouble.empty())).isEqualTo(70);
        assertThat(control.level(Instant.parse("2025-05-01T17:00:00Z"), OptionalDouble.empty())).as("01:00 local").isEqualTo(20);
    }

    @Test
    void scheduleModeIgnoresThePhotocell() {
        BrightnessControl control = new BrightnessControl(BrightnessControl.Mode.SCHEDULE, 10, 100,
                BrightnessControl.parseSchedule(List.of("06:00=70", "22:00=20")), SHANGHAI);
        assertThat(control.level(Instant.parse("2025-05-01T04:00:00Z"), OptionalDouble.of(0))).isEqualTo(70);
    }

    @Test
    void badBrightnessSettingsAreRefused() {
        assertThatThrownBy(() -> BrightnessControl.parseSchedule(List.of("6 o'clock"))).hasMessageContaining("HH:MM=percent");
        assertThatThrownBy(() -> new BrightnessControl(BrightnessControl.Mode.PHOTOCELL, 50, 20, java.util.Map.of(), SHANGHAI))
                .hasMessageContaining("min <= max");
    }

    @Test
    void pngRoundTripsThroughImageIoForEveryPaletteSizeAndTrueColour() throws Exception {
        for (int colours : new int[] {2, 3, 5, 17, 300}) {
            int w = 37;
            int h = 11;
            int[] pixels = new int[w * h];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = ((i % colours) * 0x010305) & 0xFFFFFF;
            }
            Bitmap image = Bitmap.of(w, h, pixels);
            byte[] png = new PngEncoder().encode(image);
            BufferedImage read = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(read).as("%d colours", colours).isNotNull();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    assertThat(read.getRGB(x, y) & 0xFFFFFF).isEqualTo(image.rgb(x, y));
                }
            }
        }
    }

    @Test
    void stackingKeepsPagesInOrderAndRefusesMismatchedWidths() {
        Bitmap a = Bitmap.of(2, 1, new int[] {1, 2});
        Bitmap b = Bitmap.of(2, 1, new int[] {3, 4});
        Bitmap both = Bitmap.stack(List.of(a, b));
        assertThat(both.height()).isEqualTo(2);
        assertThat(both.rgb(1, 1)).isEqualTo(4);
        assertThatThrownBy(() -> Bitmap.stack(List.of(a, Bitmap.blank(3, 1)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Bitmap.of(2, 2, new int[3])).isInstanceOf(IllegalArgumentException.class);
    }
}
