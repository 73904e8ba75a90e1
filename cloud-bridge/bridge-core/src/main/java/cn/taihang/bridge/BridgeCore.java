package cn.taihang.bridge;

import cn.taihang.bridge.broker.security.BrokerAcl;
import cn.taihang.bridge.broker.BrokerAddress;
import cn.taihang.bridge.broker.BrokerConnection;
import cn.taihang.bridge.broker.CrlBroadcast;
import cn.taihang.bridge.broker.EmbeddedBroker;
import cn.taihang.bridge.audit.AuditLog;
import cn.taihang.bridge.broker.security.BrokerSecurity;
import cn.taihang.bridge.fleet.FleetStore;
import cn.taihang.bridge.fleet.VerifiedGateways;
import cn.taihang.bridge.http.auth.HttpSecurity;
import cn.taihang.bridge.http.ApiRouter;
import cn.taihang.bridge.http.HealthCheck;
import cn.taihang.bridge.http.HttpVerticle;
import cn.taihang.bridge.ingest.BatchIngest;
import cn.taihang.bridge.ingest.CountedAcks;
import cn.taihang.bridge.ingest.IngestMetrics;
import cn.taihang.bridge.ingest.IngestRouter;
import cn.taihang.bridge.ingest.IngestVerticle;
import cn.taihang.bridge.ingest.LifecycleIngest;
import cn.taihang.bridge.ingest.LiveStores;
import cn.taihang.bridge.ingest.RecordDecoder;
import cn.taihang.bridge.ingest.RecordListeners;
import cn.taihang.bridge.ingest.RecordWriter;
import cn.taihang.bridge.ingest.StoreAnomalies;
import cn.taihang.bridge.broker.BrokerCommands;
import cn.taihang.bridge.commands.CommandKeyRoutes;
import cn.taihang.bridge.commands.CommandKeys;
import cn.taihang.bridge.keys.FileKeyStore;
import cn.taihang.bridge.http.ApiDocument;
import cn.taihang.bridge.ingest.RepeatFilter;
import cn.taihang.bridge.module.ApiRoutes;
import cn.taihang.bridge.ingest.SenderCheck;
import cn.taihang.bridge.security.SecurityEvents;
import cn.taihang.bridge.module.BridgeModule;
import io.vertx.ext.web.Router;
import cn.taihang.bridge.storage.BridgeStorage;
import cn.taihang.bridge.telemetry.TelemetryStore;
import cn.taihang.wire.BatchCodec;
import cn.taihang.wire.BridgeState;
import cn.taihang.wire.LifecycleCodec;
import cn.taihang.wire.SenmlCodec;
import cn.taihang.wire.Topics;
import cn.taihang.wire.WireLimits;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the bridge's core with the modules it is given: its identity's TLS contexts, storage (SQLite, or PostgreSQL)
 * with every schema migrated, embedded Moquette broker on TLS with client certificates (or an external broker),
 * MQTT ingest with exactly-once storage and acknowledgements, the HTTP API (health, gateways, telemetry, metrics, the
 * OpenAPI document merged from the core's part and each module's) and then the modules, in order. Each call makes an
 * independent bridge with its own Vert.x instance and meter registry, so several can run in one JVM (the simulator,
 * tests). The assembled bridge with the standard modules is {@code cn.taihang.bridge.Bridge} in the {@code bridge}
 * module; a module's own tests start the core with that module alone.
 *
 * <pre>{@code
 * RunningBridge bridge = BridgeCore.start(BridgeOptions.ephemeral(dir).withIdentityDir(bridgeIdentity), List.of(new RentalModule()))
 *         .toCompletableFuture().get();
 * String broker = bridge.brokerUrl();   // ssl://…: gateways connect here with their certificates
 * int http = bridge.httpPort();
 * bridge.close();
 * }</pre>
 */
public final class BridgeCore {

    /** Largest MQTT message the broker and the bridge accept: the wire format's limit plus MQTT framing. */
    static final int MAX_MQTT_MESSAGE_BYTES = WireLimits.V1.maxMessageBytes() + 4096;
    private static final int REPEAT_KEYS = 10_000;
    /** How long after its last batch a gateway's run counts as live, for telling two live stores from a restart. */
    private static final long LIVE_STORE_WINDOW_MILLIS = 10 * 60_000L;
    /** How often the bridge looks for a new CRL (to re-check gateways and hand it to them), ms. */
    private static final long CRL_CHECK_MILLIS = 2_000;
    private static final String MODULE_PREFIX = "/api/v1";
    private static final Logger LOG = LoggerFactory.getLogger(BridgeCore.class);

    private BridgeCore() {
    }

    /**
     * Starts a bridge.
     *
     * @param options what to bind and where to store; see {@link BridgeOptions#ephemeral} for tests
     * @param modules the modules to run, started in this order (and stopped in reverse) before MQTT and HTTP open
     * @return completes with the running bridge once the broker is up, the modules have started, the bridge is
     *     subscribed and its online state published, and the HTTP API listens; completes exceptionally (everything
     *     started is stopped again) if the bridge has no identity or its files do not fit, a port cannot be bound,
     *     the database cannot be opened, a module fails to start, two modules describe the same route, or the signing
     *     key file is missing and cannot be made, unreadable, or inside the data directory — the exception says what to
     *     change
     */
    public static CompletionStage<RunningBridge> start(BridgeOptions options, List<BridgeModule> modules) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        MicrometerMetricsOptions metrics = new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true)
                .setRegistryName("taihang-bridge-" + UUID.randomUUID());
        Vertx vertx = Vertx.builder().with(new VertxOptions().setMetricsOptions(metrics)).withMetrics(new MicrometerMetricsFactory(registry)).build();
        RunningBridge.Parts parts = new RunningBridge.Parts(vertx, registry, options, modules);
        CompletableFuture<RunningBridge> started = new CompletableFuture<>();
        startParts(parts).onComplete(ar -> {
            if (ar.succeeded()) {
                started.complete(ar.result());
            } else {
                parts.stop().whenComplete((v, e) -> started.completeExceptionally(ar.cause()));
            }
        });
        return started;
    }

    private static Future<RunningBridge> startParts(RunningBridge.Parts parts) {
        BridgeOptions options = parts.options();
        Vertx vertx = parts.vertx();
        List<BridgeStorage.ModuleSchema> schemas = parts.modules().stream().filter(m -> m.migrations() != null)
                .map(m -> new BridgeStorage.ModuleSchema(m.name(), m.migrations())).toList();
        SecurityEvents[] events = new SecurityEvents[1];
        return BridgeStorage.open(vertx, options.dataDir(), options.database(), schemas).compose(db -> {
            parts.database(db);
            events[0] = new SecurityEvents(vertx, db.writer(), parts.registry());
            parts.securityEvents(events[0]);
            return vertx.executeBlocking(() -> FileKeyStore.open(options.signingKeyFile(), options.dataDir()))
                    .recover(e -> Future.failedFuture(new IllegalStateException("the signing key file " + options.signingKeyFile()
                            + " cannot be used (--key-file): " + e.getMessage(), e)));
        }).compose(keyStore -> {
            parts.keyStore(keyStore);
            CommandKeys keys = new CommandKeys(parts.database(), keyStore);
            parts.commandKeys(keys);
            return keys.load(System.currentTimeMillis());
        }).compose(v -> vertx.executeBlocking(() -> BridgeTls.load(options.identityDir(), refused -> events[0].recordLogged(
                SecurityEvents.TLS, subject(refused.getMessage()), refused.reason().name(), refused.getMessage()))))
        .compose(tls -> startBroker(parts, tls, events[0]).compose(broker -> {
            BridgeStorage db = parts.database();
            FleetStore fleet = new FleetStore(db);
            VerifiedGateways verified = new VerifiedGateways(tls.server(), db.writer(), db.reader());
            Future<Void> fleetReady = options.embeddedBroker() ? fleet.markAllOffline() : Future.succeededFuture();
            return fleetReady.compose(v -> verified.load()).compose(v -> deploy(parts, broker, fleet, tls, verified, events[0]));
        }));
    }

    private static String subject(String message) {
        return message.length() > 160 ? message.substring(0, 160) : message;
    }

    private static Future<BrokerAddress> startBroker(RunningBridge.Parts parts, BridgeTls tls, SecurityEvents events) {
        BridgeOptions options = parts.options();
        if (!options.embeddedBroker()) {
            if (!options.externalBroker().tls()) {
                LOG.warn("PLAIN MQTT: the broker {} is reached without TLS: nothing is encrypted and the broker cannot tell who is who. "
                        + "Use ssl:// with client certificates in production.", options.externalBroker());
            }
            return Future.succeededFuture(options.externalBroker());
        }
        EmbeddedBroker broker = new EmbeddedBroker(options.host(), options.mqttPort(), MAX_MQTT_MESSAGE_BYTES,
                new BrokerSecurity(tls.server(), new BrokerAcl(), events));
        parts.broker(broker);
        return parts.vertx().executeBlocking(broker::start);
    }

    private static Future<RunningBridge> deploy(RunningBridge.Parts parts, BrokerAddress broker, FleetStore fleet, BridgeTls tls,
                                                VerifiedGateways verified, SecurityEvents events) {
        return parts.vertx().executeBlocking(() -> HttpSecurity.load(parts.vertx(), parts.options(), parts.registry()))
                .compose(security -> deploy(parts, broker, fleet, tls, verified, events, security));
    }

    private static Future<RunningBridge> deploy(RunningBridge.Parts parts, BrokerAddress broker, FleetStore fleet, BridgeTls tls,
                                                VerifiedGateways verified, SecurityEvents events, HttpSecurity security) {
        BridgeOptions options = parts.options();
        BridgeStorage db = parts.database();
        LifecycleCodec lifecycleCodec = new LifecycleCodec();
        RepeatFilter repeats = new RepeatFilter(REPEAT_KEYS);
        IngestMetrics metrics = new IngestMetrics(parts.registry(), fleet::onlineCount);
        BrokerConnection[] connection = new BrokerConnection[1];
        RecordListeners listeners = new RecordListeners();
        Router moduleRoutes = Router.router(parts.vertx());
        BrokerCommands commands = new BrokerCommands(() -> connection[0], parts.commandKeys(), fleet::sealingKey, db, options.shareGroup() != null);
        parts.commands(commands);
        ApiRoutes moduleApi = security.routes(moduleRoutes, MODULE_PREFIX);
        new CommandKeyRoutes(parts.commandKeys()::anchor, commands::rotate).mount(moduleApi);
        ModuleHost modules = new ModuleHost(parts.vertx(), db, moduleApi, parts.registry(), commands, parts.keyStore(), options.dataDir(),
                listeners, fleet);
        parts.moduleHost(modules);
        SenderCheck senders = new SenderCheck(verified, events, commands);
        BatchCodec dataCodec = new BatchCodec();
        BatchIngest data = new BatchIngest(dataCodec, new RecordDecoder(new SenmlCodec()), new RecordWriter(db, listeners),
                new CountedAcks((topic, payload, dropped) -> connection[0].publish(topic, payload, dropped), dataCodec, parts.registry(),
                        System::nanoTime, CountedAcks.LOG_INTERVAL), metrics, repeats, senders,
                new StoreAnomalies(events, new LiveStores(LIVE_STORE_WINDOW_MILLIS), System::currentTimeMillis));
        IngestRouter router = new IngestRouter(data, new LifecycleIngest(lifecycleCodec, fleet, metrics, repeats, verified, senders), metrics, repeats);
        connection[0] = new BrokerConnection(parts.vertx(), broker, clientId(options, tls), filters(options.shareGroup()),
                () -> stateMessages(lifecycleCodec, instanceId(options, tls)), MAX_MQTT_MESSAGE_BYTES, router::route, tls.client());
        followCrl(parts, tls, verified, events, new CrlBroadcast(tls.server(),
                der -> connection[0].publishConfirmed(Topics.fleetCommand(CrlBroadcast.COMMAND), der, true)));
        HealthCheck health = new HealthCheck(parts.vertx(), db::ping, metrics::lastCommitNanos, connection[0]::isConnected, broker.url(), options.embeddedBroker());
        parts.health(health);
        AuditLog audit = new AuditLog(db, Clock.systemUTC());
        return parts.vertx().executeBlocking(() -> ApiDocument.merge(parts.modules()))
                .compose(document -> modules.start(parts.modules()).map(document))
                .compose(document -> {
                    ApiRouter api = new ApiRouter(health, fleet, new TelemetryStore(db.reader()), parts.registry(), moduleRoutes, document,
                            root -> security.routes(root, ""), audit);
                    return parts.vertx().deployVerticle(new IngestVerticle(connection[0])).compose(id -> {
                        parts.ingestDeployment(id);
                        return health.start();
                    }).compose(v -> {
                        if (security.tls() == null) {
                            LOG.warn("no bridge identity (--identity DIR): the HTTP API is off — it is served over TLS only");
                            return Future.succeededFuture(new RunningBridge(parts, -1, broker, List.of(), security.access()));
                        }
                        HttpVerticle http = new HttpVerticle(api::create, options.host(), options.httpPort(), security.tls());
                        return parts.vertx().deployVerticle(http).map(id -> {
                            parts.httpDeployment(id);
                            return new RunningBridge(parts, http.port(), broker, http.routes(), security.access());
                        });
                    });
                });
    }

    /**
     * @return the subscriptions: births, deaths and data of every gateway; with a shared group, deaths and data are
     *     shared and births are not, so that every instance learns every gateway's certificate
     */
    static List<String> filters(String shareGroup) {
        String prefix = shareGroup == null ? "" : "$share/" + shareGroup + "/";
        return Stream.concat(Stream.of(Topics.allGateways(Topics.Kind.BIRTH)),
                Stream.of(Topics.Kind.DEATH, Topics.Kind.DATA).map(k -> prefix + Topics.allGateways(k))).toList();
    }

    /**
     * Every few seconds: a new CRL in the bridge's identity directory re-checks the gateways believed so far and is
     * handed to every gateway; hourly the re-check runs anyway (certificates expire).
     */
    private static void followCrl(RunningBridge.Parts parts, BridgeTls tls, VerifiedGateways verified, SecurityEvents events,
                                  CrlBroadcast broadcast) {
        Object[] seen = {tls.server().currentCrl().orElse(null)};
        long[] ticks = {0};
        long hourly = 3_600_000 / CRL_CHECK_MILLIS;
        parts.timer(parts.vertx().setPeriodic(CRL_CHECK_MILLIS, id -> {
            Object crl = tls.server().currentCrl().orElse(null);
            if (crl != seen[0] || ++ticks[0] % hourly == 0) {
                seen[0] = crl;
                verified.recheck((gateway, refused) -> events.record(SecurityEvents.INGEST, gateway, refused.reason().name(),
                        "gateway no longer believed: " + refused.getMessage()));
            }
            broadcast.tick();
        }));
    }

    /** Each instance has its own retained state (its will says offline): gateways hold only while every instance is offline. */
    private static BrokerConnection.State stateMessages(LifecycleCodec codec, String instance) {
        long now = System.currentTimeMillis();
        return new BrokerConnection.State(Topics.bridgeState(instance), codec.encodeBridgeState(new BridgeState(1, true, now)),
                codec.encodeBridgeState(new BridgeState(1, false, now)));
    }

    /** @return the instance id in its state topic: the MQTT client id if it is a valid topic id, else the identity's id */
    static String instanceId(BridgeOptions options, BridgeTls tls) {
        return Topics.isValidId(options.clientId()) ? options.clientId() : tls.client().identity().id();
    }

    private static String clientId(BridgeOptions options, BridgeTls tls) {
        return options.clientId() != null ? options.clientId() : tls.client().identity().id();
    }
}
