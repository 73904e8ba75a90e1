package cn.taihang.console.internal;

import cn.taihang.console.auth.Account;
import cn.taihang.console.auth.LoginThrottle;
import cn.taihang.console.auth.Passwords;
import cn.taihang.console.auth.Sessions;
import cn.taihang.gateway.api.Alarms;
import cn.taihang.gateway.api.DeviceRegistry;
import cn.taihang.gateway.api.GatewayHealth;
import cn.taihang.gateway.api.GatewayIdentity;
import cn.taihang.gateway.api.config.Ranges;
import cn.taihang.gateway.api.worker.DaemonThreads;
import cn.taihang.gateway.spi.RecordQueue;
import cn.taihang.hardware.api.Gpio;
import jakarta.servlet.Servlet;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.ComponentConstants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The maintenance console as an OSGi component, active when {@code cn.taihang.console} is configured:
 * makes sure the gateway's certificate exists, opens Felix HTTP (Jetty) on the HTTPS port through its
 * configuration, and registers the console's servlet on the HTTP whiteboard. Keeps its accounts, audit
 * log and certificate in {@code <data dir>/console/}.
 */
@Component(configurationPid = ConsoleConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true, service = {})
@Designate(ocd = ConsoleConfig.class)
public final class ConsoleComponent {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleComponent.class);
    private static final int BCRYPT_COST = 10;
    private static final long AUDIT_FILE_BYTES = 4L << 20;

    private final ConfigurationAdmin configurations;
    private final ScheduledExecutorService timers;
    private final ServiceRegistration<Servlet> registration;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Gpio gpio;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile RecordQueue queue;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Alarms alarms;

    /** @throws IllegalArgumentException on a setting out of its MetaType range, naming it */
    static void check(ConsoleConfig config) {
        String of = ConsoleConfig.PID + "/";
        Ranges.require(of + "httpsPort", config.httpsPort(), ConsoleConfig.HTTPS_PORT_MIN, ConsoleConfig.HTTPS_PORT_MAX);
        Ranges.require(of + "sessionIdleMinutes", config.sessionIdleMinutes(), ConsoleConfig.SESSION_IDLE_MINUTES_MIN, ConsoleConfig.SESSION_IDLE_MINUTES_MAX);
        Ranges.require(of + "sessionMaxHours", config.sessionMaxHours(), ConsoleConfig.SESSION_MAX_HOURS_MIN, ConsoleConfig.SESSION_MAX_HOURS_MAX);
        Ranges.require(of + "maxFailedLogins", config.maxFailedLogins(), ConsoleConfig.MAX_FAILED_LOGINS_MIN, ConsoleConfig.MAX_FAILED_LOGINS_MAX);
        Ranges.require(of + "lockoutMinutes", config.lockoutMinutes(), ConsoleConfig.LOCKOUT_MINUTES_MIN, ConsoleConfig.LOCKOUT_MINUTES_MAX);
        Ranges.require(of + "loginAttemptsPerMinute", config.loginAttemptsPerMinute(), ConsoleConfig.LOGIN_ATTEMPTS_PER_MINUTE_MIN,
                ConsoleConfig.LOGIN_ATTEMPTS_PER_MINUTE_MAX);
        Ranges.require(of + "relayPulseMillis", config.relayPulseMillis(), ConsoleConfig.RELAY_PULSE_MILLIS_MIN, ConsoleConfig.RELAY_PULSE_MILLIS_MAX);
        Ranges.require(of + "serverThreads", config.serverThreads(), ConsoleConfig.SERVER_THREADS_MIN, ConsoleConfig.SERVER_THREADS_MAX);
    }

    /**
     * @throws IOException if the data directory cannot be written
     * @throws GeneralSecurityException if the certificate cannot be made
     */
    @Activate
    public ConsoleComponent(ConsoleConfig config, BundleContext context, @Reference(name = "identity") GatewayIdentity identity,
                            @Reference(name = "devices") DeviceRegistry devices, @Reference(name = "health") GatewayHealth health,
                            @Reference(name = "configurations") ConfigurationAdmin configurations,
                            @Reference(name = "metaType") MetaTypeService metaType,
                            @Reference(name = "components") ServiceComponentRuntime components) throws IOException, GeneralSecurityException {
        check(config);
        this.configurations = configurations;
        String dataProperty = context.getProperty("taihang.data.dir");
        Path dataDir = (dataProperty == null || dataProperty.isBlank() ? Path.of("") : Path.of(dataProperty)).toAbsolutePath();
        Path dir = dataDir.resolve("console");
        List<String> hosts = config.certificateHosts() == null ? List.of() : Arrays.asList(config.certificateHosts());
        GatewayCertificate certificate = new GatewayCertificate(dir);
        String keystorePassword = certificate.ensure(identity.gatewayId(), hosts);
        SecureRandom random = new SecureRandom();
        AuditLog audit = new AuditLog(dir.resolve("audit.log"), AUDIT_FILE_BYTES);
        AccountStore accounts = AccountStore.open(dir.resolve("accounts"));
        String consoleUrl = Optional.ofNullable(context.getProperty("taihang.console.url"))
                .orElse("https://" + ("0.0.0.0".equals(config.bindAddress()) ? identity.gatewayId() : config.bindAddress()) + ":" + config.httpsPort() + "/");
        bootstrap(config, accounts, audit, random, consoleUrl);
        timers = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("console-timers-" + identity.gatewayId()));
        Console.Services services = new Console.Services(context, identity, devices, health, configurations, metaType, components,
                () -> gpio, () -> queue, () -> alarms);
        Console.Settings settings = new Console.Settings(config.relayPins() == null ? List.of() : Arrays.stream(config.relayPins()).boxed().toList(),
                config.relayPulseMillis(), logFile(config, context), dataDir);
        Console console = new Console(services, settings, accounts,
                new Sessions(config.sessionIdleMinutes() * 60_000L, config.sessionMaxHours() * 3_600_000L, System::currentTimeMillis, random),
                new LoginThrottle(config.maxFailedLogins(), config.lockoutMinutes() * 60_000L, config.loginAttemptsPerMinute(), System::currentTimeMillis),
                new Passwords(BCRYPT_COST, random), audit, new Views(), timers, fingerprint(certificate, keystorePassword));
        Dictionary<String, Object> servletProperties = new Hashtable<>();
        servletProperties.put("osgi.http.whiteboard.servlet.pattern", "/*");
        servletProperties.put("osgi.http.whiteboard.servlet.name", "taihang-console");
        registration = context.registerService(Servlet.class, new ConsoleServlet(console), servletProperties);
        HttpServerSettings.apply(configurations, HttpServerSettings.properties(config, certificate.keystore(), keystorePassword));
        LOG.info("maintenance console on https://{}:{}/ ({})", config.bindAddress(), config.httpsPort(), consoleUrl);
    }

    @Deactivate
    void deactivate(int reason) {
        registration.unregister();
        timers.shutdown();
        if (reason == ComponentConstants.DEACTIVATION_REASON_CONFIGURATION_DELETED || reason == ComponentConstants.DEACTIVATION_REASON_DISABLED) {
            try {
                HttpServerSettings.remove(configurations);
            } catch (IOException | IllegalStateException e) {
                LOG.warn("could not close the console's HTTPS port: {}", e.getMessage());
            }
        }
    }

    private static void bootstrap(ConsoleConfig config, AccountStore accounts, AuditLog audit, SecureRandom random, String consoleUrl)
            throws IOException {
        String hash = config._initialAdminPasswordHash();
        if (hash != null && !hash.isBlank() && !Passwords.isBcryptHash(hash.strip()) && accounts.isEmpty()) {
            throw new IllegalArgumentException(ConsoleConfig.PID + "/.initialAdminPasswordHash is not a bcrypt hash; make one with"
                    + " htpasswd -nbBC 10 admin 'PASSWORD' (the part after 'admin:') or leave it empty to get a setup code in the log");
        }
        Optional<Account> created = accounts.bootstrap(config.initialAdminUser(), hash, random);
        if (created.isPresent()) {
            audit.record(new AuditLog.Entry(java.time.Instant.now(), "-", "install-configuration", "account.created", created.get().user(),
                    "first admin from " + ConsoleConfig.PID + "/.initialAdminPasswordHash"));
            LOG.info("console: first admin '{}' created from the install configuration", created.get().user());
        }
        accounts.setupCode().ifPresent(code -> LOG.warn("console: no accounts yet. Open {}setup and enter the one-time setup code {} to create"
                + " the first admin (valid until used or the gateway restarts)", consoleUrl, code));
    }

    private static Path logFile(ConsoleConfig config, BundleContext context) {
        if (config.logFile() != null && !config.logFile().isBlank()) {
            return Path.of(config.logFile());
        }
        String dir = context.getProperty("taihang.log.dir");
        return dir == null || dir.isBlank() ? null : Path.of(dir, "gateway.log");
    }

    private static java.util.function.Supplier<String> fingerprint(GatewayCertificate certificate, String password) {
        return new java.util.function.Supplier<>() {
            private volatile String value;

            @Override
            public String get() {
                if (value == null) {
                    try {
                        value = GatewayCertificate.fingerprint(certificate.load(password));
                    } catch (IOException | GeneralSecurityException e) {
                        return "? (" + e.getMessage() + ")";
                    }
                }
                return value;
            }
        };
    }
}
