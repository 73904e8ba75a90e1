package cn.taihang.simulator.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class SoakChartTest {

    @TempDir
    Path dir;

    @Test
    void theChartIsAPngWithAPanelPerMeasure() throws Exception {
        List<SoakDay> days = new ArrayList<>();
        for (int d = 0; d <= 5; d++) {
            Map<String, ProcessSample> processes = new LinkedHashMap<>();
            processes.put("bridge", new ProcessSample((30 + d % 2) * 1_048_576L, 250 * 1_048_576L, 160, 50 + d));
            processes.put("gw-jincheng-hsr-east", new ProcessSample(12 * 1_048_576L, 120 * 1_048_576L, 78, 36));
            days.add(new SoakDay(d, processes, (2 + d) * 1_048_576L, (1 + d) * 1_048_576L, d * 1000L, d * 1000L, List.of()));
        }

        Path png = new SoakChart().write(dir.resolve("soak.png"), days);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("a PNG").isNotNull();
        assertThat(image.getWidth()).isEqualTo(1100);
        assertThat(image.getHeight()).isEqualTo(1300);
    }
}
