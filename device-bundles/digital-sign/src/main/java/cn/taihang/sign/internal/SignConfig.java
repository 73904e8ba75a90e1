package cn.taihang.sign.internal;

import cn.taihang.sign.domain.BrightnessControl;
import cn.taihang.sign.rendering.ColourScheme;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One digital sign (factory configuration {@code cn.taihang.sign}). The defaults here are the only defaults. */
@ObjectClassDefinition(id = SignConfig.PID, name = "数字标牌 / Digital sign",
        description = "An LED sign: panel, link to its controller, NTCIP 1203 message control, safety warnings from alarms, brightness.")
public @interface SignConfig {

    /** The factory configuration PID. */
    String PID = "cn.taihang.sign";

    /** How the gateway reaches the panel controller. */
    enum Transport { SERIAL, TCP }

    @AttributeDefinition(name = "Sign id / 标牌编号", description = "Unique in the network, e.g. jincheng-hsr-east-board. Required.")
    String device();

    @AttributeDefinition(name = "Description / 说明", required = false, description = "Where it stands, bilingual")
    String description() default "";

    @AttributeDefinition(name = "Role / 用途", description = "hub: the bridge composes departures, parking and weather for it; "
            + "road: roadside warning sign; local: only local and operator messages")
    String role() default "road";

    @AttributeDefinition(name = "Width (px)", min = "16", max = "1024")
    int width() default 192;

    @AttributeDefinition(name = "Height (px)", min = "16", max = "512")
    int height() default 64;

    @AttributeDefinition(name = "Colours / 颜色", description = "MONOCHROME_1BIT (amber), TRICOLOUR (red, green, amber) or COLOUR_24BIT")
    ColourScheme colourScheme() default ColourScheme.MONOCHROME_1BIT;

    @AttributeDefinition(name = "Large type / 大字体", description = "Default to the 32 px font, for elderly readers and distance")
    boolean largeType() default false;

    @AttributeDefinition(name = "Page slots", min = "1", max = "16", description = "Most pages one message may have")
    int maxPages() default 6;

    @AttributeDefinition(name = "Page time (0.1 s)", min = "1", max = "255", description = "Default time per page of a multi-page message")
    int pageOnTenths() default 30;

    @AttributeDefinition(name = "Transport", description = "SERIAL (the board's serial port) or TCP (a networked controller)")
    Transport transport() default Transport.SERIAL;

    @AttributeDefinition(name = "Serial port", description = "Port name as the board knows it, e.g. /dev/ttyUSB0 or sign-1 in simulation")
    String serialPort() default "sign-1";

    @AttributeDefinition(name = "Baud", min = "1200")
    int baud() default 115200;

    @AttributeDefinition(name = "TCP host", description = "Controller address when transport is TCP")
    String tcpHost() default "127.0.0.1";

    @AttributeDefinition(name = "TCP port", min = "0", max = "65535", description = "Controller port when transport is TCP (required then)")
    int tcpPort() default 0;

    @AttributeDefinition(name = "Ack timeout (ms)", min = "20", max = "10000", description = "How long to wait for each reply before retrying")
    int ackTimeoutMillis() default 300;

    @AttributeDefinition(name = "Retries", min = "0", max = "10", description = "Resends of a frame before the link counts as down")
    int retries() default 3;

    @AttributeDefinition(name = "Status poll (s)", min = "1", max = "600", description = "How often the panel's status is read")
    int statusPollSeconds() default 10;

    @AttributeDefinition(name = "Status record (s)", min = "10", max = "86400",
            description = "sign.status records go to the bridge on every change and at least this often")
    int statusIntervalSeconds() default 300;

    @AttributeDefinition(name = "End-duration message", required = false, description = "MULTI shown when a message's duration ends; empty = blank")
    String endDurationMessage() default "";

    @AttributeDefinition(name = "Comms-loss timeout (min)", min = "0", max = "1440",
            description = "Minutes without the bridge after which its content gives way to the comms-loss message; 0 = never")
    int commsLossMinutes() default 10;

    @AttributeDefinition(name = "Comms-loss message", required = false, description = "MULTI; empty = blank (never stale content)")
    String commsLossMessage() default "";

    @AttributeDefinition(name = "Power-recovery message", required = false, description = "MULTI shown when the gateway starts")
    String powerRecoveryMessage() default "";

    @AttributeDefinition(name = "Reset message", required = false, description = "MULTI shown after a reset")
    String resetMessage() default "";

    @AttributeDefinition(name = "Day plan / 日计划", required = false,
            description = "Entries HH:MM|priority|minutes|MULTI, e.g. 06:30|20|65535|[jp3]欢迎[np][jp3]WELCOME")
    String[] dayPlan() default {};

    @AttributeDefinition(name = "Safety alarm kinds", description = "Alarm kinds that put a warning up on this sign")
    String[] safetyKinds() default {"fog", "ice", "wind"};

    @AttributeDefinition(name = "Safety alarm sources", required = false,
            description = "Only alarms from these sources (sensor ids); empty = any source on this gateway")
    String[] safetySources() default {};

    @AttributeDefinition(name = "Safety roads", required = false,
            description = "Only alarms whose details name one of these roads (detail 'road'); empty = any road")
    String[] safetyRoads() default {};

    @AttributeDefinition(name = "Safety priority", min = "0", max = "255", description = "Run-time priority of safety warnings")
    int safetyPriority() default 250;

    @AttributeDefinition(name = "Safety messages", description = "Entries kind|Chinese page|English page, in MULTI; other kinds use the alarm's own text")
    String[] safetyMessages() default {
        "fog|前方大雾[nl]减速慢行|FOG AHEAD[nl]SLOW DOWN",
        "ice|路面结冰[nl]减速慢行|ICE ON ROAD[nl]SLOW DOWN",
        "wind|大风[nl]谨慎驾驶|STRONG WIND[nl]DRIVE SLOWLY"
    };

    @AttributeDefinition(name = "Test priority", min = "0", max = "255",
            description = "Run-time priority of the console's test message and test pattern: above routine content, below safety warnings")
    int testPriority() default 200;

    @AttributeDefinition(name = "Test minutes", min = "1", max = "60", description = "A forgotten console test ends by itself after this many minutes")
    int testMinutes() default 2;

    @AttributeDefinition(name = "Brightness mode", description = "PHOTOCELL (the panel's light sensor, schedule as fallback) or SCHEDULE")
    BrightnessControl.Mode brightnessMode() default BrightnessControl.Mode.PHOTOCELL;

    @AttributeDefinition(name = "Brightness min (%)", min = "1", max = "100")
    int brightnessMin() default 10;

    @AttributeDefinition(name = "Brightness max (%)", min = "1", max = "100")
    int brightnessMax() default 100;

    @AttributeDefinition(name = "Brightness schedule", description = "Entries HH:MM=percent")
    String[] brightnessSchedule() default {"06:00=70", "18:30=40", "22:00=20"};

    @AttributeDefinition(name = "Time zone")
    String timeZone() default "Asia/Shanghai";
}
