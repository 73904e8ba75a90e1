package cn.taihang.cloudlink.internal;

import cn.taihang.gateway.api.Alarms;
import cn.taihang.gateway.api.ClockStatus;
import cn.taihang.gateway.api.CommandHandler;
import cn.taihang.gateway.api.Device;
import cn.taihang.gateway.api.DeviceInfo;
import cn.taihang.gateway.api.DeviceRegistry;
import cn.taihang.gateway.api.GatewayIdentity;
import cn.taihang.gateway.api.HealthIndicator;
import cn.taihang.gateway.api.HealthReport;
import cn.taihang.gateway.api.LocalLedger;
import cn.taihang.gateway.api.config.Ranges;
import cn.taihang.gateway.api.Outbox;
import cn.taihang.gateway.spi.DurableCounters;
import cn.taihang.gateway.spi.RecordQueue;
import cn.taihang.wire.Birth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The uplink as an OSGi component: a thin adapter that builds an {@link Uplink} from its configuration and
 * services, and makes birth messages from the framework (installed bundles, framework properties) and the
 * device registry; a device registering or leaving makes a new birth. Active only when {@code cn.taihang.cloudlink} is
 * configured (it has no default broker).
 */
@Component(configurationPid = CloudLinkConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = HealthIndicator.class, property = "health.name=uplink")
@Designate(ocd = CloudLinkConfig.class)
public final class CloudLinkComponent implements HealthIndicator, BirthSource {

    /** Framework property with the gateway software version. */
    static final String VERSION_PROPERTY = "taihang.version";
    /** Framework property with the URL of the maintenance console. */
    static final String CONSOLE_PROPERTY = "taihang.console.url";

    private final BundleContext context;
    private final GatewayIdentity identity;
    private final Uplink uplink;
    private final CommandDispatcher commands;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile DeviceRegistry devices;

    /** Whether the clock is synchronised, for the birth; none bound: not known synchronised. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ClockStatus clock;

    @Activate
    public CloudLinkComponent(CloudLinkConfig config, BundleContext context, @Reference(name = "identity") GatewayIdentity identity,
                              @Reference(name = "queue") RecordQueue queue, @Reference(name = "counters") DurableCounters counters,
                              @Reference(name = "outbox") Outbox outbox, @Reference(name = "ledger") LocalLedger ledger) {
        this.context = context;
        this.identity = identity;
        this.commands = new CommandDispatcher(new CommandGuard(identity.gatewayId(), identity.identityDir(), commandClockSkewMillis(config),
                new LedgerReplayMarks(ledger), System::currentTimeMillis));
        commands.outbox(outbox);
        this.uplink = new Uplink(LinkSettings.from(config), identity, queue, counters, this, commands);
        uplink.start();
    }

    /** @throws IllegalArgumentException (activation fails) if the skew is outside its MetaType range */
    static long commandClockSkewMillis(CloudLinkConfig config) {
        Ranges.require(CloudLinkConfig.PID + "/commandClockSkewSeconds", config.commandClockSkewSeconds(), CloudLinkConfig.COMMAND_CLOCK_SKEW_SECONDS_MIN,
                CloudLinkConfig.COMMAND_CLOCK_SKEW_SECONDS_MAX);
        return config.commandClockSkewSeconds() * 1000L;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setAlarms(Alarms alarms) {
        commands.alarms(alarms);
    }

    void unsetAlarms(Alarms alarms) {
        commands.alarms(null);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCommandHandler(CommandHandler handler, Map<String, Object> properties) {
        commands.register(handler, commandNames(properties.get(CommandHandler.COMMAND_PROPERTY)));
    }

    void removeCommandHandler(CommandHandler handler) {
        commands.unregister(handler);
    }

    /** Only to hear of the inventory changing; the birth lists the devices from the registry. */
    @Reference(service = Device.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addDevice(ServiceReference<Device> device) {
        uplink.inventoryChanged();
    }

    void removeDevice(ServiceReference<Device> device) {
        uplink.inventoryChanged();
    }

    private static List<String> commandNames(Object property) {
        if (property instanceof String name) {
            return List.of(name);
        }
        if (property instanceof String[] names) {
            return List.of(names);
        }
        return List.of();
    }

    @Deactivate
    void deactivate() {
        uplink.close();
        commands.close();
    }

    @Override
    public HealthReport health() {
        return uplink.health();
    }

    @Override
    public Birth birth(long bdSeq, long timeMillis) {
        Map<String, String> bundles = new TreeMap<>();
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName() != null) {
                bundles.merge(b.getSymbolicName(), b.getVersion().toString(), (a, c) -> a + "," + c);
            }
        }
        DeviceRegistry registry = devices;
        List<DeviceInfo> known = registry == null ? List.of() : registry.devices();
        List<Birth.DeviceEntry> entries = known.stream().map(d -> new Birth.DeviceEntry(d.id(), d.kind(), d.description())).toList();
        String version = context.getProperty(VERSION_PROPERTY);
        return new Birth(1, identity.gatewayId(), identity.site(), identity.siteName(), bdSeq, timeMillis,
                version == null ? "unknown" : version, bundles, entries, context.getProperty(CONSOLE_PROPERTY), null)
                .withSealingKey(commands.guard().sealingPublicKey()).withClockSynchronised(clockSynchronised());
    }

    private boolean clockSynchronised() {
        ClockStatus status = clock;
        return status != null && status.synchronised();
    }
}
