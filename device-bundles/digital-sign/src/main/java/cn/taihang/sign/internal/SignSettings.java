package cn.taihang.sign.internal;

import cn.taihang.gateway.api.config.Ranges;
import cn.taihang.sign.domain.BrightnessControl;
import cn.taihang.sign.domain.ControllerSettings;
import cn.taihang.sign.domain.DayPlan;
import cn.taihang.sign.rendering.PanelSpec;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * A sign's configuration, validated and turned into domain objects. Each problem becomes one message that names
 * the setting and what it takes.
 *
 * @param id sign id
 * @param description bilingual place
 * @param role hub, road or local
 * @param panel the matrix
 * @param controller message control
 * @param brightness brightness control
 * @param warnings how alarms become warnings
 * @param link transport settings
 * @param statusPoll how often the panel is polled
 * @param statusInterval how often a status record goes out at least
 */
record SignSettings(String id, String description, String role, PanelSpec panel, ControllerSettings controller, BrightnessControl brightness,
                    AlarmWarnings warnings, LinkSettings link, Duration statusPoll, Duration statusInterval) {

    /** Fallback when alarm warnings do not fit. */
    static final String SAFETY_FALLBACK = "[jp3]注意安全[np][jp3]CAUTION";

    /**
     * How to reach the panel.
     *
     * @param transport serial or TCP
     * @param serialPort port name
     * @param baud line speed
     * @param host TCP host
     * @param port TCP port
     * @param ackTimeout reply timeout
     * @param retries resends
     */
    record LinkSettings(SignConfig.Transport transport, String serialPort, int baud, String host, int port, Duration ackTimeout, int retries) {}

    static SignSettings from(SignConfig c) {
        String id = c.device();
        if (id == null || !id.matches("[A-Za-z0-9_./:-]{1,96}")) {
            throw new IllegalArgumentException("device must be 1-96 of letters, digits and _ . / : -, was '" + id + "'");
        }
        if (!List.of("hub", "road", "local").contains(c.role())) {
            throw new IllegalArgumentException("role must be hub, road or local, was '" + c.role() + "'");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(c.timeZone());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("timeZone '" + c.timeZone() + "' is not a time zone id such as Asia/Shanghai");
        }
        PanelSpec defaults = PanelSpec.of(c.width(), c.height(), c.colourScheme(), c.largeType());
        PanelSpec panel = new PanelSpec(c.width(), c.height(), c.colourScheme(), c.maxPages(), defaults.defaultFont(), defaults.defaultColour(),
                defaults.defaultLine(), defaults.defaultPage(), c.pageOnTenths(), 0);
        checkRanges(c);
        ControllerSettings controller = new ControllerSettings(c.endDurationMessage(), Duration.ofMinutes(c.commsLossMinutes()),
                c.commsLossMessage(), c.powerRecoveryMessage(), c.resetMessage(), c.safetyPriority(), SAFETY_FALLBACK,
                DayPlan.parse(list(c.dayPlan()), zone));
        BrightnessControl brightness = new BrightnessControl(c.brightnessMode(), c.brightnessMin(), c.brightnessMax(),
                BrightnessControl.parseSchedule(list(c.brightnessSchedule())), zone);
        if (c.transport() == SignConfig.Transport.TCP && (c.tcpPort() < 1 || c.tcpPort() > 65535)) {
            throw new IllegalArgumentException("transport TCP needs tcpPort 1-65535");
        }
        LinkSettings link = new LinkSettings(c.transport(), c.serialPort(), c.baud(), c.tcpHost(), c.tcpPort(),
                Duration.ofMillis(c.ackTimeoutMillis()), c.retries());
        AlarmWarnings warnings = new AlarmWarnings(list(c.safetyKinds()), list(c.safetySources()), list(c.safetyRoads()), list(c.safetyMessages()));
        String description = c.description() == null || c.description().isBlank() ? "数字标牌 " + id + " / digital sign " + id : c.description();
        return new SignSettings(id, description, c.role(), panel, controller, brightness, warnings, link,
                Duration.ofSeconds(c.statusPollSeconds()), Duration.ofSeconds(c.statusIntervalSeconds()));
    }

    private static void checkRanges(SignConfig c) {
        Ranges.require("baud", c.baud(), SignConfig.BAUD_MIN, Integer.MAX_VALUE);
        Ranges.require("tcpPort", c.tcpPort(), SignConfig.TCP_PORT_MIN, SignConfig.TCP_PORT_MAX);
        Ranges.require("ackTimeoutMillis", c.ackTimeoutMillis(), SignConfig.ACK_TIMEOUT_MILLIS_MIN, SignConfig.ACK_TIMEOUT_MILLIS_MAX);
        Ranges.require("retries", c.retries(), SignConfig.RETRIES_MIN, SignConfig.RETRIES_MAX);
        Ranges.require("statusPollSeconds", c.statusPollSeconds(), SignConfig.STATUS_POLL_SECONDS_MIN, SignConfig.STATUS_POLL_SECONDS_MAX);
        Ranges.require("statusIntervalSeconds", c.statusIntervalSeconds(), SignConfig.STATUS_INTERVAL_SECONDS_MIN, SignConfig.STATUS_INTERVAL_SECONDS_MAX);
        Ranges.require("commsLossMinutes", c.commsLossMinutes(), SignConfig.COMMS_LOSS_MINUTES_MIN, SignConfig.COMMS_LOSS_MINUTES_MAX);
        Ranges.require("testPriority", c.testPriority(), SignConfig.TEST_PRIORITY_MIN, SignConfig.TEST_PRIORITY_MAX);
        Ranges.require("testMinutes", c.testMinutes(), SignConfig.TEST_MINUTES_MIN, SignConfig.TEST_MINUTES_MAX);
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : Arrays.stream(values).filter(v -> v != null && !v.isBlank()).toList();
    }
}
