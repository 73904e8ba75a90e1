package cn.taihang.bridge.dispatch;

import cn.taihang.bridge.dispatch.domain.DayPlan;
import cn.taihang.bridge.dispatch.port.HubSignPublisher;
import cn.taihang.bridge.forecast.HolidayCalendar;
import cn.taihang.bridge.forecast.SeasonalForecaster;
import cn.taihang.bridge.module.BridgeContext;
import cn.taihang.bridge.module.BridgeModule;
import cn.taihang.wire.records.RecordKinds;
import io.vertx.core.Future;
import java.net.URL;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passenger-flow forecasting and dispatch as a bridge module: hourly flow per hub and scenic area from ticket scans
 * ({@code ticket.redemption}) and vehicle counts ({@code counter.interval}), seasonal forecasts with day-of-week and
 * holiday effects, each tourist line's timetable with extra departures from the depot pool, one-key-call rides, and
 * hub notices for the signs. Re-plans today every {@code replanMillis} and sends changed notices. Routes under
 * {@code /api/v1/dispatch/}.
 */
public final class DispatchModule implements BridgeModule {

    private static final Logger LOG = LoggerFactory.getLogger(DispatchModule.class);
    /** Default re-planning period: 15 minutes. */
    public static final long REPLAN_MILLIS = 15 * 60_000L;

    private final Clock clock;
    private final Function<BridgeContext, HubSignPublisher> signs;
    private final long replanMillis;
    private BridgeContext context;
    private DispatchService service;
    private long timer = -1;

    /** System clock, notices as retained commands ({@link CommandSignPublisher}), re-planning every 15 minutes. */
    public DispatchModule() {
        this(Clock.systemUTC(), ctx -> new CommandSignPublisher(ctx.commands(), ctx::gateways, Clock.systemUTC()), REPLAN_MILLIS);
    }

    /**
     * @param clock the clock ("today", "now")
     * @param signs makes the sign publisher once the bridge's context exists (the sign service plugs in here)
     * @param replanMillis how often today is re-planned, 0 = never (tests plan through the API)
     */
    public DispatchModule(Clock clock, Function<BridgeContext, HubSignPublisher> signs, long replanMillis) {
        this.clock = clock;
        this.signs = signs;
        this.replanMillis = replanMillis;
    }

    @Override
    public URL openApi() {
        return DispatchModule.class.getResource("openapi.yaml");
    }

    @Override
    public String name() {
        return "dispatch";
    }

    @Override
    public String migrations() {
        return "cn/taihang/bridge/dispatch/db";
    }

    @Override
    public Future<Void> start(BridgeContext context) {
        this.context = context;
        DispatchNetwork network = DispatchNetwork.load();
        FlowStore flows = new FlowStore(network.places().stream().map(p -> p.id()).collect(Collectors.toSet()));
        DispatchService dispatch = new DispatchService(network, context.storage().writer(), context.storage().reader(),
                new SeasonalForecaster(HolidayCalendar.chinaMainland()), signs.apply(context));
        this.service = dispatch;
        RideDesk rides = new RideDesk(network, context.storage());
        new DispatchRoutes(dispatch, rides, clock).mount(context.routes());
        context.onNewRecords(RecordKinds.COUNTER_INTERVAL, flows::record);
        context.onNewRecords(RecordKinds.TICKET_REDEMPTION, flows::record);
        return rides.seed().onSuccess(v -> {
            if (replanMillis > 0) {
                timer = context.vertx().setPeriodic(replanMillis, id -> {
                    LocalDateTime now = LocalDateTime.now(clock.withZone(network.zone()));
                    dispatch.plan(LocalDate.from(now), now).onFailure(e -> LOG.warn("re-planning today failed: {}", e.toString()));
                });
            }
            LOG.info("dispatch: {} places, {} lines, {} depot vehicles", network.places().size(), network.lines().size(),
                    network.depots().stream().mapToInt(d -> d.vehicles()).sum());
        });
    }

    /**
     * The day's departures — planned and extra — for other modules (the signs' departure boards).
     *
     * @return the plan, computed from the current forecasts (not stored, no notices sent); fails if the module has
     *     not started
     */
    public Future<DayPlan> dayPlan(LocalDate day) {
        return service == null ? Future.failedFuture(new IllegalStateException("the dispatch module has not started")) : service.compute(day);
    }

    @Override
    public Future<Void> stop() {
        if (context != null && timer >= 0) {
            context.vertx().cancelTimer(timer);
        }
        return Future.succeededFuture();
    }
}
