package cn.taihang.sign.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Tag;

/**
 * Rendering against committed golden images, pixel for pixel. The pictures of this run are written to
 * {@code target/sign-images/}; after a deliberate change, regenerate the goldens with
 * {@code -Dsign.golden.update=true} and look at them before committing.
 */
@Tag("unit")
class RenderGoldenTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "zh-departures-256x128-tricolour | 256 | 128 | TRICOLOUR       | false | [jl2][cf3]下一班车[nl][cf9]王莽岭      08:30[nl]凤凰欢乐谷  08:45[nl][cf1]釜山        09:00",
        "en-departures-256x128-tricolour | 256 | 128 | TRICOLOUR       | false | [jl2][cf3]NEXT BUSES[nl][cf9]Wangmangling     08:30[nl]Phoenix Valley   08:45[nl][cf1]Fushan           09:00",
        "zh-fog-large-192x64-mono        | 192 | 64  | MONOCHROME_1BIT | true  | [jp3]前方大雾[nl]减速慢行",
        "en-fog-large-192x64-mono        | 192 | 64  | MONOCHROME_1BIT | true  | [jp3]FOG AHEAD[nl]SLOW DOWN",
        "mixed-fonts-right-bottom-192x64 | 192 | 64  | MONOCHROME_1BIT | false | [jp4][jl4]停车场 P[nl][fo2]余位 120",
        "full-justified-colour-256x64    | 256 | 64  | COLOUR_24BIT    | false | [jl5][cf255,64,0]太行一号旅游公路[nl][jl3][cf0,160,255]Taihang No.1 Road",
    })
    void rendersLikeTheGolden(String name, int width, int height, ColourScheme scheme, boolean large, String multi) throws Exception {
        MessageRenderer renderer = new MessageRenderer(PanelSpec.of(width, height, scheme, large), TestFonts.fonts());
        Bitmap image = renderer.render(multi).pages().get(0).image();
        Path written = SignImages.write("golden-" + name, image);
        String resource = "golden/" + name + ".png";
        if (Boolean.getBoolean("sign.golden.update")) {
            Path target = Path.of("src/test/resources", resource);
            Files.createDirectories(target.getParent());
            Files.copy(written, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        BufferedImage golden = readGolden(resource);
        assertThat(golden.getWidth()).isEqualTo(width);
        assertThat(golden.getHeight()).isEqualTo(height);
        int differing = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if ((golden.getRGB(x, y) & 0xFFFFFF) != image.rgb(x, y)) {
                    differing++;
                }
            }
        }
        assertThat(differing).as("pixels differing from %s (this run's image: %s)", resource, written).isZero();
        assertThat(image.litPixels()).isPositive();
    }

    private static BufferedImage readGolden(String resource) throws IOException {
        try (InputStream in = RenderGoldenTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                fail("no golden image " + resource + "; run with -Dsign.golden.update=true, look at it, commit it");
            }
            return ImageIO.read(new ByteArrayInputStream(in.readAllBytes()));
        }
    }
}
