package cn.taihang.hardware.pi4j.internal;

import cn.taihang.hardware.api.Gpio;
import cn.taihang.hardware.api.GpioRig;
import cn.taihang.testkit.config.Configs;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutput;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;

/** Pi4J's mock plugin plays the wires: MockDigitalInput.mockState drives inputs, output listeners watch outputs. */
final class Pi4jMockRig implements GpioRig {

    final Pi4jGpio gpio = new Pi4jGpio(Configs.of(Pi4jConfig.class, Map.of("provider", "mock")));

    @Override
    public Gpio gpio() {
        return gpio;
    }

    MockDigitalInput mockInput(int pin) {
        return gpio.context().io(Pi4jGpio.ioId(pin), MockDigitalInput.class);
    }

    MockDigitalOutput mockOutput(int pin) {
        return gpio.context().io(Pi4jGpio.ioId(pin), MockDigitalOutput.class);
    }

    /** Pi4J events carry no timestamp: the implementation stamps edges itself. */
    @Override
    public OptionalLong drive(int pin, boolean high) {
        mockInput(pin).mockState(high ? DigitalState.HIGH : DigitalState.LOW);
        return OptionalLong.empty();
    }

    @Override
    public List<Boolean> watchOutput(int pin) {
        MockDigitalOutput output = mockOutput(pin);
        List<Boolean> seen = new CopyOnWriteArrayList<>();
        seen.add(output.state() == DigitalState.HIGH);
        output.addListener(event -> seen.add(event.state() == DigitalState.HIGH));
        return seen;
    }

    @Override
    public void close() {
        gpio.deactivate();
    }
}
