package cn.taihang.simulator.province;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.taihang.simulator.faults.MosquittoProcess;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.io.output.TeeOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The province run, shortened: 200 virtual gateways over mutual TLS to a real Mosquitto and the real bridge for 15 s;
 * every gateway is born at the bridge and every record it acknowledged is in its table exactly once.
 * {@code ./taihang sim province} runs the long form.
 */
class ProvinceRunTest {

    @TempDir
    Path runDir;

    @Test
    @Tag("e2e")
    void twoHundredGatewaysLoseNothingAndDoubleNothing() throws Exception {
        assertTrue(MosquittoProcess.installed(), "mosquitto is not installed; run ./taihang tools --install (./taihang test does it first)");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(new TeeOutputStream(printed, System.out), true, StandardCharsets.UTF_8);

        ProvinceResult result = new ProvinceRun(new ProvinceOptions(200, 2, 15, 1, 20, 60, 100, runDir), out).run();

        assertThat(result.reconciliation().gatewaysBorn()).as("gateways born at the bridge").isEqualTo(200);
        assertThat(result.reconciliation().acknowledged()).as("the load ran").isGreaterThan(200L * 2 * 5);
        assertThat(result.reconciliation().stored()).isEqualTo(result.reconciliation().acknowledged());
        assertThat(result.reconciliation().lost()).isZero();
        assertThat(result.reconciliation().duplicated()).isZero();
        assertThat(result.reconciliation().rejected()).isZero();
        assertThat(result.unacknowledged()).isZero();
        assertThat(result.exact()).isTrue();
        assertThat(result.p99Millis()).isGreaterThanOrEqualTo(result.p50Millis());
        assertThat(Files.size(runDir.resolve("province.png"))).as("the chart").isPositive();
        String report = printed.toString(StandardCharsets.UTF_8).strip();
        assertThat(report).containsPattern("t=\\s*\\d+s connected \\d+/200");
        assertThat(report.substring(report.lastIndexOf('\n') + 1)).isEqualTo(
                "RESULT province gateways=200 instances=1 lost=0 duplicated=0 oversold=n/a double_booked=n/a scale_ratio=n/a");
    }

    @Test
    @Tag("unit")
    void severalInstancesAreRefusedUntilTheBridgeCanRunThem() {
        ProvinceRun run = new ProvinceRun(new ProvinceOptions(10, 1, 1, 2, 20, 10, 100, runDir), new PrintStream(OutputStream.nullOutputStream()));

        assertThatThrownBy(run::run).isInstanceOf(IllegalStateException.class).hasMessageContaining("--instances 2")
                .hasMessageContaining("issue 15");
    }
}
