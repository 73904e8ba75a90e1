package cn.taihang.console.internal;

import cn.taihang.console.auth.LoginThrottle;
import cn.taihang.console.auth.Passwords;
import cn.taihang.console.auth.Sessions;
import cn.taihang.gateway.api.Alarms;
import cn.taihang.gateway.api.DeviceRegistry;
import cn.taihang.gateway.api.GatewayHealth;
import cn.taihang.gateway.api.GatewayIdentity;
import cn.taihang.gateway.spi.RecordQueue;
import cn.taihang.hardware.api.Gpio;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.metatype.MetaTypeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the pages share: the gateway's services, the accounts, sessions, login throttle, audit log
 * and views, and the settings of the console. Made by {@link ConsoleComponent}; optional services are
 * looked up on each use.
 */
final class Console {

    private static final Logger LOG = LoggerFactory.getLogger(Console.class);

    /**
     * The gateway services the pages read.
     *
     * @param context the console bundle's context (bundles, framework properties)
     * @param identity who this gateway is
     * @param devices the device registry
     * @param health the health aggregate
     * @param configurations ConfigurationAdmin
     * @param metaType MetaType
     * @param components the Declarative Services runtime (component states)
     * @param gpio the GPIO service, when there is one
     * @param queue the store's queue, when there is one
     * @param alarms the alarm service, when there is one
     */
    record Services(BundleContext context, GatewayIdentity identity, DeviceRegistry devices, GatewayHealth health,
                    ConfigurationAdmin configurations, MetaTypeService metaType, ServiceComponentRuntime components,
                    Supplier<Gpio> gpio, Supplier<RecordQueue> queue, Supplier<Alarms> alarms) {}

    /**
     * Settings from the console's configuration the pages use.
     *
     * @param relayPins pins the diagnostics page may pulse
     * @param relayPulseMillis pulse length
     * @param logFile the log file shown, or {@code null} when unknown
     * @param dataDir the gateway's data directory
     */
    record Settings(List<Integer> relayPins, int relayPulseMillis, Path logFile, Path dataDir) {}

    final Services services;
    final Settings settings;
    final AccountStore accounts;
    final Sessions sessions;
    final LoginThrottle throttle;
    final Passwords passwords;
    final AuditLog audit;
    final Views views;
    final ScheduledExecutorService timers;
    private final Supplier<String> fingerprint;

    Console(Services services, Settings settings, AccountStore accounts, Sessions sessions, LoginThrottle throttle,
            Passwords passwords, AuditLog audit, Views views, ScheduledExecutorService timers, Supplier<String> fingerprint) {
        this.services = services;
        this.settings = settings;
        this.accounts = accounts;
        this.sessions = sessions;
        this.throttle = throttle;
        this.passwords = passwords;
        this.audit = audit;
        this.views = views;
        this.timers = timers;
        this.fingerprint = fingerprint;
    }

    /** @return the SHA-256 fingerprint of the console's certificate, for crews to compare */
    String fingerprint() {
        return fingerprint.get();
    }

    /** Uses one service of the gateway's whiteboard (a sign, a gate's ticket check) with its registration properties. */
    interface ServiceUse<T> {
        void use(T service, ServiceReference<T> reference) throws Exception;
    }

    /**
     * Calls {@code use} with each service of a type registered now (devices come and go, so they are looked up on each
     * request); each is released right after. A service that went away meanwhile is skipped.
     */
    <T> void eachService(Class<T> type, ServiceUse<T> use) throws Exception {
        BundleContext context = services.context();
        java.util.Collection<ServiceReference<T>> references;
        try {
            references = context.getServiceReferences(type, null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        for (ServiceReference<T> reference : references) {
            T service = context.getService(reference);
            if (service == null) {
                continue;
            }
            try {
                use.use(service, reference);
            } finally {
                context.ungetService(reference);
            }
        }
    }

    /** Records an audit entry; a failure to write it is logged, never hidden. */
    void audit(String user, String address, String action, String target, String detail) {
        try {
            audit.record(new AuditLog.Entry(Instant.now(), user == null ? "-" : user, address, action, target, detail));
        } catch (IOException e) {
            LOG.error("cannot write the console audit log ({} {} by {}): {} — check the data directory's disk", action, target, user,
                    e.getMessage());
        }
    }
}
