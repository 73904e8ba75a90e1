package cn.taihang.bridge;

import cn.taihang.bridge.broker.BrokerAddress;
import cn.taihang.bridge.broker.BrokerConnection;
import cn.taihang.bridge.broker.EmbeddedBroker;
import cn.taihang.bridge.audit.AuditLog;
import cn.taihang.bridge.fleet.FleetStore;
import cn.taihang.bridge.http.auth.HttpSecurity;
import cn.taihang.bridge.http.ApiRouter;
import cn.taihang.bridge.http.HealthCheck;
import cn.taihang.bridge.http.HttpVerticle;
import cn.taihang.bridge.ingest.BatchIngest;
import cn.taihang.bridge.ingest.IngestMetrics;
import cn.taihang.bridge.ingest.IngestRouter;
import cn.taihang.bridge.ingest.IngestVerticle;
import cn.taihang.bridge.ingest.LifecycleIngest;
import cn.taihang.bridge.ingest.RecordDecoder;
import cn.taihang.bridge.ingest.RecordListeners;
import cn.taihang.bridge.ingest.RecordWriter;
import cn.taihang.bridge.broker.BrokerCommands;
import cn.taihang.bridge.http.ApiDocument;
import cn.taihang.bridge.ingest.RepeatFilter;
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
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the bridge's core with the modules it is given: storage (SQLite, or PostgreSQL) with every schema migrated, embedded Moquette broker (or an external one),
 * MQTT ingest with exactly-once storage and acknowledgements, the HTTP API (health, gateways, telemetry, metrics, the
 * OpenAPI document merged from the core's part and each module's) and then the modules, in order. Each call makes an
 * independent bridge with its own Vert.x instance and meter registry, so several can run in one JVM (the simulator,
 * tests). The assembled bridge with the standard modules is {@code cn.taihang.bridge.Bridge} in the {@code bridge}
 * module; a module's own tests start the core with that module alone.
 *
 * <pre>{@code
 * RunningBridge bridge = BridgeCore.start(BridgeOptions.ephemeral(dir), List.of(new RentalModule())).toCompletableFuture().get();
 * String broker = bridge.brokerUrl();   // gateways connect here
 * int http = bridge.httpPort();
 * bridge.close();
 * }</pre>
 */
public final class BridgeCore {

    /** Largest MQTT message the broker and the bridge accept: the wire format's limit plus MQTT framing. */
    static final int MAX_MQTT_MESSAGE_BYTES = WireLimits.V1.maxMessageBytes() + 4096;
    private static final int REPEAT_KEYS = 10_000;
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
     *     started is stopped again) if a port cannot be bound, the database cannot be opened, a module fails to start
     *     or two modules describe the same route — the exception says what to change
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
        return BridgeStorage.open(vertx, options.dataDir(), options.database(), schemas).compose(db -> {
            parts.database(db);
            return startBroker(parts);
        }).compose(broker -> {
            BridgeStorage db = parts.database();
            FleetStore fleet = new FleetStore(db);
            Future<Void> fleetReady = options.embeddedBroker() ? fleet.markAllOffline() : Future.succeededFuture();
            return fleetReady.compose(v -> deploy(parts, broker, fleet));
        });
    }

    private static Future<BrokerAddress> startBroker(RunningBridge.Parts parts) {
        BridgeOptions options = parts.options();
        if (!options.embeddedBroker()) {
            return Future.succeededFuture(options.externalBroker());
        }
        EmbeddedBroker broker = new EmbeddedBroker(options.host(), options.mqttPort(), MAX_MQTT_MESSAGE_BYTES);
        parts.broker(broker);
        return parts.vertx().executeBlocking(broker::start);
    }

    private static Future<RunningBridge> deploy(RunningBridge.Parts parts, BrokerAddress broker, FleetStore fleet) {
        return parts.vertx().executeBlocking(() -> HttpSecurity.load(parts.vertx(), parts.options(), parts.registry()))
                .compose(security -> deploy(parts, broker, fleet, security));
    }

    private static Future<RunningBridge> deploy(RunningBridge.Parts parts, BrokerAddress broker, FleetStore fleet, HttpSecurity security) {
        BridgeOptions options = parts.options();
        BridgeStorage db = parts.database();
        LifecycleCodec lifecycleCodec = new LifecycleCodec();
        RepeatFilter repeats = new RepeatFilter(REPEAT_KEYS);
        IngestMetrics metrics = new IngestMetrics(parts.registry(), fleet::onlineCount);
        BrokerConnection[] connection = new BrokerConnection[1];
        RecordListeners listeners = new RecordListeners();
        Router moduleRoutes = Router.router(parts.vertx());
        ModuleHost modules = new ModuleHost(parts.vertx(), db, security.routes(moduleRoutes, MODULE_PREFIX), parts.registry(),
                new BrokerCommands(() -> connection[0]), options.dataDir(), listeners, fleet);
        parts.moduleHost(modules);
        BatchCodec dataCodec = new BatchCodec();
        BatchIngest data = new BatchIngest(dataCodec, new RecordDecoder(new SenmlCodec()), new RecordWriter(db, listeners),
                (site, gateway, ack) -> connection[0].publish(Topics.ack(site, gateway), dataCodec.encodeAck(ack)), metrics, repeats);
        IngestRouter router = new IngestRouter(data, new LifecycleIngest(lifecycleCodec, fleet, metrics, repeats), metrics, repeats);
        connection[0] = new BrokerConnection(parts.vertx(), broker, clientId(options), filters(options.shareGroup()),
                () -> stateMessages(lifecycleCodec), MAX_MQTT_MESSAGE_BYTES, router::route);
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

    /** @return the subscriptions: births, deaths and data of every gateway, optionally in a shared group */
    static List<String> filters(String shareGroup) {
        String prefix = shareGroup == null ? "" : "$share/" + shareGroup + "/";
        return Stream.of(Topics.Kind.BIRTH, Topics.Kind.DEATH, Topics.Kind.DATA).map(k -> prefix + Topics.allGateways(k)).toList();
    }

    private static BrokerConnection.State stateMessages(LifecycleCodec codec) {
        long now = System.currentTimeMillis();
        return new BrokerConnection.State(Topics.BRIDGE_STATE, codec.encodeBridgeState(new BridgeState(1, true, now)),
                codec.encodeBridgeState(new BridgeState(1, false, now)));
    }

    private static String clientId(BridgeOptions options) {
        if (options.clientId() != null) {
            return options.clientId();
        }
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        return "taihang-bridge-" + HexFormat.of().formatHex(random);
    }
}
