package cn.taihang.validator.internal;

import cn.taihang.hardware.api.DigitalOutput;
import cn.taihang.hardware.api.Gpio;
import cn.taihang.hardware.api.HardwareException;
import cn.taihang.hardware.api.OutputSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate's outputs: the relay (pulsed to let one person through), and optional green and red lights and a
 * buzzer. A failing output is reported in the status, never thrown at the scan.
 */
final class GateOutputs implements AutoCloseable {

    static final int NONE = -1;
    private static final Logger LOG = LoggerFactory.getLogger(GateOutputs.class);
    private static final Duration LIGHT = Duration.ofMillis(1500);
    private static final Duration SHORT_BEEP = Duration.ofMillis(80);
    private static final Duration LONG_BEEP = Duration.ofMillis(600);

    private final String device;
    private final Duration relayPulse;
    private final List<DigitalOutput> opened = new ArrayList<>();
    private final DigitalOutput relay;
    private final DigitalOutput green;
    private final DigitalOutput red;
    private final DigitalOutput buzzer;
    private volatile String lastProblem = "";

    /** @throws HardwareException if a pin cannot be opened (everything opened so far is released) */
    GateOutputs(Gpio gpio, String device, int relayPin, Duration relayPulse, int greenPin, int redPin, int buzzerPin) throws HardwareException {
        this.device = device;
        this.relayPulse = relayPulse;
        try {
            relay = open(gpio, relayPin, "relay");
            green = open(gpio, greenPin, "green light");
            red = open(gpio, redPin, "red light");
            buzzer = open(gpio, buzzerPin, "buzzer");
        } catch (HardwareException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private DigitalOutput open(Gpio gpio, int pin, String what) throws HardwareException {
        if (pin == NONE) {
            return null;
        }
        DigitalOutput output = gpio.openOutput(new OutputSpec(pin, false, "gate " + device + " " + what));
        opened.add(output);
        return output;
    }

    /** Opens the gate for one person: relay pulse, green light, short beep. */
    void pass() {
        pulse(relay, relayPulse);
        pulse(green, LIGHT);
        pulse(buzzer, SHORT_BEEP);
    }

    /** Refusal feedback: red light, long beep. */
    void refuse() {
        pulse(red, LIGHT);
        pulse(buzzer, LONG_BEEP);
    }

    int relayPin() {
        return relay.pin();
    }

    boolean relayHigh() {
        return relay.isHigh();
    }

    String lastProblem() {
        return lastProblem;
    }

    private void pulse(DigitalOutput output, Duration length) {
        if (output == null) {
            return;
        }
        try {
            output.pulse(length);
            lastProblem = "";
        } catch (HardwareException | RuntimeException e) {
            if (!String.valueOf(e.getMessage()).equals(lastProblem)) {
                LOG.error("gate {}: GPIO {} could not be pulsed: {}", device, output.pin(), e.getMessage());
            }
            lastProblem = "GPIO " + output.pin() + ": " + e.getMessage();
        }
    }

    @Override
    public void close() {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
        opened.clear();
    }
}
