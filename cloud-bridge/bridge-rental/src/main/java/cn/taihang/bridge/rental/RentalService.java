package cn.taihang.bridge.rental;

import cn.taihang.bridge.rental.port.RentalEntitlement;
import cn.taihang.bridge.rental.port.RentalPassIssuer;
import cn.taihang.bridge.rental.domain.CarState;
import cn.taihang.bridge.rental.domain.OneWayTariff;
import cn.taihang.bridge.rental.domain.Station;
import io.vertx.core.Future;
import cn.taihang.bridge.module.ServiceException;
import cn.taihang.bridge.module.Storage;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Bookings, pickups, returns and car states. Every change runs in ONE write transaction holding the rental's lock
 * ({@link #transaction}), and the availability check ({@link cn.taihang.bridge.rental.domain.StockProjection}) reads
 * inside that same transaction: changes are serialised — by SQLite's single writer, and on PostgreSQL by the lock, across
 * every bridge instance — so two requests can never both take the last car.
 */
public final class RentalService {

    /** How early before its window a pickup is still accepted at a desk. */
    static final Duration PICKUP_GRACE = Duration.ofMinutes(30);
    static final Duration MAX_RENTAL = Duration.ofDays(30);
    static final Duration MAX_LEAD = Duration.ofDays(180);

    /** The lock every change of the rental's tables holds. */
    static final String LOCK = "rental";

    private final RentalNetwork network;
    private final Storage storage;
    private final Pool reader;
    private final SecureRandom random = new SecureRandom();
    private final CarHandovers handovers = new CarHandovers();

    /**
     * @param network stations and tariff
     * @param storage the bridge's database
     */
    public RentalService(RentalNetwork network, Storage storage) {
        this.network = network;
        this.storage = storage;
        this.reader = storage.reader();
    }

    /** @return the network */
    public RentalNetwork network() {
        return network;
    }

    /** Creates the fleet the first time. */
    public Future<Void> start(Instant now) {
        return transaction(tx -> RentalStore.seedFleet(tx, network, now));
    }

    /**
     * Runs {@code work} in one write transaction holding the rental's lock.
     *
     * @return what {@code work} answered, once committed; fails (nothing changed) if {@code work} or the commit fails
     */
    <T> Future<T> transaction(Function<SqlConnection, Future<T>> work) {
        return storage.writer().withTransaction(tx -> lock(tx).compose(v -> work.apply(tx)));
    }

    /** Takes the rental's lock in a transaction that is already open (the ingest transaction of locker events). */
    Future<Void> lock(SqlConnection tx) {
        return storage.lock(tx, LOCK);
    }

    /**
     * A booking request.
     *
     * @param customer who books
     * @param pickupStation where
     * @param pickupFrom pickup window start
     * @param pickupUntil pickup window end
     * @param returnStation where the car comes back
     * @param returnFrom return window start
     * @param returnUntil return window end
     */
    public record BookingRequest(String customer, String pickupStation, Instant pickupFrom, Instant pickupUntil, String returnStation, Instant returnFrom,
                                 Instant returnUntil) {}

    /** @throws ServiceException INVALID naming what is wrong with the request */
    OneWayTariff.Quote validate(BookingRequest r, Instant now) {
        if (r.customer() == null || r.customer().isBlank() || r.customer().length() > 128) {
            throw RentalRefusals.invalid("customer must be 1-128 characters");
        }
        Station from = station(r.pickupStation());
        Station to = station(r.returnStation());
        if (r.pickupFrom() == null || r.pickupUntil() == null || r.returnFrom() == null || r.returnUntil() == null) {
            throw RentalRefusals.invalid("pickup and return windows need from and until instants");
        }
        if (!r.pickupFrom().isBefore(r.pickupUntil()) || !r.returnFrom().isBefore(r.returnUntil())) {
            throw RentalRefusals.invalid("a window's from must be before its until");
        }
        if (r.returnFrom().isBefore(r.pickupUntil())) {
            throw RentalRefusals.invalid("the return window must start after the pickup window ends");
        }
        if (r.pickupUntil().isBefore(now)) {
            throw RentalRefusals.invalid("the pickup window has already closed; choose a later one");
        }
        if (Duration.between(r.pickupFrom(), r.returnUntil()).compareTo(MAX_RENTAL) > 0 || Duration.between(now, r.pickupFrom()).compareTo(MAX_LEAD) > 0) {
            throw RentalRefusals.invalid("rentals last at most 30 days and are booked at most 180 days ahead");
        }
        return network.tariff().quote(from, to, r.pickupFrom(), r.returnUntil());
    }

    /** @throws ServiceException INVALID if the station is unknown */
    Station station(String id) {
        return network.station(id).orElseThrow(() -> RentalRefusals.invalid("unknown station '" + id + "'; GET /api/v1/rental/stations lists them"));
    }

    /** @return the quote for a request (no booking) */
    public OneWayTariff.Quote quote(BookingRequest r, Instant now) {
        return validate(r, now);
    }

    /**
     * Books a car if the pickup station can still promise one for the whole future (no double booking); counts the
     * request (taken or refused) for the demand forecast.
     *
     * @return the confirmed reservation; fails with a {@link ServiceException}: INVALID, or CONFLICT {@code no-car-available}
     */
    public Future<Reservation> book(BookingRequest r, Instant now) {
        return book(r, null, now);
    }

    /**
     * As {@link #book(BookingRequest, Instant)}, keeping the hash of the holder's capability with the reservation.
     *
     * @param holderHash the {@code HolderToken} hash, or {@code null} for a reservation only the desk reaches
     */
    public Future<Reservation> book(BookingRequest r, String holderHash, Instant now) {
        OneWayTariff.Quote quote;
        try {
            quote = validate(r, now);
        } catch (ServiceException e) {
            return Future.failedFuture(e);
        }
        LocalDate day = r.pickupFrom().atZone(network.zone()).toLocalDate();
        Instant effectiveFrom = r.pickupFrom().isBefore(now) ? now : r.pickupFrom();
        return transaction(tx -> RentalStore.expireNoShows(tx, now)
                .compose(v -> RentalStore.projection(tx, r.pickupStation(), now))
                .compose(stock -> {
                    if (stock.availableFrom(effectiveFrom) < 1) {
                        return RentalStore.countRequest(tx, r.pickupStation(), day, true).map(v -> Optional.<Reservation>empty());
                    }
                    Reservation res = new Reservation(newId(), r.customer(), r.pickupStation(), r.pickupFrom(), r.pickupUntil(), r.returnStation(),
                            r.returnFrom(), r.returnUntil(), "confirmed", null, quote.totalFen(), quote.oneWayFeeFen(), now);
                    return RentalStore.insert(tx, res)
                            .compose(v -> holderHash == null ? Future.<Void>succeededFuture() : RentalStore.insertHolder(tx, res.id(), holderHash))
                            .compose(v -> RentalStore.countRequest(tx, r.pickupStation(), day, false))
                            .compose(v -> RentalStore.holdDue(tx, now))
                            .compose(v -> RentalStore.reservation(tx, res.id()));
                })).compose(booked -> booked.map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(RentalRefusals.conflict("no-car-available",
                "no car can be promised at " + r.pickupStation() + " from " + r.pickupFrom() + "; try another time or station (GET /api/v1/rental/availability)"))));
    }

    /** @return how many more pickups the station can promise from {@code from} */
    public Future<Integer> available(String station, Instant from, Instant now) {
        station(station);
        return RentalStore.projection(reader, station, now).map(p -> p.availableFrom(from.isBefore(now) ? now : from));
    }

    /** @return the stored hash of the reservation's holder token, or {@code null} if it has none; fails NOT_FOUND for an unknown one */
    public Future<String> holderHash(String id) {
        return reservation(id).compose(r -> RentalStore.holderHash(reader, id));
    }

    /** @return the reservation */
    public Future<Reservation> reservation(String id) {
        return RentalStore.existing(reader, id);
    }

    /** Cancels a confirmed reservation and frees its held car. */
    public Future<Reservation> cancel(String id, Instant now) {
        return transaction(tx -> load(tx, id).compose(r -> {
            if (!r.state().equals("confirmed")) {
                return Future.failedFuture(RentalRefusals.conflict("not-confirmed", "reservation " + id + " is " + r.state() + "; only confirmed ones can be cancelled"));
            }
            Future<Void> release = r.car() == null ? Future.succeededFuture()
                    : RentalStore.setCar(tx, r.car(), r.pickupStation(), CarState.AVAILABLE.id(), null, null, null, now);
            return release.compose(v -> tx.preparedQuery("UPDATE rental_reservations SET state = 'cancelled', car = NULL WHERE id = $1").execute(Tuple.of(id)))
                    .compose(v -> load(tx, id));
        }));
    }

    /** Hands the car over at a desk: the held car, or any available car of the station. */
    public Future<Reservation> pickup(String id, Instant now) {
        return transaction(tx -> RentalStore.expireNoShows(tx, now).compose(x -> load(tx, id)).compose(r -> {
            if (!r.state().equals("confirmed")) {
                return Future.failedFuture(RentalRefusals.conflict("not-confirmed", "reservation " + id + " is " + r.state() + "; it cannot be picked up"));
            }
            if (now.isBefore(r.pickupFrom().minus(PICKUP_GRACE))) {
                return Future.failedFuture(RentalRefusals.conflict("too-early", "the pickup window opens at " + r.pickupFrom() + "; come back then"));
            }
            return handovers.handOver(tx, r, null, now, null);
        }));
    }

    /** Takes the car back at the reservation's return station. */
    public Future<Reservation> giveBack(String id, Instant now) {
        return transaction(tx -> load(tx, id).compose(r -> {
            if (!r.state().equals("active")) {
                return Future.failedFuture(RentalRefusals.conflict("not-active", "reservation " + id + " is " + r.state() + "; only rented cars come back"));
            }
            return handovers.takeBack(tx, r, now, null);
        }));
    }

    /** Sends a car to maintenance (only if no promised pickup needs it) or back into service. */
    public Future<Car> setState(String carId, CarState target, Instant now) {
        if (target != CarState.MAINTENANCE && target != CarState.AVAILABLE) {
            return Future.failedFuture(RentalRefusals.invalid("a car can only be set to maintenance or available; the other states follow bookings"));
        }
        return transaction(tx -> RentalStore.car(tx, carId).compose(found -> {
            Car car = found.orElseThrow(() -> RentalRefusals.notFound("car " + carId));
            String state = car.state();
            String station = car.station();
            if (target == CarState.AVAILABLE) {
                if (!state.equals(CarState.MAINTENANCE.id())) {
                    return Future.failedFuture(RentalRefusals.conflict("wrong-state", "car " + carId + " is " + state + ", not in maintenance"));
                }
                return RentalStore.setCar(tx, carId, station, CarState.AVAILABLE.id(), null, null, null, now).compose(v -> RentalStore.holdDue(tx, now))
                        .compose(v -> RentalStore.car(tx, carId)).map(Optional::orElseThrow);
            }
            if (!state.equals(CarState.AVAILABLE.id())) {
                return Future.failedFuture(RentalRefusals.conflict("wrong-state", "car " + carId + " is " + state + "; only an available car can go to maintenance"));
            }
            return RentalStore.projection(tx, station, now).compose(p -> {
                if (p.availableFrom(now) < 1) {
                    return Future.failedFuture(RentalRefusals.conflict("car-needed", "car " + carId + " is needed for reservations at " + station
                            + "; move another car there first or cancel a booking"));
                }
                return RentalStore.setCar(tx, carId, station, CarState.MAINTENANCE.id(), null, null, null, now)
                        .compose(v -> RentalStore.car(tx, carId)).map(Optional::orElseThrow);
            });
        }));
    }

    /** A rebalanced car has reached its destination. */
    public Future<Car> arrive(String carId, Instant now) {
        return transaction(tx -> RentalStore.car(tx, carId).compose(found -> {
            Car car = found.orElseThrow(() -> RentalRefusals.notFound("car " + carId));
            if (!car.state().equals(CarState.REBALANCING.id())) {
                return Future.failedFuture(RentalRefusals.conflict("wrong-state", "car " + carId + " is " + car.state() + ", not being rebalanced"));
            }
            return RentalStore.setCar(tx, carId, car.destination(), CarState.AVAILABLE.id(), null, null, null, now)
                    .compose(v -> RentalStore.holdDue(tx, now)).compose(v -> RentalStore.car(tx, carId)).map(Optional::orElseThrow);
        }));
    }

    /** @return the cars, optionally of one station or state */
    public Future<List<Car>> cars(String station, String state) {
        if (station != null) {
            station(station);
        }
        if (state != null) {
            carState(state);
        }
        return RentalStore.cars(reader, station, state);
    }

    /** @return what the ticket service must encode for this reservation: its pickup and its return */
    public Future<List<RentalEntitlement>> entitlements(String id) {
        return reservation(id).map(r -> List.of(
                new RentalEntitlement(r.id(), "pickup", r.pickupStation(), station(r.pickupStation()).ticketPlace(), station(r.pickupStation()).lockerSite(),
                        r.car(), r.pickupFrom().minus(PICKUP_GRACE), r.pickupUntil()),
                new RentalEntitlement(r.id(), "return", r.returnStation(), station(r.returnStation()).ticketPlace(), station(r.returnStation()).lockerSite(),
                        r.car(), r.returnFrom(), r.returnUntil())));
    }

    /**
     * @return the car state of that name
     * @throws ServiceException INVALID for an unknown state
     */
    static CarState carState(String id) {
        try {
            return CarState.of(id);
        } catch (IllegalArgumentException e) {
            throw RentalRefusals.invalid(e.getMessage());
        }
    }

    /**
     * A key-locker pass issued for a reservation.
     *
     * @param action {@code pickup} or {@code return}
     * @param station where it opens a slot
     * @param ticketId the pass's ticket id (deny lists key on it)
     * @param qrText what the QR code encodes
     */
    public record IssuedPass(String action, String station, String ticketId, String qrText) {}

    /**
     * Has the ticket service turn the reservation's entitlements into QR passes.
     *
     * @param issuer the ticket service, or {@code null} when none is plugged in
     * @return the pickup and the return pass; fails with CONFLICT for a reservation that is no longer confirmed or
     *     active, UNAVAILABLE without an issuer
     */
    public Future<List<IssuedPass>> passes(String id, RentalPassIssuer issuer) {
        if (issuer == null) {
            return Future.failedFuture(ServiceException.unavailable("rental QR passes come from the ticket service, which this bridge "
                    + "does not run; give the entitlements (GET /api/v1/rental/reservations/" + id + "/entitlements) to the desk instead")
                    .withReason("no-ticket-service"));
        }
        return reservation(id).compose(r -> {
            if (!r.state().equals("confirmed") && !r.state().equals("active")) {
                return Future.failedFuture(RentalRefusals.conflict("not-confirmed", "reservation " + id + " is " + r.state() + "; it gets no passes"));
            }
            return entitlements(id);
        }).compose(list -> {
            List<Future<IssuedPass>> issued = list.stream().map(e -> issuer.issue(e)
                    .map(p -> new IssuedPass(e.action(), e.stationId(), p.ticketId(), p.qrText()))).toList();
            return Future.all(issued).map(all -> all.<IssuedPass>list());
        });
    }

    Future<Reservation> load(SqlConnection tx, String id) {
        return RentalStore.existing(tx, id);
    }

    /** @return how cars are handed over and taken back */
    CarHandovers handovers() {
        return handovers;
    }

    private String newId() {
        byte[] b = new byte[5];
        random.nextBytes(b);
        return "R" + HexFormat.of().formatHex(b).toUpperCase();
    }

    Pool reader() {
        return reader;
    }
}
