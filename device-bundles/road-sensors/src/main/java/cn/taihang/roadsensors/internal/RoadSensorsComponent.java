package cn.taihang.roadsensors.internal;

import cn.taihang.gateway.api.Alarm;
import cn.taihang.gateway.api.Alarms;
import cn.taihang.gateway.api.Device;
import cn.taihang.gateway.api.GatewayIdentity;
import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.gateway.api.Outbox;
import cn.taihang.gateway.api.OutboxException;
import cn.taihang.gateway.api.sensor.IngestResult;
import cn.taihang.gateway.api.sensor.SensorMessage;
import cn.taihang.gateway.api.sensor.SensorMessageHandler;
import cn.taihang.gateway.api.sensor.SensorValue;
import cn.taihang.gateway.api.worker.DaemonThreads;
import cn.taihang.roadsensors.api.RoadSensors;
import cn.taihang.roadsensors.api.SensorStatus;
import cn.taihang.roadsensors.domain.AlarmChange;
import cn.taihang.roadsensors.domain.InvalidReadingException;
import cn.taihang.roadsensors.domain.OfflineTracker;
import cn.taihang.roadsensors.domain.RawValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The road sensors of this gateway: takes the CoAP server's messages, normalises them, raises and clears
 * alarms at once (no uplink needed), stores the readings as {@code sensor.reading} records, checks every
 * second for silent sensors, and lists the sensors for the console. Each sensor is also a {@link Device}.
 */
@Component(configurationPid = ThresholdsConfig.PID, immediate = true, service = {SensorMessageHandler.class, RoadSensors.class})
@Designate(ocd = ThresholdsConfig.class)
public final class RoadSensorsComponent implements SensorMessageHandler, RoadSensors {

    private static final Logger LOG = LoggerFactory.getLogger(RoadSensorsComponent.class);
    private static final int MAX_LOGGED = 4096;

    private final BundleContext context;
    private final Outbox outbox;
    private final Alarms alarms;
    private final Clock clock;
    private final SensorBook book;
    private final boolean offlineAlarms;
    private final ScheduledExecutorService ticker;
    private final Map<String, ServiceRegistration<Device>> devices = new ConcurrentHashMap<>();
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    /** Activated by DS; the thresholds configuration is optional (the defaults apply). */
    @Activate
    public RoadSensorsComponent(BundleContext context, ThresholdsConfig config, @Reference(name = "outbox") Outbox outbox,
            @Reference(name = "alarms") Alarms alarms, @Reference(name = "identity") GatewayIdentity identity) {
        this(context, config, outbox, alarms, identity.site(), Clock.systemUTC(), true);
    }

    RoadSensorsComponent(BundleContext context, ThresholdsConfig config, Outbox outbox, Alarms alarms, String site, Clock clock, boolean tickEverySecond) {
        this.context = context;
        this.outbox = outbox;
        this.alarms = alarms;
        this.clock = clock;
        this.book = new SensorBook(AlarmCatalogue.rules(config), config.offlineAfterMissedReports(), Duration.ofSeconds(config.defaultReportSeconds()), site);
        this.offlineAlarms = !List.of(config.disabledAlarms()).contains(AlarmCatalogue.SENSOR_OFFLINE);
        this.ticker = tickEverySecond ? Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("road-sensors-presence")) : null;
        if (ticker != null) {
            ticker.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addDefinition(SensorDefinition definition) {
        book.configure(definition.profile(), clock.instant());
        registerDevice(definition.profile().sensorId());
    }

    void removeDefinition(SensorDefinition definition) {
        book.unconfigure(definition.profile().sensorId());
    }

    @Deactivate
    void deactivate() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        devices.values().forEach(r -> {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping
            }
        });
        devices.clear();
    }

    @Override
    public CompletionStage<IngestResult> handle(SensorMessage message) {
        List<RawValue> values = message.values().stream().map(RoadSensorsComponent::raw).toList();
        Instant now = clock.instant();
        SensorBook.Outcome outcome;
        try {
            outcome = book.accept(message.sensorId(), values, now);
        } catch (InvalidReadingException e) {
            logOnce(message.sensorId() + "|" + e.reason(), "road sensor {}: pack refused ({}): {}. Further such packs are only counted.",
                    message.sensorId(), e.reason().name().toLowerCase(java.util.Locale.ROOT), e.getMessage());
            return CompletableFuture.completedFuture(IngestResult.invalid(e.getMessage()));
        }
        for (AlarmChange change : outcome.changes()) {
            if (change.type() == AlarmChange.Type.RAISED) {
                alarms.raise(AlarmCatalogue.raised(change, outcome.profile(), now));
            } else {
                alarms.clear(change.alarmId(), "back to " + change.reading().display() + " (clear level " + change.rule().clear() + ")");
            }
        }
        outcome.backOnline().ifPresent(back -> alarms.clear(AlarmCatalogue.offlineId(back.sensorId()), "reported again after "
                + back.silentFor().toSeconds() + " s"));
        if (outcome.firstSeen()) {
            registerDevice(message.sensorId());
        }
        return store(ReadingRecords.of(message.sensorId(), outcome.readings()));
    }

    private CompletionStage<IngestResult> store(List<OutboundRecord> records) {
        CompletableFuture<?>[] stages = records.stream().map(r -> outbox.publish(r).toCompletableFuture()).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(stages).handle((ok, failure) -> {
            if (failure == null) {
                return IngestResult.accepted();
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            logOnce("store|" + cause.getClass().getName(), "road sensors: the store refused readings ({}); sensors are told to retry. "
                    + "Check the store's health.", cause.getMessage());
            if (cause instanceof OutboxException refused) {
                return switch (refused.reason()) {
                    case FULL -> IngestResult.busy("gateway store full; retry later", 60);
                    case TOO_LARGE -> IngestResult.invalid("pack too large to store; send fewer records");
                    case UNAVAILABLE -> IngestResult.busy("gateway store unavailable; retry later", 10);
                };
            }
            return IngestResult.busy("gateway store failed; retry later", 10);
        });
    }

    /** Checks for silent sensors; every second on the component's thread, or by tests with their clock. */
    void tick() {
        try {
            Instant now = clock.instant();
            for (OfflineTracker.Change change : book.check(now)) {
                LOG.warn("road sensor {} is offline: silent for {} s", change.sensorId(), change.silentFor().toSeconds());
                if (offlineAlarms) {
                    alarms.raise(AlarmCatalogue.offline(change, book.profileOf(change.sensorId()), now));
                }
            }
        } catch (RuntimeException e) {
            logOnce("presence|" + e.getClass().getName(), "road sensors: the presence check failed ({}); further such failures are not logged", e.toString());
        }
    }

    @Override
    public List<SensorStatus> sensors() {
        List<Alarm> active = alarms.active();
        return book.known().stream().map(id -> book.status(id, s -> alarmsOf(active, s))).flatMap(Optional::stream).toList();
    }

    @Override
    public Optional<SensorStatus> sensor(String sensorId) {
        List<Alarm> active = alarms.active();
        return book.status(sensorId, s -> alarmsOf(active, s));
    }

    private static List<String> alarmsOf(List<Alarm> active, String sensorId) {
        return active.stream().filter(a -> a.source().equals(sensorId)).map(Alarm::id).toList();
    }

    private void registerDevice(String sensorId) {
        if (context == null || devices.containsKey(sensorId)) {
            return;
        }
        devices.computeIfAbsent(sensorId, id -> context.registerService(Device.class, new SensorDevice(id, book),
                new java.util.Hashtable<>(Map.of("taihang.device", id))));
    }

    private void logOnce(String key, String format, Object... args) {
        if (logged.size() < MAX_LOGGED && logged.add(key)) {
            LOG.warn(format, args);
        }
    }

    private static RawValue raw(SensorValue v) {
        return new RawValue(v.name(), v.unit(), v.number(), v.text(), v.flag(), v.time());
    }
}
