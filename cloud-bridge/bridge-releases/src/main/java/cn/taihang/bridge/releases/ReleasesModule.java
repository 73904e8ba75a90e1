package cn.taihang.bridge.releases;

import cn.taihang.bridge.module.BridgeContext;
import cn.taihang.bridge.module.BridgeModule;
import cn.taihang.release.ConfigPush;
import cn.taihang.release.UpdateOrder;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URL;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fleet updates and remote configuration as a bridge module: signed releases (uploaded by content, trusted against
 * {@code <data>/release-keys.pub}), rollouts in waves with thresholds, maintenance windows, deadlines, pause, resume and
 * cancel, driven by the gateways' {@code update.step} records; configuration pushes and what each gateway runs ({@link ConfigPushService}). Routes
 * under {@code /api/v1/releases}, {@code /api/v1/rollouts}, {@code /api/v1/fleet} and {@code /api/v1/configuration}; who
 * may call each is named where {@link ReleaseRoutes} and {@link ConfigRoutes} register them. Its tables are its Flyway migrations ({@value #MIGRATIONS}), on SQLite and PostgreSQL.
 */
public final class ReleasesModule implements BridgeModule {

    /** How often the rollouts are looked at, by default. */
    public static final long TICK_MILLIS = 1000;
    /** The file in the bridge's data directory holding the release public keys it trusts, one hex key per line. */
    public static final String TRUSTED_KEYS = "release-keys.pub";
    /** The module's migrations, applied by the core before the module starts. */
    static final String MIGRATIONS = "cn/taihang/bridge/releases/db";
    private static final Logger LOG = LoggerFactory.getLogger(ReleasesModule.class);

    private final Clock clock;
    private final long tickMillis;
    private RolloutEngine engine;
    private Vertx vertx;
    private long configTimer = -1;

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

    @Override
    public String migrations() {
        return MIGRATIONS;
    }

    @Override
    public URL openApi() {
        return ReleasesModule.class.getResource("openapi.yaml");
    }

    @Override
    public Future<Void> start(BridgeContext context) {
        ReleaseStore releases = new ReleaseStore(context.vertx(), context.storage(), context.dataDir().resolve("releases").resolve("bundles"));
        RolloutStore rollouts = new RolloutStore(context.storage());
        engine = new RolloutEngine(context.vertx(), rollouts, context.commands(), clock);
        ReleaseService service = new ReleaseService(context, releases, rollouts, engine, clock);
        context.onNewRecords(UpdateOrder.STEP_KIND, new UpdateSteps(rollouts, engine::tick)::onRecords);
        new ReleaseRoutes(service, context.meters()).mount(context.routes());
        engine.start(tickMillis);
        ConfigPushService configuration = new ConfigPushService(context, new ConfigPushStore(context.storage()), releases, clock);
        context.onNewRecords(ConfigPush.REPORT_KIND, configuration::onRecords);
        new ConfigRoutes(configuration).mount(context.routes());
        configTimer = context.vertx().setPeriodic(tickMillis, id -> configuration.look());
        vertx = context.vertx();
        LOG.info("releases: rollouts looked at every {} ms; trusted release keys in {}", tickMillis,
                context.dataDir().resolve(ReleaseService.TRUSTED_KEYS).toAbsolutePath());
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> stop() {
        if (engine != null) {
            engine.stop();
        }
        if (vertx != null) {
            vertx.cancelTimer(configTimer);
        }
        return Future.succeededFuture();
    }
}
