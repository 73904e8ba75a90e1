package cn.taihang.bridge.signs;

import cn.taihang.bridge.dispatch.port.HubSignPublisher;
import cn.taihang.bridge.module.BridgeContext;
import cn.taihang.bridge.module.BridgeModule;
import cn.taihang.bridge.module.IngestedRecord;
import cn.taihang.bridge.module.RecordTimes;
import cn.taihang.sign.rendering.FontSet;
import cn.taihang.wire.records.AlarmEvent;
import cn.taihang.wire.records.CounterInterval;
import cn.taihang.wire.records.RecordKinds;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.net.URL;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Digital signs on the bridge: a registry of every sign (from births and {@code sign.status} records), the image of what
 * each panel confirmed showing, operator messages, and hub boards composed from {@code <dataDir>/signs/network.json}
 * (next departures of a planned timetable, car-park spaces from vehicle counts, road-weather alarms, dispatch's notices
 * through {@link #hubNotices()}), sent down as retained {@code sign-message} commands.
 */
public final class SignsModule implements BridgeModule {

    /** Where the network the boards are composed from lives, under the bridge's data directory. */
    public static final String NETWORK_FILE = "signs/network.json";
    private static final Logger LOG = LoggerFactory.getLogger(SignsModule.class);
    private static final Set<String> ROAD_KINDS = Set.of("fog", "ice", "wind");

    private BridgeContext context;
    private long timer = -1;
    private volatile HubSignPublisher notices;

    @Override
    public URL openApi() {
        return SignsModule.class.getResource("openapi.yaml");
    }

    @Override
    public String name() {
        return "signs";
    }

    @Override
    public String migrations() {
        return "cn/taihang/bridge/signs/db";
    }

    @Override
    public Future<Void> start(BridgeContext context) {
        this.context = context;
        SignStore store = new SignStore(context.storage());
        return context.vertx().executeBlocking(() -> new Object[] {network(context.dataDir().resolve(NETWORK_FILE)), fonts()})
                .map(loaded -> {
                    SignNetwork network = (SignNetwork) loaded[0];
                    FontSet fonts = (FontSet) loaded[1];
                    HubBoards boards = new HubBoards(network, new HubBoardComposer(fonts), store);
                    SignMessages messages = new SignMessages(store, context.commands(), fonts, boards);
                    notices = new DispatchNotices(store, messages, Clock.systemUTC());
                    new SignsApi(store, messages, context::gateways).mount(context.routes());
                    RecordTimes times = new RecordTimes(RecordTimes.DEFAULT_MAX_AHEAD, context.meters());
                    context.onNewRecords(RecordKinds.SIGN_STATUS, (tx, records) -> statuses(store, times, tx, records));
                    context.onNewRecords(RecordKinds.COUNTER_INTERVAL, (tx, records) -> parking(store, network, tx, records));
                    context.onNewRecords(RecordKinds.ALARM_PREFIX, (tx, records) -> alarms(store, tx, records));
                    timer = context.vertx().setPeriodic(network.composeSeconds() * 1000L, id -> messages.composeHubs(Instant.now())
                            .onFailure(e -> LOG.warn("hub boards not composed: {}", e.toString())));
                    LOG.info("signs: {} lines, {} car parks from {}", network.lines().size(), network.parking().size(),
                            network.lines().isEmpty() ? "(no " + NETWORK_FILE + ": hub boards off)" : NETWORK_FILE);
                    return null;
                });
    }

    /**
     * Where dispatch puts its hub notices: into the hub boards this module composes (see {@link DispatchNotices}).
     *
     * @return the publisher, or {@code null} until the module has started
     */
    public HubSignPublisher hubNotices() {
        return notices;
    }

    @Override
    public Future<Void> stop() {
        if (timer >= 0) {
            context.vertx().cancelTimer(timer);
        }
        return Future.succeededFuture();
    }

    static Future<Void> statuses(SignStore store, RecordTimes times, SqlConnection tx, List<IngestedRecord> records) {
        Future<Void> chain = Future.succeededFuture();
        for (IngestedRecord r : records) {
            SignStatus status = SignStatus.of(times.forOrdering(r));
            if (status == null) {
                LOG.warn("a sign.status record of {} from {} lacks state or size; skipped", r.device(), r.gateway());
                continue;
            }
            chain = chain.compose(v -> store.saveStatus(tx, status, r.seq()));
        }
        return chain;
    }

    private static Future<Void> parking(SignStore store, SignNetwork network, SqlConnection tx, List<IngestedRecord> records) {
        Future<Void> chain = Future.succeededFuture();
        for (IngestedRecord r : records) {
            Double count = r.get(CounterInterval.COUNT);
            if (count == null) {
                continue;
            }
            String day = Instant.ofEpochMilli(r.timeMillis()).atZone(network.zone()).toLocalDate().toString();
            for (SignNetwork.Parking p : network.parking()) {
                boolean in = p.in().contains(r.device());
                if (in || p.out().contains(r.device())) {
                    long n = count.longValue();
                    chain = chain.compose(v -> store.addParking(tx, p.area(), day, in ? n : 0, in ? 0 : n));
                }
            }
        }
        return chain;
    }

    static Future<Void> alarms(SignStore store, SqlConnection tx, List<IngestedRecord> records) {
        Future<Void> chain = Future.succeededFuture();
        for (IngestedRecord r : records) {
            String kind = r.get(AlarmEvent.ALARM_KIND);
            String id = r.get(AlarmEvent.ID);
            if (kind == null || id == null || !ROAD_KINDS.contains(kind)) {
                continue;
            }
            boolean raised = r.kind().equals(RecordKinds.ALARM_RAISED);
            if (raised || r.kind().equals(RecordKinds.ALARM_CLEARED)) {
                chain = chain.compose(v -> store.roadAlarm(tx, r.gateway(), id, r.site(), kind, r.timeMillis(), r.seq(), raised));
            }
        }
        return chain;
    }

    private static SignNetwork network(Path file) throws IOException {
        if (!Files.exists(file)) {
            return SignNetwork.empty();
        }
        return SignNetwork.parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static FontSet fonts() {
        return FontSet.bundledUnifont();
    }
}
