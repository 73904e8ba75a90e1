package cn.taihang.sign.internal;

import cn.taihang.gateway.api.Alarm;
import cn.taihang.gateway.api.AlarmListener;
import cn.taihang.gateway.api.ChannelStatus;
import cn.taihang.gateway.api.Device;
import cn.taihang.gateway.api.HealthIndicator;
import cn.taihang.gateway.api.HealthReport;
import cn.taihang.gateway.api.Outbox;
import cn.taihang.gateway.api.SignDisplay;
import cn.taihang.gateway.api.SignDisplayException;
import cn.taihang.gateway.api.SignSnapshot;
import cn.taihang.hardware.api.HardwareException;
import cn.taihang.hardware.api.SerialPorts;
import cn.taihang.sign.api.Sign;
import cn.taihang.sign.api.SignView;
import cn.taihang.sign.domain.Activation;
import cn.taihang.sign.domain.ActivationException;
import cn.taihang.sign.rendering.ColourScheme;
import cn.taihang.sign.domain.MessageOrigin;
import cn.taihang.sign.rendering.MultiError;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One digital sign, per factory configuration {@code cn.taihang.sign}: a thin adapter that opens the panel link
 * (serial port of the board, or TCP), runs a {@link SignRuntime}, and registers the sign as a {@link Device} (kind
 * {@value #KIND}), a {@link Sign} (commands), a {@link SignDisplay} (the maintenance console: picture, test message and
 * test pattern, as short local messages, priority and minutes from the configuration) and an
 * {@link AlarmListener} (local safety warnings, uplink or not). The uplink's health (comms loss) is read from the
 * {@code health.name=uplink} indicator when there is one.
 */
@Component(name = SignConfig.PID, configurationPid = SignConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {Device.class, Sign.class, SignDisplay.class, AlarmListener.class}, immediate = true)
@Designate(ocd = SignConfig.class, factory = true)
public final class SignComponent implements Device, Sign, SignDisplay, AlarmListener {

    static final String KIND = "digital-sign";
    private static final Logger LOG = LoggerFactory.getLogger(SignComponent.class);

    static {
        // a sign's picture is made with java.awt.image and javax.imageio: a gateway never looks for a display
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private final SignSettings settings;
    private final int testPriority;
    private final int testMinutes;
    private final SignRuntime runtime;

    @Reference(target = "(health.name=uplink)", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile HealthIndicator uplink;

    /** Activated by DS with the sign's factory configuration. */
    @Activate
    public SignComponent(SignConfig config, @Reference(name = "outbox") Outbox outbox, @Reference(name = "fonts") FontResource fonts,
                         @Reference(name = "serial", cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
                         SerialPorts serial) {
        this.settings = SignSettings.from(config);
        this.testPriority = config.testPriority();
        this.testMinutes = config.testMinutes();
        PanelDriver.LinkOpener opener = switch (settings.link().transport()) {
            case TCP -> received -> new TcpPanelLink(settings.link().host(), settings.link().port(), received);
            case SERIAL -> received -> openSerial(serial, received);
        };
        try {
            this.runtime = new SignRuntime(settings, fonts.fonts(), opener, outbox, Clock.systemUTC(), this::uplinkUp);
        } catch (PanelException e) {
            throw new IllegalStateException("sign " + settings.id() + ": " + e.getMessage());
        }
        LOG.info("sign {} up: {}x{} {}{}, panel on {}", settings.id(), settings.panel().width(), settings.panel().height(),
                settings.panel().scheme(), config.largeType() ? ", large type" : "", settings.link().transport() == SignConfig.Transport.TCP
                        ? "tcp " + settings.link().host() + ":" + settings.link().port() : "serial " + settings.link().serialPort());
    }

    private PanelLink openSerial(SerialPorts serial, java.util.function.Consumer<String> received) throws PanelException {
        if (serial == null) {
            throw new PanelException("transport SERIAL but the board offers no serial ports; configure the board (hardware-pi4j tty or "
                    + "the simulated board) or use transport TCP", false);
        }
        try {
            return new SerialPanelLink(serial, settings.link().serialPort(), settings.link().baud(), "sign " + settings.id(), received);
        } catch (HardwareException e) {
            throw new PanelException("cannot open serial port " + settings.link().serialPort() + ": " + e.getMessage(), e.reason().temporary());
        }
    }

    private boolean uplinkUp() {
        HealthIndicator indicator = uplink;
        return indicator != null && indicator.health().status() == HealthReport.Status.UP;
    }

    @Deactivate
    void deactivate() {
        runtime.close();
        LOG.info("sign {} stopped", settings.id());
    }

    @Override
    public String id() {
        return settings.id();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String description() {
        return settings.description();
    }

    @Override
    public List<ChannelStatus> channels() {
        SignView v = runtime.view();
        List<ChannelStatus> channels = new ArrayList<>();
        String problem = runtime.lastProblem();
        channels.add(new ChannelStatus("panel", v.link() ? ChannelStatus.State.OK : ChannelStatus.State.FAULT, v.link() ? "link up" : "link down",
                problem));
        channels.add(new ChannelStatus("message", v.confirmed() ? ChannelStatus.State.OK : ChannelStatus.State.DEGRADED,
                v.origin() + " p" + v.priority() + (v.multi().isEmpty() ? " blank" : ""), v.confirmed() ? "" : "not confirmed by the panel yet"));
        if (v.pixelFaults() >= 0) {
            channels.add(new ChannelStatus("pixels", v.pixelFaults() == 0 ? ChannelStatus.State.OK : ChannelStatus.State.DEGRADED,
                    v.pixelFaults() + " faulty", v.pixelFaults() == 0 ? "" : "faulty pixels: schedule a module swap"));
            channels.add(new ChannelStatus("brightness", ChannelStatus.State.OK, v.brightness() + " %", ""));
            channels.add(new ChannelStatus("temperature", ChannelStatus.State.OK, String.format("%.1f °C", v.temperatureCelsius()), ""));
        }
        return channels;
    }

    @Override
    public SignView view() {
        return runtime.view();
    }

    @Override
    public SignView activate(Activation activation) throws ActivationException {
        return runtime.activate(activation);
    }

    @Override
    public void reset() {
        runtime.reset();
    }

    @Override
    public SignSnapshot snapshot() {
        return snapshot(runtime.view());
    }

    @Override
    public SignSnapshot showTestMessage(String text, String operator) throws SignDisplayException {
        return showTest(List.of(testMessage(text)), operator);
    }

    @Override
    public SignSnapshot showTestPattern(String operator) throws SignDisplayException {
        return showTest(testPatterns(settings.panel().scheme(), settings.panel().width(), settings.panel().maxPages()), operator);
    }

    /** Tries each MULTI in turn (the first that fits the panel goes up), as a local message of the operator. */
    private SignSnapshot showTest(List<String> candidates, String operator) throws SignDisplayException {
        if (operator == null || operator.isBlank()) {
            throw new SignDisplayException(SignDisplayException.Reason.BAD_TEXT, "缺少操作人 / no operator named");
        }
        SignView before = runtime.view();
        if (!before.warnings().isEmpty()) {
            throw new SignDisplayException(SignDisplayException.Reason.PRIORITY, "安全警示（" + String.join(", ", before.warnings())
                    + "）正在显示，测试未执行；警示解除后再试 / A safety warning (" + String.join(", ", before.warnings())
                    + ") is up; the test was not shown. Try again when it clears");
        }
        String source = "console:" + operator.strip();
        source = source.length() > 64 ? source.substring(0, 64) : source;
        ActivationException last = null;
        for (String multi : candidates) {
            try {
                SignView shown = runtime.activate(new Activation(multi, testPriority, testMinutes, source, MessageOrigin.LOCAL, runtime.now()));
                LOG.info("sign {}: test by {} shown for {} min: {}", settings.id(), source, testMinutes, multi);
                return snapshot(shown);
            } catch (ActivationException e) {
                last = e;
                boolean tooBig = e.reason() == ActivationException.Reason.SYNTAX_MULTI
                        && (e.multiError().error() == MultiError.TEXT_TOO_BIG || e.multiError().error() == MultiError.TOO_MANY_PAGES);
                if (!tooBig) {
                    break;
                }
            }
        }
        throw refusal(last, before);
    }

    static SignDisplayException refusal(ActivationException e, SignView shown) {
        return switch (e.reason()) {
            case PRIORITY -> new SignDisplayException(SignDisplayException.Reason.PRIORITY, "正在显示优先级更高的信息（" + shown.origin() + "，优先级 "
                    + shown.priority() + "），测试未执行；等它结束后再试 / A message of higher priority is up (" + shown.origin() + ", priority "
                    + shown.priority() + "); the test was not shown. Try again when it ends");
            case SYNTAX_MULTI -> switch (e.multiError().error()) {
                case TEXT_TOO_BIG, TOO_MANY_PAGES -> new SignDisplayException(SignDisplayException.Reason.DOES_NOT_FIT,
                        "文字超出显示屏，请缩短每行或减少行数、页数 / The text does not fit the panel: use shorter lines, fewer lines or fewer pages ("
                                + e.getMessage() + ")");
                case CHARACTER_NOT_DEFINED -> new SignDisplayException(SignDisplayException.Reason.BAD_TEXT,
                        "字库中没有某些字符，请换用常用汉字、字母或数字 / Some characters are not in the sign's font: use common Chinese characters, "
                                + "letters and digits (" + e.getMessage() + ")");
                default -> new SignDisplayException(SignDisplayException.Reason.BAD_TEXT, "文字无法显示 / The text cannot be shown ("
                        + e.getMessage() + ")");
            };
            case EXPIRED, OTHER -> new SignDisplayException(SignDisplayException.Reason.UNAVAILABLE, "情报板暂时无法接受，请稍后再试 / The sign cannot "
                    + "take it now; try again in a moment (" + e.getMessage() + ")");
        };
    }

    /**
     * @return the MULTI of a plain test text: brackets escaped, a line break = a new line, an empty line = a new page,
     *     every page centred
     * @throws SignDisplayException for an empty or over-long text or control characters
     */
    static String testMessage(String text) throws SignDisplayException {
        String plain = text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (plain.isEmpty() || plain.length() > MAX_TEST_TEXT) {
            throw new SignDisplayException(SignDisplayException.Reason.BAD_TEXT, "请输入 1–" + MAX_TEST_TEXT + " 个字符的测试文字 / Enter a test text of 1–"
                    + MAX_TEST_TEXT + " characters");
        }
        if (plain.chars().anyMatch(c -> c != '\n' && (Character.isISOControl(c) || c == 0x2028 || c == 0x2029))) {
            throw new SignDisplayException(SignDisplayException.Reason.BAD_TEXT, "测试文字含有控制字符 / The test text has control characters");
        }
        return Arrays.stream(plain.split("\n[ \t\u3000]*\n\\s*"))
                .map(page -> "[jp3]" + page.lines().map(String::strip).map(line -> line.replace("[", "[[").replace("]", "]]"))
                        .collect(Collectors.joining("[nl]")))
                .collect(Collectors.joining("[np]"));
    }

    /**
     * @return test patterns, most thorough first: one page per LED colour of blocks across the panel around
     *     {@code 测试 TEST}; then the same without blocks; then one line per colour (for small panels)
     */
    static List<String> testPatterns(ColourScheme scheme, int width, int maxPages) {
        List<String> colours = switch (scheme) {
            case MONOCHROME_1BIT -> List.of("");
            case TRICOLOUR -> List.of("[cf1]", "[cf3]", "[cf9]");
            case COLOUR_24BIT -> List.of("[cf1]", "[cf3]", "[cf5]", "[cf7]");
        };
        List<String> pages = colours.subList(0, Math.min(colours.size(), maxPages));
        String blocks = "■".repeat(Math.max(1, width / 8 - 2));
        return List.of(
                pages.stream().map(cf -> "[fo1][jp3]" + cf + blocks + "[nl]" + "测试 TEST" + "[nl]" + blocks).collect(Collectors.joining("[np]")),
                pages.stream().map(cf -> "[fo1][jp3]" + cf + "测试 TEST").collect(Collectors.joining("[np]")),
                pages.stream().map(cf -> "[fo1][jp3]" + cf + "TEST").collect(Collectors.joining("[np]")));
    }

    static SignSnapshot snapshot(SignView v) {
        return new SignSnapshot(v.id(), v.description(), v.width(), v.height(), v.scheme().name(), v.multi(), v.origin().name(), v.source(),
                v.priority(), v.activatedAt(), v.expiresAt(), v.confirmed(), v.link(), v.brightness(), v.temperatureCelsius(), v.pixelFaults(),
                v.warnings(), v.png(), v.pages());
    }

    @Override
    public void raised(Alarm alarm) {
        settings.warnings().warningFor(alarm).ifPresent(runtime::raise);
    }

    @Override
    public void cleared(Alarm alarm) {
        runtime.clear(alarm.id());
    }
}
