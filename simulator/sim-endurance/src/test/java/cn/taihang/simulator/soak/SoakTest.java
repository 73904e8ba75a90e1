package cn.taihang.simulator.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.taihang.simulator.scenario.ScenarioLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.io.output.TeeOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak, shortened: three gateway processes (one never faulted, two killed in turn) and the bridge for three
 * simulated days of 12 s with a broker restart each day; every process is sampled from outside each day, the chart is
 * written, and every record the outboxes acknowledged is at the bridge exactly once. {@code ./taihang sim soak} runs the
 * long form.
 */
@Tag("e2e")
class SoakTest {

    private static final Path DIST = Path.of(System.getProperty("taihang.dist.dir", "../../edge-gateway/distribution/target/taihang-gateway"));

    @TempDir
    Path runDir;

    @Test
    void threeDaysWithFaultsLoseNothingAndEveryDayIsSampled() throws Exception {
        SoakOptions options = new SoakOptions(3, 3, 40, 12, 11, 120, runDir, DIST.toAbsolutePath());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(new TeeOutputStream(printed, System.out), true, StandardCharsets.UTF_8);

        SoakRun.SoakResult result = SoakRun.run(new ScenarioLoader().load("jincheng"), options, out);

        assertThat(result.days()).extracting(SoakDay::day).containsExactly(0, 1, 2, 3);
        for (SoakDay day : result.days()) {
            assertThat(day.processes()).as("day %d: the bridge and the never-faulted gateway", day.day()).hasSize(2);
            assertThat(day.processes().values()).allSatisfy(s -> {
                assertThat(s.heapBytes()).isPositive();
                assertThat(s.residentBytes()).isGreaterThan(s.heapBytes());
                assertThat(s.fileDescriptors()).isPositive();
                assertThat(s.threads()).isPositive();
            });
            assertThat(day.storeBytes()).isPositive();
        }
        assertThat(result.days().get(3).faults()).as("the third day's faults").hasSize(2).anyMatch(f -> f.startsWith("kill -9 gw-"))
                .anyMatch(f -> f.contains("broker"));
        assertThat(result.days().get(3).acknowledged()).as("the load ran through the days").isGreaterThan(result.days().get(1).acknowledged());
        assertThat(result.drainMillis()).as("the backlog drained").isNotNegative();
        assertThat(result.verdict().lost()).isZero();
        assertThat(result.verdict().duplicated()).isZero();
        assertThat(Files.size(result.chart())).as("the chart").isPositive();
        String report = printed.toString(StandardCharsets.UTF_8).strip();
        assertThat(report.substring(report.lastIndexOf('\n') + 1)).matches(
                "RESULT soak days=3 heap_growth_mb=\\d+\\.\\d fd_growth=\\d+ thread_growth=\\d+ lost=0 rss_growth_mb=\\d+\\.\\d duplicated=0");
    }

    @Test
    void optionsOutsideTheirRangesNameTheOptionToChange() {
        assertThatThrownBy(() -> new SoakOptions(0, 3, 40, 12, 1, 60, runDir, DIST)).hasMessageContaining("--days");
        assertThatThrownBy(() -> new SoakOptions(1, 35, 40, 12, 1, 60, runDir, DIST)).hasMessageContaining("--gateways");
        assertThatThrownBy(() -> new SoakOptions(1, 3, 40, 2, 1, 60, runDir, DIST)).hasMessageContaining("--day-seconds");
    }
}
