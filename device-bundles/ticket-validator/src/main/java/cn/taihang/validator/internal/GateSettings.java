package cn.taihang.validator.internal;

import cn.taihang.gateway.api.config.Ranges;
import cn.taihang.validator.domain.GateRules;
import cn.taihang.wire.ticket.GateKind;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gate's configuration, validated.
 *
 * @param device device id
 * @param description bilingual description
 * @param rules what the gate honours
 * @param scannerPort serial port of the scanner
 * @param scannerBaud its speed
 * @param relayPin relay GPIO
 * @param relayPulse how long the relay stays on
 * @param greenPin green light GPIO or -1
 * @param redPin red light GPIO or -1
 * @param buzzerPin buzzer GPIO or -1
 * @param echoVerdict whether verdicts are written back to the scanner port
 * @param publishRejections whether refusals are published
 * @param clockJump how far back the clock may be stepped before scans are refused and an alarm is raised
 */
record GateSettings(String device, String description, GateRules rules, String scannerPort, int scannerBaud, int relayPin, Duration relayPulse,
                    int greenPin, int redPin, int buzzerPin, boolean echoVerdict, boolean publishRejections, Duration clockJump) {

    private static final Logger LOG = LoggerFactory.getLogger(GateComponent.class);

    /** @throws IllegalStateException after logging one line naming the gate, the problem and the fix */
    static GateSettings from(GateConfiguration c, Map<String, Object> properties) {
        String device = c.device();
        String name = device == null || device.isBlank() ? String.valueOf(properties.get("service.pid")) : device;
        if (device == null || device.isBlank()) {
            throw fail(name, "device is not set: give the gate a unique device id such as wangmangling-gate-1");
        }
        for (String required : new String[] {"kind", "places", "scannerPort", "relayPin"}) {
            if (!properties.containsKey(required)) {
                throw fail(name, required + " is not set: see the configuration form's description of " + required);
            }
        }
        GateKind kind;
        try {
            kind = c.kind();
        } catch (IllegalArgumentException e) {
            throw fail(name, "kind must be one of " + Arrays.toString(GateKind.values()) + ", was " + properties.get("kind"));
        }
        if (kind == GateKind.RENTAL_KEY_LOCKER) {
            throw fail(name, "a rental key locker has slots and doors, not a gate relay: configure it as " + LockerComponent.PID
                    + "~<name> (slotPins, doorPins); gates are BUS_BOARDING, SCENIC_ENTRANCE or LODGING");
        }
        int[] places = c.places();
        try {
            GateRules rules = new GateRules(device, kind, Arrays.stream(places == null ? new int[0] : places).boxed().collect(Collectors.toSet()),
                    Duration.ofSeconds(c.clockSkewSeconds()), Duration.ofSeconds(c.passbackSeconds()));
            ScanStation.requireScanner(c.scannerPort(), c.scannerBaud());
            Ranges.require("relayPin", c.relayPin(), GateConfiguration.PIN_MIN, Integer.MAX_VALUE);
            Ranges.require("relayPulseMillis", c.relayPulseMillis(), GateConfiguration.RELAY_PULSE_MILLIS_MIN, GateConfiguration.RELAY_PULSE_MILLIS_MAX);
            Ranges.require("greenLedPin", c.greenLedPin(), GateConfiguration.NO_PIN, Integer.MAX_VALUE);
            Ranges.require("redLedPin", c.redLedPin(), GateConfiguration.NO_PIN, Integer.MAX_VALUE);
            Ranges.require("buzzerPin", c.buzzerPin(), GateConfiguration.NO_PIN, Integer.MAX_VALUE);
            Ranges.require("clockSkewSeconds", c.clockSkewSeconds(), GateConfiguration.CLOCK_SKEW_SECONDS_MIN, GateConfiguration.CLOCK_SKEW_SECONDS_MAX);
            Ranges.require("clockJumpSeconds", c.clockJumpSeconds(), GateConfiguration.CLOCK_JUMP_SECONDS_MIN, GateConfiguration.CLOCK_JUMP_SECONDS_MAX);
            Ranges.require("passbackSeconds", c.passbackSeconds(), GateConfiguration.PASSBACK_SECONDS_MIN, GateConfiguration.PASSBACK_SECONDS_MAX);
            String description = c.description() == null || c.description().isBlank()
                    ? "检票闸机 " + device + " / ticket gate " + device : c.description();
            return new GateSettings(device, description, rules, c.scannerPort(), c.scannerBaud(), c.relayPin(), Duration.ofMillis(c.relayPulseMillis()),
                    c.greenLedPin(), c.redLedPin(), c.buzzerPin(), c.echoVerdict(), c.publishRejections(),
                    Duration.ofSeconds(c.clockJumpSeconds()));
        } catch (IllegalArgumentException e) {
            throw fail(name, e.getMessage());
        }
    }

    /** Logs the one line and returns the exception that fails activation. */
    static IllegalStateException fail(String gate, String problem) {
        String message = "ticket gate " + gate + " not started: " + problem;
        LOG.error(message);
        return new IllegalStateException(message);
    }
}
