package cn.taihang.bridge.rental;

import org.junit.jupiter.api.Nested;
import cn.taihang.bridge.testing.EngineSuite;
import cn.taihang.bridge.testing.TestStorage;
import cn.taihang.bridge.rental.port.RentalEntitlement;
import cn.taihang.bridge.rental.port.RentalPassIssuer;
import static org.assertj.core.api.Assertions.assertThat;

import cn.taihang.bridge.forecast.HolidayCalendar;
import cn.taihang.bridge.forecast.SeasonalForecaster;
import cn.taihang.bridge.rental.domain.CarState;
import cn.taihang.bridge.rental.domain.RebalancingPlan;
import cn.taihang.bridge.storage.BridgeStorage;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import cn.taihang.bridge.module.ServiceException;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rental service on the bridge's real database (SQLite and PostgreSQL), with time under the test's control. */
@Tag("loopback")
class RentalServiceTest {

    @Nested class OnSqlite extends Contract { OnSqlite() { super(TestStorage.SQLITE); } }

    @Nested class OnPostgresql extends Contract { OnPostgresql() { super(TestStorage.POSTGRESQL); } }

    abstract class Contract extends EngineSuite {

        Contract(TestStorage storage) { super(storage); }

        static final ZoneId CST = ZoneId.of("Asia/Shanghai");
        static final Instant NOW = LocalDate.of(2026, 9, 30).atTime(20, 0).atZone(CST).toInstant();

        @TempDir
        Path dir;
        Vertx vertx;
        BridgeStorage db;
        RentalService rental;

        @BeforeEach
        void open() throws Exception {
            vertx = Vertx.vertx();
            RentalModule module = new RentalModule();
            db = await(storage.open(vertx, dir, List.of(new BridgeStorage.ModuleSchema(module.name(), module.migrations()))));
            rental = new RentalService(RentalNetwork.load(), db);
            await(rental.start(NOW));
        }

        @AfterEach
        void close() throws Exception {
            await(db.close());
            await(vertx.close());
        }

        static <T> T await(Future<T> f) throws Exception {
            return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }

        static Instant at(int day, int hour) {
            return LocalDate.of(2026, 10, day).atTime(hour, 0).atZone(CST).toInstant();
        }

        static RentalService.BookingRequest request(String who, String from, int day, int hour, String to, int returnDay) {
            return new RentalService.BookingRequest(who, from, at(day, hour), at(day, hour + 2), to, at(returnDay, 9), at(returnDay, 18));
        }

        static ServiceException refusal(Future<?> f) throws Exception {
            try {
                await(f);
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(ServiceException.class);
                return (ServiceException) e.getCause();
            }
            throw new AssertionError("expected a refusal");
        }

        @Test
        void theFleetIsCreatedOnceWithEveryCarAvailable() throws Exception {
            assertThat(await(rental.cars("jincheng-hsr-east", null))).hasSize(20).allSatisfy(c -> assertThat(c.state()).isEqualTo("available"));
            await(rental.start(NOW));
            assertThat(await(rental.cars(null, null))).hasSize(86);
        }

        /** 60 requests at once for the 8 cars of Gaoping HSR East: exactly 8 are confirmed, whatever the interleaving. */
        @Test
        void concurrentBookingsNeverPromiseMoreCarsThanTheStationWillHave() throws Exception {
            List<CompletableFuture<Reservation>> attempts = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                int k = i;
                CompletableFuture<Reservation> f = new CompletableFuture<>();
                vertx.runOnContext(v -> rental.book(request("c" + k, "gaoping-hsr-east", 1 + k % 3, 9, "taiyuan-south", 5), NOW)
                        .onComplete(ar -> {
                            if (ar.succeeded()) {
                                f.complete(ar.result());
                            } else {
                                f.completeExceptionally(ar.cause());
                            }
                        }));
                attempts.add(f);
            }
            int confirmed = 0;
            int refused = 0;
            for (CompletableFuture<Reservation> f : attempts) {
                try {
                    f.get(30, TimeUnit.SECONDS);
                    confirmed++;
                } catch (ExecutionException e) {
                    assertThat(((ServiceException) e.getCause()).reason()).isEqualTo("no-car-available");
                    refused++;
                }
            }
            assertThat(confirmed).isEqualTo(8);
            assertThat(refused).isEqualTo(52);
            assertThat(await(rental.available("gaoping-hsr-east", at(1, 0), NOW))).isZero();
            assertThat(await(RentalStore.projection(db.reader(), "gaoping-hsr-east", NOW)).consistent()).isTrue();
            long requests = await(db.reader().query("SELECT sum(requests), sum(refused) FROM rental_requests").execute()).iterator().next().getLong(0);
            assertThat(requests).isEqualTo(60);
        }

        @Test
        void aReturnDueAtTheStationAllowsOneMorePickupAfterItsWindowOnly() throws Exception {
            for (int i = 0; i < 8; i++) {
                await(rental.book(request("a" + i, "gaoping-hsr-east", 1, 9, "linfen-west", 3), NOW));
            }
            await(rental.book(request("b", "linfen-west", 1, 9, "gaoping-hsr-east", 2), NOW));
            assertThat(refusal(rental.book(request("early", "gaoping-hsr-east", 2, 10, "taiyuan-south", 4), NOW)).reason()).isEqualTo("no-car-available");
            assertThat(await(rental.book(request("late", "gaoping-hsr-east", 2, 19, "taiyuan-south", 4), NOW)).state()).isEqualTo("confirmed");
            assertThat(refusal(rental.book(request("later", "gaoping-hsr-east", 3, 9, "taiyuan-south", 4), NOW)).reason()).isEqualTo("no-car-available");
        }

        @Test
        void aOneWayRentalGoesFromBookingToPickupToReturnInAnotherCity() throws Exception {
            Reservation r = await(rental.book(request("zhang", "jincheng-hsr-east", 1, 9, "taiyuan-south", 3), NOW));
            assertThat(r.oneWayFeeFen()).isEqualTo(30000);
            assertThat(r.feeFen()).isEqualTo(3 * 23800 + 30000);
            assertThat(r.car()).isNull();
            assertThat(refusal(rental.pickup(r.id(), at(1, 7))).reason()).isEqualTo("too-early");
            Reservation active = await(rental.pickup(r.id(), at(1, 9)));
            assertThat(active.state()).isEqualTo("active");
            Car car = await(RentalStore.car(db.reader(), active.car())).orElseThrow();
            assertThat(car.state()).isEqualTo("rented");
            assertThat(car.station()).isNull();
            Reservation back = await(rental.giveBack(r.id(), at(3, 10)));
            assertThat(back.state()).isEqualTo("returned");
            assertThat(await(RentalStore.car(db.reader(), active.car())).orElseThrow().station()).isEqualTo("taiyuan-south");
            assertThat(await(rental.cars("taiyuan-south", "available"))).hasSize(13);
            assertThat(refusal(rental.giveBack(r.id(), at(3, 11))).reason()).isEqualTo("not-active");
        }

        @Test
        void aCarIsHeldWhenThePickupWindowOpensAndANoShowReleasesIt() throws Exception {
            Reservation r = await(rental.book(request("li", "changzhi-east", 1, 9, "changzhi-east", 2), NOW));
            await(db.writer().withTransaction(tx -> RentalStore.holdDue(tx, at(1, 9))));
            Reservation held = await(rental.reservation(r.id()));
            assertThat(held.car()).isNotNull();
            assertThat(await(RentalStore.car(db.reader(), held.car())).orElseThrow().state()).isEqualTo("reserved");
            await(db.writer().withTransaction(tx -> RentalStore.expireNoShows(tx, at(1, 12))));
            assertThat(await(rental.reservation(r.id())).state()).isEqualTo("expired");
            assertThat(await(RentalStore.car(db.reader(), held.car())).orElseThrow().state()).isEqualTo("available");
            assertThat(refusal(rental.pickup(r.id(), at(1, 12))).reason()).isEqualTo("not-confirmed");
        }

        @Test
        void cancellingFreesTheCarForSomeoneElse() throws Exception {
            List<Reservation> all = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                all.add(await(rental.book(request("y" + i, "yuncheng-north", 1, 9, "yuncheng-north", 2), NOW)));
            }
            assertThat(refusal(rental.book(request("z", "yuncheng-north", 1, 10, "linfen-west", 2), NOW)).reason()).isEqualTo("no-car-available");
            assertThat(await(rental.cancel(all.get(0).id(), NOW)).state()).isEqualTo("cancelled");
            assertThat(await(rental.book(request("z", "yuncheng-north", 1, 10, "linfen-west", 2), NOW)).state()).isEqualTo("confirmed");
            assertThat(refusal(rental.cancel(all.get(0).id(), NOW)).reason()).isEqualTo("not-confirmed");
        }

        @Test
        void aCarAPromisedPickupNeedsCannotGoToMaintenance() throws Exception {
            for (int i = 0; i < 7; i++) {
                await(rental.book(request("m" + i, "linfen-west", 1, 9, "linfen-west", 2), NOW));
            }
            Car spare = await(rental.setState("car-079", CarState.MAINTENANCE, NOW));
            assertThat(spare.state()).isEqualTo("maintenance");
            assertThat(refusal(rental.setState("car-080", CarState.MAINTENANCE, NOW)).reason()).isEqualTo("car-needed");
            assertThat(await(rental.setState("car-079", CarState.AVAILABLE, NOW)).state()).isEqualTo("available");
            assertThat(refusal(rental.setState("car-079", CarState.RENTED, NOW)).kind()).isEqualTo(ServiceException.Kind.INVALID);
        }

        @Test
        void theTicketServiceTurnsTheEntitlementsIntoOnePassEach() throws Exception {
            Reservation r = await(rental.book(request("qr", "jincheng-hsr-east", 1, 9, "zhengzhou-east", 2), NOW));
            List<RentalEntitlement> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            RentalPassIssuer fake = e -> {
                seen.add(e);
                return Future.succeededFuture(new RentalPassIssuer.Pass("T-" + e.action(), "QR:" + e.reservationId() + ":" + e.stationId()));
            };
            List<RentalService.IssuedPass> passes = await(rental.passes(r.id(), fake));
            assertThat(passes).hasSize(2);
            assertThat(passes.get(1).qrText()).isEqualTo("QR:" + r.id() + ":zhengzhou-east");
            assertThat(seen).extracting(RentalEntitlement::action).containsExactly("pickup", "return");
            assertThat(seen.get(0).lockerSite()).isEqualTo("jincheng-hsr-east");
            assertThat(seen.get(0).validUntil()).isEqualTo(at(1, 11));
            ServiceException unavailable = refusal(rental.passes(r.id(), null));
            assertThat(unavailable.kind()).isEqualTo(ServiceException.Kind.UNAVAILABLE);
            assertThat(unavailable.isTemporary()).isTrue();
            await(rental.cancel(r.id(), NOW));
            assertThat(refusal(rental.passes(r.id(), fake)).reason()).isEqualTo("not-confirmed");
        }

        @Test
        void badRequestsAreRefusedBeforeAnythingIsStored() throws Exception {
            assertThat(refusal(rental.book(request("x", "beijing-south", 1, 9, "taiyuan-south", 3), NOW)).getMessage()).contains("unknown station");
            assertThat(refusal(rental.book(request("x", "jincheng-hsr-east", 1, 9, "taiyuan-south", 1), NOW)).getMessage()).contains("return window");
            assertThat(refusal(rental.book(request("", "jincheng-hsr-east", 1, 9, "taiyuan-south", 3), NOW)).getMessage()).contains("customer");
            assertThat(refusal(rental.book(new RentalService.BookingRequest("x", "jincheng-hsr-east", at(1, 9), at(1, 8), "taiyuan-south", at(3, 9),
                    at(3, 10)), NOW)).getMessage()).contains("before its until");
            assertThat(refusal(rental.book(request("x", "jincheng-hsr-east", 1, 9, "taiyuan-south", 3), at(2, 0))).getMessage()).contains("closed");
            assertThat(refusal(rental.book(new RentalService.BookingRequest("x", "jincheng-hsr-east", at(1, 9), at(1, 10), "taiyuan-south",
                    at(1, 11).plus(Duration.ofDays(40)), at(1, 12).plus(Duration.ofDays(40))), NOW)).getMessage()).contains("30 days");
            assertThat(await(db.reader().query("SELECT count(*) FROM rental_reservations").execute()).iterator().next().getLong(0)).isZero();
        }

        /** Three of Gaoping's cars are moved away after 8 pickups there were promised: the plan brings 3 back from the nearest spare lot. */
        @Test
        void theOvernightPlanMovesSpareCarsToWhereTheyAreNeeded() throws Exception {
            for (int i = 0; i < 11; i++) {
                await(rental.book(request("g" + i, "gaoping-hsr-east", 2, 9, "gaoping-hsr-east", 3), NOW).recover(e -> Future.succeededFuture()));
            }
            RentalRebalancing rebalancing = new RentalRebalancing(rental, new SeasonalForecaster(HolidayCalendar.chinaMainland()));
            RentalRebalancing.Answer plan = await(rebalancing.plan(LocalDate.of(2026, 10, 2), NOW, false));
            assertThat(plan.plan().carsMoved()).isZero();
            await(db.writer().withTransaction(tx -> tx.preparedQuery("UPDATE rental_cars SET station = 'jincheng-east-bus' WHERE station = 'gaoping-hsr-east' "
                    + "AND id IN ('car-031', 'car-032', 'car-033')").execute(Tuple.tuple())));
            RentalRebalancing.Answer committed = await(rebalancing.plan(LocalDate.of(2026, 10, 2), NOW, true));
            RebalancingPlan best = committed.plan();
            assertThat(best.carsMoved()).isEqualTo(3);
            assertThat(best.moves()).hasSize(1);
            assertThat(best.moves().get(0).from()).as("the nearest station with spare cars").isEqualTo("jincheng-hsr-east");
            assertThat(best.moveCostFen()).isLessThanOrEqualTo(committed.greedy().moveCostFen());
            assertThat(committed.carsSent()).hasSize(3);
            List<Car> moving = await(rental.cars(null, "rebalancing"));
            assertThat(moving).hasSize(3).allSatisfy(c -> assertThat(c.destination()).isEqualTo("gaoping-hsr-east"));
            assertThat(await(rental.arrive(moving.get(0).id(), at(2, 7))).station()).isEqualTo("gaoping-hsr-east");
        }
    }
}
