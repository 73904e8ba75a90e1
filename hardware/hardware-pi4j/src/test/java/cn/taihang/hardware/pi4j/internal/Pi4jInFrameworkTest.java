package cn.taihang.hardware.pi4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.taihang.hardware.api.FelixRig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/**
 * The real bundles in a real Felix: pi4j-core, the wrapped plugins (cn.taihang.pi4j-plugins),
 * hardware-api and this bundle (its target/classes, with the manifest bnd wrote there). Proves the
 * wrapper resolves against pi4j-core and that the explicitly built Pi4J context works inside OSGi.
 */
@Tag("framework")
class Pi4jInFrameworkTest {

    private static final String API = "cn.taihang.hardware-api";

    @Test
    void gpioServiceComesUpInFelixAndDrivesAPin() throws Exception {
        try (FelixRig felix = new FelixRig()) {
            felix.start(FelixRig.RUNTIME);
            felix.start(List.of("com.pi4j.Pi4J", "com.pi4j.plugin.mock.MockPlugin"));
            assertThat(felix.bundle("cn.taihang.pi4j-plugins").getState())
                    .as("the wrapped plugins resolve against pi4j-core").isEqualTo(Bundle.ACTIVE);

            felix.configure(Pi4jConfig.PID, Map.of("provider", "mock"));
            felix.configure(TtyConfig.PID, Map.of("deviceDir", "/dev"));
            felix.start(List.of(Pi4jGpio.class.getName()));

            Object gpio = felix.awaitService("cn.taihang.hardware.api.Gpio");
            assertThat(gpio).as("the component activated with the mock provider").isNotNull();
            Class<?> outputSpec = felix.bundle(API).loadClass("cn.taihang.hardware.api.OutputSpec");
            Object spec = outputSpec.getConstructor(int.class, boolean.class, String.class).newInstance(18, false, "gate-1 relay");
            Object output = felix.call(gpio, API, "cn.taihang.hardware.api.Gpio", "openOutput", new Class<?>[] {outputSpec}, spec);
            felix.call(output, API, "cn.taihang.hardware.api.DigitalOutput", "set", new Class<?>[] {boolean.class}, true);

            Object pins = felix.call(gpio, API, "cn.taihang.hardware.api.Gpio", "pins", new Class<?>[0]);
            assertThat(pins.toString()).contains("pin=18", "OUTPUT", "gate-1 relay", "high=true");
            assertThat(felix.hasService("cn.taihang.hardware.api.SerialPorts")).as("the tty serial ports").isTrue();
        }
    }
}
