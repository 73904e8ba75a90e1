package cn.taihang.bridge.rental;

import cn.taihang.bridge.forecast.HolidayCalendar;
import cn.taihang.bridge.forecast.SeasonalForecaster;
import cn.taihang.bridge.module.BridgeContext;
import cn.taihang.bridge.module.BridgeModule;
import cn.taihang.bridge.rental.domain.CarState;
import cn.taihang.bridge.rental.port.RentalPassIssuer;
import cn.taihang.wire.records.RecordKinds;
import io.micrometer.core.instrument.Gauge;
import io.vertx.core.Future;
import java.net.URL;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One-way rental across six cities as a bridge module: stations, fleet and car states, reservations without double
 * booking, one-way fees, overnight rebalancing by min-cost flow, and the key lockers' pickup/return records
 * ({@code rental.*}). Routes under {@code /api/v1/rental/}.
 */
public final class RentalModule implements BridgeModule {

    private static final Logger LOG = LoggerFactory.getLogger(RentalModule.class);
    private static final long HOLD_PERIOD_MS = 60_000;

    private final Clock clock;
    private final Function<BridgeContext, RentalPassIssuer> passes;
    private BridgeContext context;
    private long timer = -1;

    /** Uses the system clock; no QR passes (no ticket service plugged in). */
    public RentalModule() {
        this(Clock.systemUTC(), ctx -> null);
    }

    /**
     * @param clock the clock reservations are checked against
     * @param passes makes the rental QR issuer (the ticket service) once the context exists; may return {@code null}
     */
    public RentalModule(Clock clock, Function<BridgeContext, RentalPassIssuer> passes) {
        this.clock = clock;
        this.passes = passes;
    }

    @Override
    public URL openApi() {
        return RentalModule.class.getResource("openapi.yaml");
    }

    @Override
    public String name() {
        return "rental";
    }

    @Override
    public String migrations() {
        return "cn/taihang/bridge/rental/db";
    }

    @Override
    public Future<Void> start(BridgeContext context) {
        this.context = context;
        RentalNetwork network = RentalNetwork.load();
        RentalService rental = new RentalService(network, context.storage());
        RentalRebalancing rebalancing = new RentalRebalancing(rental, new SeasonalForecaster(HolidayCalendar.chinaMainland()));
        new RentalRoutes(rental, rebalancing, clock, passes.apply(context)).mount(context.routes());
        LockerEvents lockers = new LockerEvents(rental);
        context.onNewRecords(RecordKinds.RENTAL_PREFIX, lockers::apply);
        AtomicInteger available = new AtomicInteger();
        Gauge.builder("bridge_rental_cars_available", available, AtomicInteger::get).description("rental cars available on the lots").register(context.meters());
        return rental.start(clock.instant()).onSuccess(v -> {
            timer = context.vertx().setPeriodic(HOLD_PERIOD_MS, id -> rental
                    .transaction(tx -> RentalStore.expireNoShows(tx, clock.instant()).compose(x -> RentalStore.holdDue(tx, clock.instant())))
                    .compose(x -> rental.cars(null, CarState.AVAILABLE.id()))
                    .onSuccess(cars -> available.set(cars.size()))
                    .onFailure(e -> LOG.warn("rental housekeeping failed: {}", e.toString())));
            LOG.info("rental: {} stations in {} cities", network.stations().size(), network.stations().stream().map(s -> s.city()).distinct().count());
        });
    }

    @Override
    public Future<Void> stop() {
        if (context != null && timer >= 0) {
            context.vertx().cancelTimer(timer);
        }
        return Future.succeededFuture();
    }
}
