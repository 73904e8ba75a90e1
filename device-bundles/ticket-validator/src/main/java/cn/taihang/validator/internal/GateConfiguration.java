package cn.taihang.validator.internal;

import cn.taihang.wire.ticket.GateKind;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One ticket gate (factory configuration {@code cn.taihang.validator.gate}): a QR scanner on a serial line,
 * the gate relay and optional LEDs and buzzer on GPIO outputs. The defaults here are the only defaults.
 */
@ObjectClassDefinition(id = GateComponent.PID, name = "检票闸机 / Ticket gate",
        description = "A QR ticket gate: scanner on a serial port, gate relay and feedback on GPIO; validates offline.")
public @interface GateConfiguration {

    @AttributeDefinition(name = "Device id", description = "Unique id of the gate on this gateway, e.g. wangmangling-gate-1. Required.")
    String device();

    @AttributeDefinition(name = "Description", required = false,
            description = "Bilingual place, e.g. 王莽岭景区 1 号闸机 / Wangmangling entrance gate 1")
    String description() default "";

    @AttributeDefinition(name = "Gate kind", description = "What the gate controls: BUS_BOARDING, SCENIC_ENTRANCE, LODGING "
            + "(rental key lockers have their own configuration, cn.taihang.validator.locker). Required.")
    GateKind kind();

    @AttributeDefinition(name = "Places", description = "Catalogue codes of the bus lines, scenic area or lodging this gate admits to "
            + "(GET /api/v1/tickets/catalogue on the bridge lists them), e.g. 1001,1009 for a hub boarding T01 and T09. Required.")
    int[] places();

    @AttributeDefinition(name = "Scanner port", description = "Serial port of the QR scanner module, e.g. /dev/ttyACM0 (scanner-1 on the simulated board). Required.")
    String scannerPort();

    @AttributeDefinition(name = "Scanner baud", min = "1200", max = "921600", description = "Line speed of the scanner")
    int scannerBaud() default 9600;

    @AttributeDefinition(name = "Relay GPIO", min = "0", description = "GPIO (BCM number) driving the gate relay, high = open. Required.")
    int relayPin();

    @AttributeDefinition(name = "Relay pulse (ms)", min = "50", max = "30000", description = "How long the relay stays on to let one person through")
    int relayPulseMillis() default 1500;

    @AttributeDefinition(name = "Green LED GPIO", min = "-1", description = "GPIO of the green 'pass' light; -1 for none")
    int greenLedPin() default -1;

    @AttributeDefinition(name = "Red LED GPIO", min = "-1", description = "GPIO of the red 'refused' light; -1 for none")
    int redLedPin() default -1;

    @AttributeDefinition(name = "Buzzer GPIO", min = "-1", description = "GPIO of the buzzer: a short beep on pass, a long one on refusal; -1 for none")
    int buzzerPin() default -1;

    @AttributeDefinition(name = "Clock skew tolerance (s)", min = "0", max = "7200",
            description = "Validity windows are widened by this much on both sides, for a gateway clock that drifted while offline")
    int clockSkewSeconds() default 300;

    @AttributeDefinition(name = "Passback (s)", min = "0", max = "86400",
            description = "A ticket with uses left is still refused (PASSBACK) if scanned again at the same gate within this time")
    int passbackSeconds() default 60;

    @AttributeDefinition(name = "Echo verdict to scanner", description = "Write the verdict line (code and bilingual text) back to the scanner port, for its display")
    boolean echoVerdict() default true;

    @AttributeDefinition(name = "Publish refusals", description = "Publish each refused scan as a ticket.rejection record (normal priority)")
    boolean publishRejections() default true;
}
