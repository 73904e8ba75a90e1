package cn.taihang.bridge;

import cn.taihang.bridge.broker.BrokerAddress;
import cn.taihang.bridge.broker.BrokerCommands;
import cn.taihang.bridge.commands.CommandKeys;
import cn.taihang.bridge.keys.FileKeyStore;
import cn.taihang.wire.command.CommandAnchor;
import cn.taihang.wire.sign.SignatureAlgorithm;
import java.io.IOException;
import cn.taihang.bridge.broker.EmbeddedBroker;
import cn.taihang.bridge.module.Access;
import cn.taihang.bridge.http.HealthCheck;
import cn.taihang.bridge.module.BridgeModule;
import cn.taihang.bridge.security.SecurityEvents;
import cn.taihang.bridge.storage.BridgeStorage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import cn.taihang.identity.IdentityFiles;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A started bridge: where it listens, and how to stop it. Thread-safe. */
public final class RunningBridge implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunningBridge.class);
    private static final long CLOSE_TIMEOUT_SECONDS = 15;

    private final Parts parts;
    private final int httpPort;
    private final BrokerAddress broker;
    private final List<String> routes;
    private final Map<String, Access> access;

    RunningBridge(Parts parts, int httpPort, BrokerAddress broker, List<String> routes, Map<String, Access> access) {
        this.parts = parts;
        this.httpPort = httpPort;
        this.broker = broker;
        this.routes = List.copyOf(routes);
        this.access = access;
    }

    /** @return the HTTPS API's bound port, or -1 if the bridge has no identity and so no HTTP API */
    public int httpPort() {
        return httpPort;
    }

    /**
     * @return the HTTPS base URL, e.g. {@code https://127.0.0.1:8080}
     * @throws IllegalStateException if the bridge has no identity and so no HTTP API
     */
    public String httpUrl() {
        if (httpPort < 0) {
            throw new IllegalStateException("this bridge serves no HTTP API: it was started without an identity (BridgeOptions.withIdentityDir, --identity)");
        }
        return "https://" + hostForUrl(parts.options().host()) + ":" + httpPort;
    }

    /** @return the trusted CA certificates of the bridge's identity ({@code ca.pem}), which clients of its HTTPS API trust */
    public Path caCertificates() {
        if (parts.options().identityDir() == null) {
            throw new IllegalStateException("this bridge has no identity");
        }
        return IdentityFiles.in(parts.options().identityDir()).caCertificates();
    }

    /** @return the local token issuer's directory, or {@code null} if the bridge believes only an external issuer */
    public Path tokenIssuerDir() {
        return parts.options().tokens().localIssuerDir();
    }

    /** @return the broker's port (the embedded broker's bound port, or the external broker's) */
    public int mqttPort() {
        return broker.port();
    }

    /** @return the broker's URL for gateways, e.g. {@code ssl://127.0.0.1:8883} */
    public String brokerUrl() {
        return broker.url();
    }

    /**
     * Checks the certificates of the embedded broker's open connections against the current CRL now (it does so by
     * itself within seconds of the CRL file changing); does nothing with an external broker.
     */
    public void recheckBrokerConnections() {
        EmbeddedBroker b = parts.broker();
        if (b != null) {
            b.recheckNow();
        }
    }

    /** @return whether this bridge runs the broker itself */
    public boolean embeddedBroker() {
        return parts.options().embeddedBroker();
    }

    /** @return the SQLite file, or {@code null} when the bridge keeps its data in PostgreSQL */
    public Path databaseFile() {
        return parts.database().file();
    }

    /** @return where the data is: the SQLite file, or the PostgreSQL URL (never the password) */
    public String databaseLocation() {
        return parts.database().location();
    }

    /** @return the meters (also served at {@code /metrics}) */
    public MeterRegistry meterRegistry() {
        return parts.registry();
    }

    /**
     * @return the command keys gateways are to trust now (the current key and the one before it for older commands): what
     *     enrolment pins in each gateway's identity directory
     */
    public CommandAnchor commandAnchor() {
        return parts.commandKeys().anchor();
    }

    /**
     * Writes the command trust anchor into a gateway's identity directory ({@value CommandAnchor#FILE_NAME}), the step
     * beside the gateway's certificate enrolment.
     *
     * @throws IOException if it cannot be written
     */
    public void exportCommandAnchor(Path identityDir) throws IOException {
        commandAnchor().write(identityDir);
    }

    /**
     * Rotates the command key ({@code POST /api/v1/command-keys/rotate} does the same).
     *
     * @return completes with the new anchor once the broker has the rotation command; fails if it cannot be stored or sent
     */
    public CompletionStage<CommandAnchor> rotateCommandKey(SignatureAlgorithm algorithm) {
        return parts.commands().rotate(algorithm).toCompletionStage();
    }

    /** @return the routes the HTTP API serves, as {@code "GET /path"}; for contract tests and diagnostics */
    public List<String> httpRoutes() {
        return routes;
    }

    /** @return who may call each route, by {@code "GET /path/{param}"}; for contract tests and diagnostics */
    public Map<String, Access> httpRouteAccess() {
        return Map.copyOf(access);
    }

    /**
     * Stops gracefully: publishes the bridge's offline state, disconnects, stops the HTTP API, closes the database
     * and the embedded broker. Idempotent.
     *
     * @return completes when everything is stopped; never fails (problems are logged)
     */
    public CompletionStage<Void> closeAsync() {
        return parts.stop();
    }

    /**
     * Stops at once, the way a killed process looks from outside: this instance's Vert.x (its MQTT, HTTP and database
     * connections) is closed without an MQTT DISCONNECT or an offline state, so the broker publishes the instance's will
     * and the other instances of its share group take over. For failover drills and tests; nothing is flushed, and the
     * bridge must not be used (nor closed) afterwards.
     *
     * @return completes when the Vert.x instance is closed
     */
    public CompletionStage<Void> abort() {
        LOG.warn("aborting this bridge instance without a clean disconnect (failover drill)");
        return parts.vertx().close().toCompletionStage();
    }

    /** Blocking {@link #closeAsync()}, waiting at most 15 s. */
    @Override
    public void close() {
        try {
            closeAsync().toCompletableFuture().get(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("bridge did not stop cleanly within {} s: {}", CLOSE_TIMEOUT_SECONDS, e.toString());
        }
    }

    static String hostForUrl(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** What has been started so far, so that a failed start and a close stop the same things in order. */
    static final class Parts {
        private final Vertx vertx;
        private final PrometheusMeterRegistry registry;
        private final BridgeOptions options;
        private volatile BridgeStorage database;
        private volatile EmbeddedBroker broker;
        private volatile String ingestDeployment;
        private volatile String httpDeployment;
        private final List<BridgeModule> modules;
        private volatile ModuleHost moduleHost;
        private volatile FileKeyStore keyStore;
        private volatile CommandKeys commandKeys;
        private volatile BrokerCommands commands;
        private volatile SecurityEvents securityEvents;
        private final List<Long> timers = new java.util.concurrent.CopyOnWriteArrayList<>();
        private volatile HealthCheck health;
        private CompletableFuture<Void> stopped;

        Parts(Vertx vertx, PrometheusMeterRegistry registry, BridgeOptions options, List<BridgeModule> modules) {
            this.modules = List.copyOf(modules);
            this.vertx = vertx;
            this.registry = registry;
            this.options = options;
        }

        Vertx vertx() {
            return vertx;
        }

        PrometheusMeterRegistry registry() {
            return registry;
        }

        BridgeOptions options() {
            return options;
        }

        List<BridgeModule> modules() {
            return modules;
        }

        BridgeStorage database() {
            return database;
        }

        void database(BridgeStorage db) {
            database = db;
        }

        void broker(EmbeddedBroker b) {
            broker = b;
        }

        EmbeddedBroker broker() {
            return broker;
        }

        void securityEvents(SecurityEvents events) {
            securityEvents = events;
        }

        /** A periodic timer to cancel when the bridge stops. */
        void timer(long id) {
            timers.add(id);
        }

        void moduleHost(ModuleHost host) {
            moduleHost = host;
        }

        FileKeyStore keyStore() {
            return keyStore;
        }

        void keyStore(FileKeyStore store) {
            keyStore = store;
        }

        CommandKeys commandKeys() {
            return commandKeys;
        }

        void commandKeys(CommandKeys keys) {
            commandKeys = keys;
        }

        BrokerCommands commands() {
            return commands;
        }

        void commands(BrokerCommands sender) {
            commands = sender;
        }

        void health(HealthCheck check) {
            health = check;
        }

        void ingestDeployment(String id) {
            ingestDeployment = id;
        }

        void httpDeployment(String id) {
            httpDeployment = id;
        }

        /**
         * Stops in order: MQTT (offline state), HTTP, database, broker, then Vert.x itself from a plain thread,
         * because nothing chained on a Vert.x future runs once its event loops are gone.
         */
        synchronized CompletableFuture<Void> stop() {
            if (stopped == null) {
                CompletableFuture<Void> done = new CompletableFuture<>();
                stopped = done;
                LOG.debug("stopping the bridge");
                timers.forEach(vertx::cancelTimer);
                if (health != null) {
                    health.stop();
                }
                undeploy(ingestDeployment)
                        .onComplete(ar -> LOG.debug("ingest stopped"))
                        .eventually(() -> undeploy(httpDeployment))
                        .eventually(() -> moduleHost == null ? Future.succeededFuture() : moduleHost.stop())
                        .eventually(() -> {
                            SecurityEvents events = securityEvents;
                            if (events == null) {
                                return Future.succeededFuture();
                            }
                            events.close();
                            return events.flush();
                        })
                        .eventually(() -> database == null ? Future.succeededFuture() : database.close())
                        .eventually(() -> broker == null ? Future.succeededFuture() : vertx.executeBlocking(() -> {
                            long t0 = System.nanoTime();
                            broker.stop();
                            LOG.debug("embedded broker stopped in {} ms", (System.nanoTime() - t0) / 1_000_000);
                            return null;
                        }))
                        .onComplete(ar -> {
                            LOG.debug("bridge parts stopped");
                            if (ar.failed()) {
                                LOG.warn("problem while stopping the bridge: {}", ar.cause().toString());
                            }
                            Thread closer = new Thread(() -> closeVertx(done), "bridge-close");
                            closer.setDaemon(true);
                            closer.start();
                        });
            }
            return stopped;
        }

        private void closeVertx(CompletableFuture<Void> done) {
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("Vert.x did not close cleanly: {}", e.toString());
            } finally {
                LOG.debug("Vert.x closed");
                registry.close();
                done.complete(null);
            }
        }

        private Future<Void> undeploy(String id) {
            return id == null ? Future.succeededFuture() : vertx.undeploy(id);
        }
    }
}
