package cn.taihang.bridge.rental;

import static cn.taihang.bridge.testing.ModuleDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;

import cn.taihang.bridge.module.IngestedRecord;
import cn.taihang.bridge.storage.BridgeStorage;
import cn.taihang.bridge.testing.ArrivalOrders;
import cn.taihang.bridge.testing.EngineSuite;
import cn.taihang.bridge.testing.ModuleDatabase;
import cn.taihang.bridge.testing.TestStorage;
import cn.taihang.wire.records.LockerHandover;
import cn.taihang.wire.records.RecordKinds;
import io.vertx.sqlclient.Row;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key lockers' pickups and returns, reported by the gateways of two stations, reach the same reservations and
 * cars for every arrival order (cut into batches at random), on the bridge's real database: a return that arrives
 * before its pickup (the pickup station was offline) is held and applied when the pickup comes, never refused; a
 * record naming an unknown car or reservation is refused in every order.
 */
@Tag("loopback")
class LockerArrivalOrderTest {

    @Nested class OnSqlite extends Contract { OnSqlite() { super(TestStorage.SQLITE); } }

    @Nested class OnPostgresql extends Contract { OnPostgresql() { super(TestStorage.POSTGRESQL); } }

    abstract class Contract extends EngineSuite {

        Contract(TestStorage storage) { super(storage); }

        static final ZoneId CST = ZoneId.of("Asia/Shanghai");
        static final Instant NOW = LocalDate.of(2026, 9, 30).atTime(9, 0).atZone(CST).toInstant();
        static final String A = "jincheng-hsr-east";
        static final String B = "taiyuan-south";

        @TempDir
        Path dir;
        ModuleDatabase database;
        BridgeStorage db;
        RentalService rental;
        LockerEvents lockers;

        @BeforeEach
        void open() throws Exception {
            database = ModuleDatabase.open(storage, dir, new RentalModule());
            db = database.storage();
            rental = new RentalService(RentalNetwork.load(), db);
            lockers = new LockerEvents(rental);
        }

        @AfterEach
        void close() throws Exception {
            database.close();
        }

        /** The three reservations of a scenario, booked on a fresh fleet; ids differ per run, so states name them R1…R3. */
        record Booked(String r1, String r2, String r3, String car) {}

        @Test
        void aOneWayRentalAndTheNextOneEndTheSameForEveryArrivalOrder() throws Exception {
            List<Function<Booked, IngestedRecord>> happened = List.of(
                    b -> locker("gw-" + A, A, 1, 10, RecordKinds.RENTAL_PICKUP, b.r1(), b.car()),
                    b -> locker("gw-" + A, A, 2, 11, RecordKinds.RENTAL_PICKUP, b.r1(), b.car()),
                    b -> locker("gw-" + B, B, 1, 48 * 60, RecordKinds.RENTAL_RETURN, b.r1(), b.car()),
                    b -> locker("gw-" + B, B, 2, 49 * 60, RecordKinds.RENTAL_PICKUP, b.r2(), b.car()),
                    b -> locker("gw-" + B, B, 3, 50 * 60, RecordKinds.RENTAL_RETURN, b.r3(), "car-999"),
                    b -> locker("gw-" + A, A, 3, 96 * 60, RecordKinds.RENTAL_RETURN, b.r2(), b.car()),
                    b -> locker("gw-" + A, A, 4, 97 * 60, RecordKinds.RENTAL_RETURN, "R-NO-SUCH", null));
            Map<List<String>, Integer> ends = new HashMap<>();
            List<String> first = null;
            int n = 0;
            for (List<Function<Booked, IngestedRecord>> order : ArrivalOrders.of(happened, 40, 16)) {
                Booked booked = bookOnFreshFleet();
                List<IngestedRecord> arrival = order.stream().map(f -> f.apply(booked)).toList();
                for (List<IngestedRecord> batch : ArrivalOrders.batches(arrival, new Random(n++))) {
                    await(db.writer().withTransaction(tx -> lockers.apply(tx, batch)));
                }
                List<String> end = endState(booked);
                first = first == null ? end : first;
                ends.merge(end, 1, Integer::sum);
            }
            assertThat(ends).as("one end state for all 40 arrival orders").containsOnlyKeys(List.of(first));
            assertThat(first).contains("R1 returned car=X picked=10 returned=2880", "R2 returned car=X picked=2940 returned=5760",
                    "R3 confirmed car=car-039 picked=- returned=-", "X available at " + A + " for -",
                    "gw-" + B + "#3 refused: car car-999 is not in the fleet",
                    "gw-" + A + "#4 refused: reservation R-NO-SUCH does not exist; check the id");
        }

        private Booked bookOnFreshFleet() throws Exception {
            await(rental.transaction(tx -> tx.query("DELETE FROM rental_locker_events").execute()
                    .compose(v -> tx.query("DELETE FROM rental_holders").execute())
                    .compose(v -> tx.query("DELETE FROM rental_reservations").execute())
                    .compose(v -> tx.query("DELETE FROM rental_requests").execute())
                    .compose(v -> tx.query("DELETE FROM rental_cars").execute())));
            await(rental.start(NOW));
            Reservation r1 = await(rental.book(new RentalService.BookingRequest("wang", A, NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(1)), B,
                    NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(3))), NOW));
            Reservation r2 = await(rental.book(new RentalService.BookingRequest("li", B, NOW.plus(Duration.ofDays(2)),
                    NOW.plus(Duration.ofDays(2).plusHours(2)), A, NOW.plus(Duration.ofDays(3)), NOW.plus(Duration.ofDays(5))), NOW));
            Reservation r3 = await(rental.book(new RentalService.BookingRequest("zhao", B, NOW.plus(Duration.ofDays(1)),
                    NOW.plus(Duration.ofDays(1).plusHours(2)), B, NOW.plus(Duration.ofDays(4)), NOW.plus(Duration.ofDays(5))), NOW));
            assertThat(r1.car()).as("R1's window is open: a car is held for it").isNotNull();
            return new Booked(r1.id(), r2.id(), r3.id(), r1.car());
        }

        /** Every reservation and car, ids replaced by labels; every locker event's outcome except how a held return came to be applied. */
        private List<String> endState(Booked b) throws Exception {
            Map<String, String> labels = Map.of(b.r1(), "R1", b.r2(), "R2", b.r3(), "R3", b.car(), "X");
            Function<String, String> label = id -> id == null ? "-" : labels.getOrDefault(id, id);
            List<String> end = new ArrayList<>();
            for (Row r : await(db.reader().query("SELECT id, state, car, picked_up_ms, returned_ms FROM rental_reservations").execute())) {
                end.add(label.apply(r.getString(0)) + " " + r.getString(1) + " car=" + label.apply(r.getString(2)) + " picked=" + minutes(r.getLong(3))
                        + " returned=" + minutes(r.getLong(4)));
            }
            for (Row r : await(db.reader().query("SELECT id, state, station, reservation FROM rental_cars").execute())) {
                end.add(label.apply(r.getString(0)) + " " + r.getString(1) + " at " + r.getString(2) + " for " + label.apply(r.getString(3)));
            }
            for (Row r : await(db.reader().query("SELECT gateway, seq, outcome FROM rental_locker_events WHERE outcome LIKE 'refused%'").execute())) {
                end.add(r.getString(0) + "#" + r.getLong(1) + " " + r.getString(2));
            }
            end.sort(null);
            return end;
        }

        private static String minutes(Long millis) {
            return millis == null ? "-" : Long.toString((millis - NOW.toEpochMilli()) / 60_000);
        }

        static IngestedRecord locker(String gateway, String site, long seq, long minutesAfterNow, String kind, String reservation, String car) {
            long t = NOW.plus(Duration.ofMinutes(minutesAfterNow)).toEpochMilli();
            Map<String, Object> values = new HashMap<>(Map.of(LockerHandover.RESERVATION.name(), reservation));
            if (car != null) {
                values.put(LockerHandover.CAR.name(), car);
            }
            return new IngestedRecord(gateway, site, seq, "locker-1", kind, t, t, 0, false, values, Map.of());
        }
    }
}
