package cn.taihang.simulator.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import cn.taihang.simulator.DistributionDir;
import cn.taihang.simulator.scenario.Scenario;
import cn.taihang.simulator.scenario.ScenarioLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: tourists buy tickets through the bridge and scan at the gates of three real gateways (in-process
 * Felix, simulated boards); honest, replayed, forged, counterfeit, wrong-gate and not-yet-valid scans are all
 * answered as the ground truth says, and the bridge holds one record per scan. (Expired rides are in
 * {@code ./taihang sim tickets}; they need up to a minute's wait.)
 */
@Tag("e2e")
class TicketScenarioTest {

    @TempDir
    Path dir;

    @Test
    void everyScanIsAnsweredAsTheGroundTruthSaysAndReachesTheBridge() throws Exception {
        Scenario scenario = new ScenarioLoader().load("jincheng");
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        List<String> faults = TicketScenario.FAULTS.stream().filter(f -> !f.equals("expired")).toList();
        TicketScenario.Result result = TicketScenario.run(scenario, new TicketScenario.Options(3, 24, 0.6, 7, dir, DistributionDir.locate(), faults),
                new PrintStream(report, true, StandardCharsets.UTF_8));
        String text = report.toString(StandardCharsets.UTF_8);
        assertThat(result.ok()).as(text).isTrue();
        assertThat(result.scans()).isGreaterThan(24);
        assertThat(text).contains("honest → ACCEPTED").contains("forged → BAD_SIGNATURE").contains("OK:");
    }
}
