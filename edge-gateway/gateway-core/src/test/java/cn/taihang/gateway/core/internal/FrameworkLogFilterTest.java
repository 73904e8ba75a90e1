package cn.taihang.gateway.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class FrameworkLogFilterTest {

    private static final String DS_MESSAGE = "bundle cn.taihang.hardware-sim:0.1.0.SNAPSHOT (17)[cn.taihang.hardware.sim.internal.SimHardware(10)] : "
            + "Error during instantiation of the implementation object";

    private final FrameworkLogFilter filter = new FrameworkLogFilter();

    private static Throwable refusal(String message) {
        return new InvocationTargetException(new IllegalArgumentException(message));
    }

    @Test
    void aRefusedConfigurationIsOneLineNamingTheComponentAndWhatToChangeWithoutATrace() {
        Optional<FrameworkLogFilter.Line> line = filter.line(DS_MESSAGE, refusal("harnessPort must be 1-65535 (was 0); set it in the gateway configuration"));
        assertThat(line).isPresent();
        assertThat(line.get().text()).isEqualTo("cn.taihang.hardware.sim.internal.SimHardware refused its configuration: "
                + "harnessPort must be 1-65535 (was 0); set it in the gateway configuration");
        assertThat(line.get().stackTrace()).isNull();
    }

    @Test
    void theSameRefusalRetriedByDsIsToldOnceButANewValueIsToldAgain() {
        assertThat(filter.line(DS_MESSAGE, refusal("harnessPort must be 1-65535 (was 0)"))).isPresent();
        assertThat(filter.line(DS_MESSAGE, refusal("harnessPort must be 1-65535 (was 0)"))).isEmpty();
        assertThat(filter.line(DS_MESSAGE, refusal("harnessPort must be 1-65535 (was 70000)"))).isPresent();
    }

    @Test
    void anyOtherFailureKeepsItsStackTrace() {
        IllegalStateException bug = new IllegalStateException("store closed");
        Optional<FrameworkLogFilter.Line> line = filter.line(DS_MESSAGE, new InvocationTargetException(bug));
        assertThat(line).isPresent();
        assertThat(line.get().text()).isEqualTo(DS_MESSAGE);
        assertThat(line.get().stackTrace()).isInstanceOf(InvocationTargetException.class);
    }

    @Test
    void whatOnlyFollowsFromAnotherComponentsFailureIsLeftOut() {
        assertThat(filter.line("bundle x (39)[cn.taihang.counter.internal.LaneCounterComponent(12)] : Error during instantiation of the implementation object: "
                + "Unable to get service for reference gpio", null)).isEmpty();
        assertThat(filter.line("FrameworkEvent ERROR", new RuntimeException("Service factory returned null. (Component: x (11))"))).isEmpty();
    }

    @Test
    void memoryIsBounded() {
        for (int i = 0; i < FrameworkLogFilter.REMEMBERED + 10; i++) {
            assertThat(filter.line("problem " + i, null)).isPresent();
        }
        assertThat(filter.line("problem 0", null)).as("the oldest was forgotten").isPresent();
        assertThat(filter.line("problem " + (FrameworkLogFilter.REMEMBERED + 9), null)).isEmpty();
    }
}
