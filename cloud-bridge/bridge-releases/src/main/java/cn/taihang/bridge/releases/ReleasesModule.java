package cn.taihang.bridge.releases;

import cn.taihang.bridge.module.BridgeContext;
import cn.taihang.bridge.module.BridgeModule;
import cn.taihang.release.UpdateOrder;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fleet updates and remote configuration as a bridge module: signed releases (uploaded by content, trusted against
 * {@code <data>/release-keys.pub}), rollouts in waves with thresholds, maintenance windows, deadlines, pause, resume and
 * cancel, driven by the gateways' {@code update.step} records; configuration pushes and what each gateway runs. Routes
 * under {@code /api/v1/releases}, {@code /api/v1/rollouts}, {@code /api/v1/fleet} and {@code /api/v1/config}; the scope
 * each needs is in {@link FleetScopes}.
 */
public final class ReleasesModule implements BridgeModule {

    /** How often the rollouts are looked at, by default. */
    public static final long TICK_MILLIS = 1000;
    /** The file in the bridge's data directory holding the release public keys it trusts, one hex key per line. */
    public static final String TRUSTED_KEYS = "release-keys.pub";
    /** The module's migrations (the core applies them once it runs Flyway; until then {@link #start} does, idempotently). */
    static final String MIGRATIONS = "cn/taihang/bridge/releases/db";
    private static final Logger LOG = LoggerFactory.getLogger(ReleasesModule.class);

    private final Clock clock;
    private final long tickMillis;
    private RolloutEngine engine;

    /** The standard module: the system clock, a look at the rollouts every second. */
    public ReleasesModule() {
        this(Clock.systemUTC(), TICK_MILLIS);
    }

    /**
     * @param clock the time rollouts, windows and deadlines go by
     * @param tickMillis how often the rollouts are looked at
     */
    public ReleasesModule(Clock clock, long tickMillis) {
        this.clock = clock;
        this.tickMillis = tickMillis;
    }

    @Override
    public String name() {
        return "releases";
    }

    /** @return the class-path folder of this module's Flyway migrations ({@code common/V1__…sql}) */
    public String migrations() {
        return MIGRATIONS;
    }

    @Override
    public URL openApi() {
        return ReleasesModule.class.getResource("openapi.yaml");
    }

    @Override
    public Future<Void> start(BridgeContext context) {
        ReleaseStore releases = new ReleaseStore(context.vertx(), context.writer(), context.reader(), context.dataDir().resolve("releases").resolve("bundles"));
        RolloutStore rollouts = new RolloutStore(context.writer(), context.reader());
        engine = new RolloutEngine(context.vertx(), rollouts, context.commands(), clock);
        ReleaseService service = new ReleaseService(context, releases, rollouts, engine, clock);
        context.onNewRecords(UpdateOrder.STEP_KIND, new UpdateSteps(rollouts, engine::tick)::onRecords);
        return context.writer().withTransaction(this::migrate).onSuccess(v -> {
            new ReleaseRoutes(service, context.meters()).mount(context.router());
            engine.start(tickMillis);
            LOG.info("releases: rollouts looked at every {} ms; trusted release keys in {}", tickMillis,
                    context.dataDir().resolve(ReleaseService.TRUSTED_KEYS).toAbsolutePath());
        });
    }

    /** SEAM (storage migrations): applies V1 as the core will through Flyway; every statement is IF NOT EXISTS. */
    private Future<Void> migrate(SqlConnection conn) {
        String sql;
        try (InputStream in = ReleasesModule.class.getClassLoader().getResourceAsStream(MIGRATIONS + "/common/V1__releases_rollouts_configuration.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("the releases module's migration is missing from its jar", e));
        }
        List<String> statements = Arrays.stream(sql.split(";\\s*\\n")).map(s -> s.replaceAll("(?m)^--.*$", "").trim()).filter(s -> !s.isEmpty()).toList();
        Future<Void> chain = Future.succeededFuture();
        for (String statement : statements) {
            chain = chain.compose(v -> conn.query(statement).execute().mapEmpty());
        }
        return chain;
    }

    @Override
    public Future<Void> stop() {
        if (engine != null) {
            engine.stop();
        }
        return Future.succeededFuture();
    }
}
