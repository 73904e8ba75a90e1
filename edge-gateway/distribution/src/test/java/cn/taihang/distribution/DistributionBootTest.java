package cn.taihang.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.taihang.launcher.EmbeddedGateway;
import cn.taihang.launcher.LaunchSpec;
import cn.taihang.launcher.Readiness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

/** Boots the real distribution (its bundles directory) in Felix. */
@Tag("framework")
class DistributionBootTest {

    static final Path DIST = Path.of(System.getProperty("taihang.dist.dir", "target/taihang-gateway"));

    @TempDir
    Path dir;

    private Path config(String json) throws IOException {
        return Files.writeString(dir.resolve("gateway.json"), json);
    }

    private EmbeddedGateway boot(Path config) throws Exception {
        return boot(config, Duration.ofSeconds(10));
    }

    private EmbeddedGateway boot(Path config, Duration readyTimeout) throws Exception {
        return EmbeddedGateway.start(new LaunchSpec(config, dir.resolve("data"), DIST.resolve("bundles"), Map.of(), readyTimeout));
    }

    @Test
    void everyBundleResolvesAndEveryComponentComesUp() throws Exception {
        try (EmbeddedGateway gateway = boot(config("""
                {"cn.taihang.gateway": {"gatewayId": "gw-boot-test", "site": "zheshui", "siteName": "浙水 Zheshui"}}
                """))) {
            Readiness readiness = gateway.readiness();
            System.out.printf("distribution up in %d ms: %d bundles, %d components%n", readiness.elapsedMillis(), readiness.bundles(),
                    readiness.activeComponents());
            assertThat(readiness.problems()).isEmpty();
            assertThat(readiness.ready()).isTrue();
            assertThat(Arrays.stream(gateway.framework().getBundleContext().getBundles()))
                    .allSatisfy(b -> assertThat(b.getState()).as(b.getSymbolicName()).isEqualTo(Bundle.ACTIVE));
            assertThat(readiness.activeComponents()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void aBadIdentityIsReportedWithWhatToFix() throws Exception {
        try (EmbeddedGateway gateway = boot(config("""
                {"cn.taihang.gateway": {"gatewayId": "Bad Id", "site": "zheshui"}}
                """), Duration.ofSeconds(2))) {
            assertThat(gateway.readiness().ready()).isFalse();
            assertThat(gateway.readiness().problems()).anySatisfy(p -> assertThat(p).contains("GatewayIdentityComponent")
                    .contains("gatewayId must be 1-64 of a-z").contains("fix it"));
        }
    }

    @Test
    void aRefusedConfigurationIsLoggedOnceAsOneLineWithoutTheFrameworksStackTrace() throws Exception {
        ch.qos.logback.classic.Logger osgi = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("osgi");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        osgi.addAppender(lines);
        try (EmbeddedGateway gateway = boot(config("""
                {"cn.taihang.gateway": {"gatewayId": "gw-a", "site": "s"},
                 "cn.taihang.hardware.sim": {"harnessPort": 0, "nodeId": "gw-a"},
                 "cn.taihang.counter.lane~l1": {"device": "l1", "loopAPin": 17, "loopBPin": 27}}
                """), Duration.ofSeconds(3))) {
            assertThat(gateway.readiness().ready()).isFalse();
            List<String> refusals = lines.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains("SimHardware")).toList();
            assertThat(refusals).as("DS tries the board once for itself and once for the lane that needs it").hasSize(1);
            assertThat(refusals.get(0)).contains("SimHardware refused its configuration: cn.taihang.hardware.sim/harnessPort must be")
                    .contains("(was 0)");
            assertThat(lines.list).as("no stack traces, nothing that only follows from the board's refusal")
                    .allSatisfy(e -> assertThat(e.getThrowableProxy()).as(e.getFormattedMessage()).isNull())
                    .noneSatisfy(e -> assertThat(e.getFormattedMessage()).contains("Unable to get service"));
        } finally {
            osgi.detachAppender(lines);
        }
    }

    @Test
    void aConfigurationNoComponentUsesIsAWarning() throws Exception {
        try (EmbeddedGateway gateway = boot(config("""
                {"cn.taihang.gateway": {"gatewayId": "gw-a", "site": "s"}, "cn.taihang.gatewy.typo": {"x": 1}}
                """))) {
            assertThat(gateway.readiness().ready()).isTrue();
            assertThat(gateway.readiness().warnings()).anySatisfy(w -> assertThat(w).contains("cn.taihang.gatewy.typo"));
        }
    }
}
