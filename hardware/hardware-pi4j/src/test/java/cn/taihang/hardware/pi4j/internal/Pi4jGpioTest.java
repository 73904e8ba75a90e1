package cn.taihang.hardware.pi4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.hardware.api.DigitalInput;
import cn.taihang.hardware.api.DigitalOutput;
import cn.taihang.hardware.api.EdgeEvent;
import cn.taihang.hardware.api.HardwareException;
import cn.taihang.hardware.api.InputSpec;
import cn.taihang.hardware.api.OutputSpec;
import cn.taihang.hardware.api.Pull;
import cn.taihang.testkit.config.Configs;
import com.pi4j.io.gpio.digital.DigitalState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Pi4jGpio on Pi4J's mock plugin: what the contract does not say about Pi4J. */
@Tag("unit")
class Pi4jGpioTest {

    private final Pi4jMockRig rig = new Pi4jMockRig();

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void inputsFireEdgesOnlyWhenTheLevelChanges() throws Exception {
        List<EdgeEvent> edges = new CopyOnWriteArrayList<>();
        DigitalInput input = rig.gpio.openInput(new InputSpec(17, Pull.DOWN, "counter lane-1 loop A"), edges::add);

        rig.mockInput(17).mockState(DigitalState.HIGH);
        rig.mockInput(17).mockState(DigitalState.HIGH);
        rig.mockInput(17).mockState(DigitalState.LOW);

        assertThat(edges).extracting(EdgeEvent::high).containsExactly(true, false);
        assertThat(input.isHigh()).isFalse();
    }

    @Test
    void outputsToggleThePi4jPin() throws Exception {
        DigitalOutput relay = rig.gpio.openOutput(new OutputSpec(18, false, "gate-1 relay"));
        assertThat(rig.mockOutput(18).state()).isEqualTo(DigitalState.LOW);

        relay.set(true);
        assertThat(rig.mockOutput(18).state()).isEqualTo(DigitalState.HIGH);
        relay.set(false);
        assertThat(rig.mockOutput(18).state()).isEqualTo(DigitalState.LOW);
    }

    @Test
    void pulseReturnsHighThenLowWithoutBlocking() throws Exception {
        DigitalOutput relay = rig.gpio.openOutput(new OutputSpec(18, false, "gate-1 relay"));

        relay.pulse(Duration.ofMinutes(10));
        assertThat(rig.mockOutput(18).state()).as("high at once, the caller is not held for ten minutes").isEqualTo(DigitalState.HIGH);
        relay.set(false);
        relay.pulse(Duration.ofMillis(30));
        await().atMost(Duration.ofSeconds(5)).until(() -> rig.mockOutput(18).state() == DigitalState.LOW);
        assertThat(relay.isHigh()).isFalse();
    }

    @Test
    void closingReleasesThePi4jIoSoThePinCanBeOpenedAgain() throws Exception {
        DigitalOutput relay = rig.gpio.openOutput(new OutputSpec(18, true, "gate-1 relay"));
        relay.close();

        assertThat(rig.gpio.context().registry().exists(Pi4jGpio.ioId(18))).isFalse();
        rig.gpio.openInput(new InputSpec(18, Pull.UP, "counter lane-3 loop A"), e -> { });
        assertThat(rig.gpio.context().registry().exists(Pi4jGpio.ioId(18))).isTrue();
        assertThatThrownBy(() -> relay.set(true)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void claimsConflictAndBoardPinsAreChecked() throws Exception {
        rig.gpio.openInput(new InputSpec(17, Pull.DOWN, "counter lane-1 loop A"), e -> { });

        assertThatThrownBy(() -> rig.gpio.openOutput(new OutputSpec(17, false, "gate-1 relay")))
                .isInstanceOfSatisfying(HardwareException.class,
                        e -> assertThat(e.reason()).isEqualTo(HardwareException.Reason.PIN_IN_USE))
                .hasMessageContaining("counter lane-1 loop A");
        assertThatThrownBy(() -> rig.gpio.openOutput(new OutputSpec(14, false, "gate-1 relay")))
                .isInstanceOfSatisfying(HardwareException.class,
                        e -> assertThat(e.reason()).isEqualTo(HardwareException.Reason.RESERVED_PIN))
                .hasMessageContaining("UART0");
        assertThatThrownBy(() -> rig.gpio.openInput(new InputSpec(28, Pull.DOWN, "x"), e -> { }))
                .isInstanceOfSatisfying(HardwareException.class,
                        e -> assertThat(e.reason()).isEqualTo(HardwareException.Reason.NO_SUCH_PIN));
        assertThat(rig.gpio.context().registry().exists(Pi4jGpio.ioId(14))).as("no Pi4J I/O for a refused pin").isFalse();
    }

    @Test
    void configurationIsCheckedAtActivation() {
        assertThatThrownBy(() -> new Pi4jGpio(Configs.of(Pi4jConfig.class, Map.of("provider", "pigpio"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gpiod, linuxfs, mock");
        assertThatThrownBy(() -> new Pi4jGpio(Configs.of(Pi4jConfig.class, Map.of("provider", "mock",
                "board", "raspberry-pi-9")))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("raspberry-pi-9");
        assertThatThrownBy(() -> new Pi4jGpio(Configs.of(Pi4jConfig.class, Map.of("provider", "mock",
                "debounceMicros", -1)))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("debounceMicros");
    }

    @Test
    void theDefaultProviderExplainsItselfWhereThereIsNoGpioChip() {
        assumeThat(System.getProperty("os.arch")).as("not on a Raspberry Pi").isIn("amd64", "x86_64");

        assertThatThrownBy(() -> new Pi4jGpio(Configs.of(Pi4jConfig.class, Map.of())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("gpiod").hasMessageContaining("provider=mock");
    }
}
