package cn.taihang.sign.internal;

import cn.taihang.sign.domain.BrightnessControl;
import cn.taihang.sign.rendering.ColourScheme;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One digital sign (factory configuration {@code cn.taihang.sign}). The defaults here are the only defaults. */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", id = SignConfig.PID, name = "%sign.name",
        description = "%sign.description")
public @interface SignConfig {

    /** The factory configuration PID. */
    String PID = "cn.taihang.sign";

    /** How the gateway reaches the panel controller. */
    enum Transport { SERIAL, TCP }

    @AttributeDefinition(name = "%sign.device.name", description = "%sign.device.description")
    String device();

    @AttributeDefinition(name = "%sign.description.name", required = false, description = "%sign.description.description")
    String description() default "";

    @AttributeDefinition(name = "%sign.role.name", description = "%sign.role.description")
    String role() default "road";

    @AttributeDefinition(name = "%sign.width.name", min = "16", max = "1024")
    int width() default 192;

    @AttributeDefinition(name = "%sign.height.name", min = "16", max = "512")
    int height() default 64;

    @AttributeDefinition(name = "%sign.colourScheme.name", description = "%sign.colourScheme.description")
    ColourScheme colourScheme() default ColourScheme.MONOCHROME_1BIT;

    @AttributeDefinition(name = "%sign.largeType.name", description = "%sign.largeType.description")
    boolean largeType() default false;

    @AttributeDefinition(name = "%sign.maxPages.name", min = "1", max = "16", description = "%sign.maxPages.description")
    int maxPages() default 6;

    @AttributeDefinition(name = "%sign.pageOnTenths.name", min = "1", max = "255", description = "%sign.pageOnTenths.description")
    int pageOnTenths() default 30;

    @AttributeDefinition(name = "%sign.transport.name", description = "%sign.transport.description")
    Transport transport() default Transport.SERIAL;

    @AttributeDefinition(name = "%sign.serialPort.name", description = "%sign.serialPort.description")
    String serialPort() default "sign-1";

    /** Slowest serial line to the panel controller, baud. */
    int BAUD_MIN = 1200;

    @AttributeDefinition(name = "%sign.baud.name", min = "" + BAUD_MIN)
    int baud() default 115200;

    @AttributeDefinition(name = "%sign.tcpHost.name", description = "%sign.tcpHost.description")
    String tcpHost() default "127.0.0.1";

    /** Lowest controller port (0: not set; required for TCP). */
    int TCP_PORT_MIN = 0;
    /** Highest controller port. */
    int TCP_PORT_MAX = 65_535;

    @AttributeDefinition(name = "%sign.tcpPort.name", min = "" + TCP_PORT_MIN, max = "" + TCP_PORT_MAX, description = "%sign.tcpPort.description")
    int tcpPort() default 0;

    /** Shortest reply timeout, ms. */
    int ACK_TIMEOUT_MILLIS_MIN = 20;
    /** Longest reply timeout, ms. */
    int ACK_TIMEOUT_MILLIS_MAX = 10_000;

    @AttributeDefinition(name = "%sign.ackTimeoutMillis.name", min = "" + ACK_TIMEOUT_MILLIS_MIN, max = "" + ACK_TIMEOUT_MILLIS_MAX, description = "%sign.ackTimeoutMillis.description")
    int ackTimeoutMillis() default 300;

    /** Fewest resends of a frame. */
    int RETRIES_MIN = 0;
    /** Most resends of a frame. */
    int RETRIES_MAX = 10;

    @AttributeDefinition(name = "%sign.retries.name", min = "" + RETRIES_MIN, max = "" + RETRIES_MAX, description = "%sign.retries.description")
    int retries() default 3;

    /** Shortest status poll, s. */
    int STATUS_POLL_SECONDS_MIN = 1;
    /** Longest status poll, s. */
    int STATUS_POLL_SECONDS_MAX = 600;

    @AttributeDefinition(name = "%sign.statusPollSeconds.name", min = "" + STATUS_POLL_SECONDS_MIN, max = "" + STATUS_POLL_SECONDS_MAX, description = "%sign.statusPollSeconds.description")
    int statusPollSeconds() default 10;

    /** Shortest status record interval, s. */
    int STATUS_INTERVAL_SECONDS_MIN = 10;
    /** Longest status record interval, s (a day). */
    int STATUS_INTERVAL_SECONDS_MAX = 86_400;

    @AttributeDefinition(name = "%sign.statusIntervalSeconds.name", min = "" + STATUS_INTERVAL_SECONDS_MIN, max = "" + STATUS_INTERVAL_SECONDS_MAX,
            description = "%sign.statusIntervalSeconds.description")
    int statusIntervalSeconds() default 300;

    @AttributeDefinition(name = "%sign.endDurationMessage.name", required = false, description = "%sign.endDurationMessage.description")
    String endDurationMessage() default "";

    /** Comms-loss timeout off. */
    int COMMS_LOSS_MINUTES_MIN = 0;
    /** Longest comms-loss timeout, minutes (a day). */
    int COMMS_LOSS_MINUTES_MAX = 1440;

    @AttributeDefinition(name = "%sign.commsLossMinutes.name", min = "" + COMMS_LOSS_MINUTES_MIN, max = "" + COMMS_LOSS_MINUTES_MAX,
            description = "%sign.commsLossMinutes.description")
    int commsLossMinutes() default 10;

    @AttributeDefinition(name = "%sign.commsLossMessage.name", required = false, description = "%sign.commsLossMessage.description")
    String commsLossMessage() default "";

    @AttributeDefinition(name = "%sign.powerRecoveryMessage.name", required = false, description = "%sign.powerRecoveryMessage.description")
    String powerRecoveryMessage() default "";

    @AttributeDefinition(name = "%sign.resetMessage.name", required = false, description = "%sign.resetMessage.description")
    String resetMessage() default "";

    @AttributeDefinition(name = "%sign.dayPlan.name", required = false,
            description = "%sign.dayPlan.description")
    String[] dayPlan() default {};

    @AttributeDefinition(name = "%sign.safetyKinds.name", description = "%sign.safetyKinds.description")
    String[] safetyKinds() default {"fog", "ice", "wind"};

    @AttributeDefinition(name = "%sign.safetySources.name", required = false,
            description = "%sign.safetySources.description")
    String[] safetySources() default {};

    @AttributeDefinition(name = "%sign.safetyRoads.name", required = false,
            description = "%sign.safetyRoads.description")
    String[] safetyRoads() default {};

    @AttributeDefinition(name = "%sign.safetyPriority.name", min = "0", max = "255", description = "%sign.safetyPriority.description")
    int safetyPriority() default 250;

    @AttributeDefinition(name = "%sign.safetyMessages.name", description = "%sign.safetyMessages.description")
    String[] safetyMessages() default {
        "fog|前方大雾[nl]减速慢行|FOG AHEAD[nl]SLOW DOWN",
        "ice|路面结冰[nl]减速慢行|ICE ON ROAD[nl]SLOW DOWN",
        "wind|大风[nl]谨慎驾驶|STRONG WIND[nl]DRIVE SLOWLY"
    };

    /** Lowest run-time priority of a console test. */
    int TEST_PRIORITY_MIN = 0;
    /** Highest run-time priority (NTCIP 1203). */
    int TEST_PRIORITY_MAX = 255;

    @AttributeDefinition(name = "%sign.testPriority.name", min = "" + TEST_PRIORITY_MIN, max = "" + TEST_PRIORITY_MAX,
            description = "%sign.testPriority.description")
    int testPriority() default 200;

    /** Shortest console test, minutes. */
    int TEST_MINUTES_MIN = 1;
    /** Longest console test, minutes. */
    int TEST_MINUTES_MAX = 60;

    @AttributeDefinition(name = "%sign.testMinutes.name", min = "" + TEST_MINUTES_MIN, max = "" + TEST_MINUTES_MAX, description = "%sign.testMinutes.description")
    int testMinutes() default 2;

    @AttributeDefinition(name = "%sign.brightnessMode.name", description = "%sign.brightnessMode.description")
    BrightnessControl.Mode brightnessMode() default BrightnessControl.Mode.PHOTOCELL;

    @AttributeDefinition(name = "%sign.brightnessMin.name", min = "1", max = "100")
    int brightnessMin() default 10;

    @AttributeDefinition(name = "%sign.brightnessMax.name", min = "1", max = "100")
    int brightnessMax() default 100;

    @AttributeDefinition(name = "%sign.brightnessSchedule.name", description = "%sign.brightnessSchedule.description")
    String[] brightnessSchedule() default {"06:00=70", "18:30=40", "22:00=20"};

    @AttributeDefinition(name = "%sign.timeZone.name")
    String timeZone() default "Asia/Shanghai";
}
