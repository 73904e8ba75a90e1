package cn.taihang.coap.internal;

import cn.taihang.coap.api.CoapSensorServer;
import cn.taihang.coap.api.SensorKeys;
import cn.taihang.gateway.api.CommandException;
import cn.taihang.gateway.api.CommandHandler;
import cn.taihang.gateway.api.GatewayIdentity;
import cn.taihang.gateway.api.HealthIndicator;
import cn.taihang.gateway.api.HealthReport;
import cn.taihang.gateway.api.IncomingCommand;
import cn.taihang.gateway.api.sensor.IngestResult;
import cn.taihang.gateway.api.sensor.SensorMessage;
import cn.taihang.gateway.api.sensor.SensorMessageHandler;
import cn.taihang.gateway.api.config.Ranges;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.framework.BundleContext;
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
 * The gateway's CoAP server for 5G sensors: binds CoAPS (and a lab's plain CoAP), serves {@code POST /senml},
 * observes the sensors that are servers, takes the bridge's {@code sensor-keys} command and reports its
 * health. Runs only when {@value CoapServerConfig#PID} is configured.
 */
@Component(configurationPid = CoapServerConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {CoapSensorServer.class, HealthIndicator.class, CommandHandler.class},
        property = CommandHandler.COMMAND_PROPERTY + "=" + SensorKeys.COMMAND)
@Designate(ocd = CoapServerConfig.class)
public final class CoapServerComponent implements CoapSensorServer, HealthIndicator, CommandHandler {

    /** Framework property naming the gateway's data directory (set by the launcher). */
    static final String DATA_DIR_PROPERTY = "taihang.data.dir";
    private static final Logger LOG = LoggerFactory.getLogger(CoapServerComponent.class);

    private final Rejections rejections = new Rejections();
    private final SensorIngest ingest;
    private final SensorKeyring keyring;
    private final CoapEndpoints endpoints;
    private final SensorObserver observer;
    private final String keysProblem;

    /**
     * @throws IOException (activation fails, the readiness report names it) if the ports cannot be bound
     */
    @Activate
    public CoapServerComponent(BundleContext context, CoapServerConfig config, @Reference(name = "identity") GatewayIdentity identity) throws IOException {
        this(Path.of(Optional.ofNullable(context.getProperty(DATA_DIR_PROPERTY)).orElse("data")), config, identity.gatewayId(), identity.identityDir());
    }

    /**
     * @param identityDir the gateway's identity directory, where the default sealing secret lives (apart from the data
     *     directory that holds the file it seals)
     */
    CoapServerComponent(Path dataDir, CoapServerConfig config, String gatewayId, Path identityDir) throws IOException {
        check(config);
        byte[] secret = SealedKeyFile.readSecret(SealingSecret.locate(config.sealingSecretFile(), dataDir, identityDir),
                config.sealingSecretFile() == null || config.sealingSecretFile().isBlank());
        this.keyring = new SensorKeyring(new SealedKeyFile(dataDir.resolve("coap").resolve("sensor-keys.sealed"), secret, gatewayId), rejections);
        String problem = "";
        try {
            keyring.load();
        } catch (IOException e) {
            problem = e.getMessage();
            LOG.error("CoAP: the stored sensor keys cannot be used, no sensor can connect until the next sensor-keys command: {}", problem);
        }
        this.keysProblem = problem;
        this.ingest = new SensorIngest(config.maxPending());
        Clock clock = Clock.systemUTC();
        SensorRateLimiter limiter = new SensorRateLimiter(config.requestsPerMinute(), config.burst(), System::nanoTime);
        SenmlResource resource = new SenmlResource(ingest, keyring, limiter, rejections, config.maxPayloadBytes(), clock);
        this.endpoints = CoapEndpoints.start(config, keyring, rejections, List.of(resource));
        endpoints.countStackRefusals(rejections);
        this.observer = new SensorObserver(CoapEndpoints.configuration(config.maxPayloadBytes(), 1), keyring, config.maxPayloadBytes(),
                this::notification, rejections, clock);
        LOG.info("CoAP sensor server on coaps://{}{} with {} provisioned sensors", hostPort(endpoints.secureAddress()),
                endpoints.plainAddress().map(a -> " and plain coap://" + hostPort(a) + " (lab)").orElse(""), keyring.sensors().size());
    }

    /** @throws IllegalArgumentException on a setting out of its MetaType range, naming it */
    static void check(CoapServerConfig config) {
        String of = CoapServerConfig.PID + "/";
        Ranges.require(of + "securePort", config.securePort(), CoapServerConfig.SECURE_PORT_MIN, CoapServerConfig.PORT_MAX);
        Ranges.require(of + "plainPort", config.plainPort(), CoapServerConfig.PLAIN_PORT_MIN, CoapServerConfig.PLAIN_PORT_MAX);
        Ranges.require(of + "maxPayloadBytes", config.maxPayloadBytes(), CoapServerConfig.MAX_PAYLOAD_BYTES_MIN, CoapServerConfig.MAX_PAYLOAD_BYTES_MAX);
        Ranges.require(of + "requestsPerMinute", config.requestsPerMinute(), CoapServerConfig.REQUESTS_PER_MINUTE_MIN, Integer.MAX_VALUE);
        Ranges.require(of + "burst", config.burst(), CoapServerConfig.BURST_MIN, Integer.MAX_VALUE);
        Ranges.require(of + "maxPending", config.maxPending(), CoapServerConfig.MAX_PENDING_MIN, Integer.MAX_VALUE);
        Ranges.require(of + "protocolThreads", config.protocolThreads(), CoapServerConfig.PROTOCOL_THREADS_MIN, CoapServerConfig.PROTOCOL_THREADS_MAX);
    }

    private static String hostPort(InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setHandler(SensorMessageHandler handler) {
        ingest.handler(handler);
    }

    void unsetHandler(SensorMessageHandler handler) {
        ingest.removeHandler(handler);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addTarget(ObserveTarget target) {
        observer.observe(target);
    }

    void removeTarget(ObserveTarget target) {
        observer.cancel(target);
    }

    @Deactivate
    void deactivate() {
        observer.close();
        endpoints.close();
    }

    private void notification(SensorMessage message) {
        SensorIngest.Submission submission = ingest.submit(message);
        if (submission.status() != SensorIngest.Status.SUBMITTED) {
            rejections.refused(Rejections.Reason.UNAVAILABLE, message.sensorId(), "observed reading dropped: " + submission.status());
            return;
        }
        submission.result().thenAccept(result -> {
            if (result.outcome() == IngestResult.Outcome.ACCEPTED) {
                rejections.accepted();
            } else {
                rejections.refused(result.outcome() == IngestResult.Outcome.INVALID ? Rejections.Reason.INVALID_CONTENT : Rejections.Reason.UNAVAILABLE,
                        message.sensorId(), result.detail());
            }
        });
    }

    @Override
    public String handle(IncomingCommand command) throws CommandException {
        SensorKeys keys;
        try {
            keys = SensorKeys.fromJson(command.body());
        } catch (IllegalArgumentException e) {
            throw new CommandException("malformed sensor-keys: " + e.getMessage());
        }
        try {
            return keyring.apply(keys);
        } catch (IllegalStateException e) {
            throw new CommandException(e.getMessage());
        } catch (IOException e) {
            throw new CommandException("the gateway cannot store the sensor keys (" + e.getMessage() + "); check its disk and send the command again", e);
        }
    }

    @Override
    public InetSocketAddress secureAddress() {
        return endpoints.secureAddress();
    }

    @Override
    public Optional<InetSocketAddress> plainAddress() {
        return endpoints.plainAddress();
    }

    @Override
    public Set<String> provisionedSensors() {
        return keyring.sensors();
    }

    @Override
    public long keysVersion() {
        return keyring.version();
    }

    @Override
    public Map<String, Long> counters() {
        return rejections.snapshot();
    }

    @Override
    public HealthReport health() {
        Map<String, Object> details = new LinkedHashMap<>(rejections.snapshot());
        details.put("sensors", keyring.sensors().size());
        details.put("keysVersion", keyring.version());
        details.put("pending", ingest.pending());
        details.put("observed", observer.active());
        if (!keysProblem.isEmpty() && keyring.version() == 0) {
            return new HealthReport("coap", HealthReport.Status.DOWN, "stored sensor keys unusable: " + keysProblem, details);
        }
        if (!ingest.hasHandler()) {
            return new HealthReport("coap", HealthReport.Status.DEGRADED, "readings are refused: the road-sensors bundle is not running", details);
        }
        if (keyring.version() == 0) {
            return new HealthReport("coap", HealthReport.Status.DEGRADED, "no sensor keys yet: provision sensors with the bridge's sensor-keys command",
                    details);
        }
        return new HealthReport("coap", HealthReport.Status.UP, keyring.sensors().size() + " sensors provisioned", details);
    }
}
