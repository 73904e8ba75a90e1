package cn.taihang.validator.internal;

import cn.taihang.validator.domain.GateRules;
import cn.taihang.wire.ticket.GateKind;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * One ticket gate (factory configuration {@code cn.taihang.validator.gate}): a QR scanner on a serial line,
 * the gate relay and optional LEDs and buzzer on GPIO outputs. The defaults here are the only defaults.
 */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", id = GateComponent.PID, name = "%gate.name",
        description = "%gate.description")
public @interface GateConfiguration {

    @AttributeDefinition(name = "%gate.device.name", description = "%gate.device.description")
    String device();

    @AttributeDefinition(name = "%gate.description.name", required = false,
            description = "%gate.description.description")
    String description() default "";

    @AttributeDefinition(name = "%gate.kind.name", options = {@Option(label = "BUS_BOARDING", value = "BUS_BOARDING"),
        @Option(label = "SCENIC_ENTRANCE", value = "SCENIC_ENTRANCE"), @Option(label = "LODGING", value = "LODGING")}, description = "%gate.kind.description")
    GateKind kind();

    /** Lowest catalogue code. */
    int PLACE_MIN = GateRules.PLACE_MIN;
    /** Highest catalogue code. */
    int PLACE_MAX = GateRules.PLACE_MAX;

    @AttributeDefinition(max = "" + PLACE_MAX, min = "" + PLACE_MIN, name = "%gate.places.name", description = "%gate.places.description")
    int[] places();

    @AttributeDefinition(name = "%gate.scannerPort.name", description = "%gate.scannerPort.description")
    String scannerPort();

    /** Slowest scanner line, baud. */
    int SCANNER_BAUD_MIN = 1200;
    /** Fastest scanner line, baud. */
    int SCANNER_BAUD_MAX = 921_600;

    @AttributeDefinition(name = "%gate.scannerBaud.name", min = "" + SCANNER_BAUD_MIN, max = "" + SCANNER_BAUD_MAX, description = "%gate.scannerBaud.description")
    int scannerBaud() default 9600;

    /** Lowest GPIO (BCM) number. */
    int PIN_MIN = 0;

    @AttributeDefinition(name = "%gate.relayPin.name", min = "" + PIN_MIN, description = "%gate.relayPin.description")
    int relayPin();

    /** Shortest relay pulse, ms. */
    int RELAY_PULSE_MILLIS_MIN = 50;
    /** Longest relay pulse, ms. */
    int RELAY_PULSE_MILLIS_MAX = 30_000;

    @AttributeDefinition(name = "%gate.relayPulseMillis.name", min = "" + RELAY_PULSE_MILLIS_MIN, max = "" + RELAY_PULSE_MILLIS_MAX, description = "%gate.relayPulseMillis.description")
    int relayPulseMillis() default 1500;

    /** An optional output that is not fitted. */
    int NO_PIN = -1;

    @AttributeDefinition(name = "%gate.greenLedPin.name", min = "" + NO_PIN, description = "%gate.greenLedPin.description")
    int greenLedPin() default -1;

    @AttributeDefinition(name = "%gate.redLedPin.name", min = "" + NO_PIN, description = "%gate.redLedPin.description")
    int redLedPin() default -1;

    @AttributeDefinition(name = "%gate.buzzerPin.name", min = "" + NO_PIN, description = "%gate.buzzerPin.description")
    int buzzerPin() default -1;

    /** No clock skew tolerance. */
    int CLOCK_SKEW_SECONDS_MIN = 0;
    /** Most clock skew tolerance, s (two hours). */
    int CLOCK_SKEW_SECONDS_MAX = 7200;

    @AttributeDefinition(name = "%gate.clockSkewSeconds.name", min = "" + CLOCK_SKEW_SECONDS_MIN, max = "" + CLOCK_SKEW_SECONDS_MAX,
            description = "%gate.clockSkewSeconds.description")
    int clockSkewSeconds() default 300;

    /** Smallest backward clock jump that stops the gate, s. */
    int CLOCK_JUMP_SECONDS_MIN = 1;
    /** Largest backward clock jump threshold, s (a day). */
    int CLOCK_JUMP_SECONDS_MAX = 86_400;

    @AttributeDefinition(name = "%gate.clockJumpSeconds.name", min = "" + CLOCK_JUMP_SECONDS_MIN, max = "" + CLOCK_JUMP_SECONDS_MAX,
            description = "%gate.clockJumpSeconds.description")
    int clockJumpSeconds() default 600;

    /** No passback time. */
    int PASSBACK_SECONDS_MIN = 0;
    /** Longest passback time, s (a day). */
    int PASSBACK_SECONDS_MAX = 86_400;

    @AttributeDefinition(name = "%gate.passbackSeconds.name", min = "" + PASSBACK_SECONDS_MIN, max = "" + PASSBACK_SECONDS_MAX,
            description = "%gate.passbackSeconds.description")
    int passbackSeconds() default 60;

    @AttributeDefinition(name = "%gate.echoVerdict.name", description = "%gate.echoVerdict.description")
    boolean echoVerdict() default true;

    @AttributeDefinition(name = "%gate.publishRejections.name", description = "%gate.publishRejections.description")
    boolean publishRejections() default true;
}
