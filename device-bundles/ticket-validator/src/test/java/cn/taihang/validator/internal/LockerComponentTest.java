package cn.taihang.validator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.taihang.gateway.api.AlarmSeverity;
import cn.taihang.gateway.api.ChannelStatus;
import cn.taihang.gateway.api.Measurement;
import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.gateway.api.Priority;
import cn.taihang.gateway.api.TicketCheckResult;
import cn.taihang.testkit.config.Configs;
import cn.taihang.testkit.gateway.FakeAlarms;
import cn.taihang.testkit.gateway.FakeOutbox;
import cn.taihang.testkit.time.ManualClock;
import cn.taihang.validator.domain.Issuer;
import cn.taihang.wire.ticket.RentalPass;
import cn.taihang.wire.records.RecordKinds;
import cn.taihang.wire.records.LockerHandover;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A key locker on fake pins with an injected clock: door edges are given their instants, deadlines are applied by moving
 * the clock and ticking; nothing waits for real time.
 */
@Tag("unit")
class LockerComponentTest {

    private static final int STATION = 4001;
    private static final Instant NOW = Issuer.NOON;
    private static final int[] LOCKS = {16, 20, 21};
    private static final int[] DOORS = {5, 6, 19};

    private final Issuer issuer = new Issuer(3);
    private final FakeBoard board = new FakeBoard();
    private final FakeOutbox outbox = new FakeOutbox();
    private final MemoryLedger ledger = new MemoryLedger();
    private final FakeAlarms alarms = new FakeAlarms();
    private final ManualClock clock = new ManualClock(NOW);
    private LockerComponent locker;

    static Map<String, Object> lockerConfig(String... stocked) {
        Map<String, Object> p = new HashMap<>();
        p.put("device", "hsr-locker-1");
        p.put("places", new int[] {STATION});
        p.put("scannerPort", "scanner-1");
        p.put("slotPins", LOCKS);
        p.put("doorPins", DOORS);
        p.put("doorPull", cn.taihang.hardware.api.Pull.DOWN);
        p.put("slotCars", stocked);
        return p;
    }

    private LockerComponent start(Map<String, Object> properties) {
        LockerSettings settings = LockerSettings.from(Configs.of(LockerConfiguration.class, properties), properties);
        locker = new LockerComponent(board, board, outbox, ledger, issuer::trust, alarms, settings, clock);
        locker.tickNow().join();
        return locker;
    }

    @AfterEach
    void stop() {
        if (locker != null) {
            locker.deactivate();
        }
    }

    private String pass(long id, RentalPass.Action action, String reservation, String car) {
        return issuer.rentalPass(id, new RentalPass(action, reservation, car), STATION, NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(2)));
    }

    private String scan(String text) {
        int before = board.written.size();
        board.scan("scanner-1", text);
        await().atMost(5, TimeUnit.SECONDS).until(() -> board.written.size() > before);
        return board.written.get(before);
    }

    private void door(int slot, boolean open, Instant at) {
        board.edge(DOORS[slot - 1], open, at);
    }

    /** Moves the clock and applies what fell due. */
    private void after(Duration d) {
        clock.advance(d);
        locker.tickNow().join();
    }

    private static Object value(OutboundRecord r, String name) {
        return r.measurements().stream().filter(m -> m.name().equals(name)).findFirst()
                .map(m -> m.text() != null ? m.text() : (Object) m.number()).orElse(null);
    }

    @Test
    void aPickupUnlocksTheCarsSlotTheDoorOpeningUsesThePassAndTheCloseCompletesIt() throws Exception {
        start(lockerConfig("car-001", "car-002", "-"));
        assertThat(scan(pass(41, RentalPass.Action.PICKUP, "R00000000A1", "car-002"))).startsWith("ACCEPTED 41 SLOT 2 请打开2号格取走钥匙");
        assertThat(board.level(LOCKS[1])).as("slot 2 unlocked").isTrue();
        assertThat(board.level(LOCKS[0])).isFalse();
        assertThat(ledger.entries(ScanLedger.NAMESPACE)).as("nothing used before the door opens").isEmpty();

        Instant opened = NOW.plusSeconds(4);
        door(2, true, opened);
        await().until(() -> !board.level(LOCKS[1]));
        await().until(() -> outbox.ofKind(RecordKinds.TICKET_REDEMPTION).size() == 1);
        Instant closed = NOW.plusSeconds(11);
        door(2, false, closed);
        after(Duration.ofSeconds(12));

        OutboundRecord pickup = outbox.ofKind(RecordKinds.RENTAL_PICKUP).get(0);
        assertThat(pickup.priority()).isEqualTo(Priority.CRITICAL);
        assertThat(pickup.time()).as("timed at the close").isEqualTo(closed);
        assertThat(value(pickup, LockerHandover.RESERVATION.name())).isEqualTo("R00000000A1");
        assertThat(value(pickup, LockerHandover.CAR.name())).isEqualTo("car-002");
        assertThat(value(pickup, LockerHandover.SLOT.name())).isEqualTo(2.0);
        assertThat(value(pickup, LockerHandover.TICKET.name())).isEqualTo("41");
        assertThat(value(pickup, LockerHandover.PLACE.name())).isEqualTo((double) STATION);
        assertThat(board.written).anyMatch(l -> l.startsWith("DONE SLOT 2"));
        assertThat(scan(pass(41, RentalPass.Action.PICKUP, "R00000000A1", "car-002"))).startsWith("REJECTED REPLAYED");
        assertThat(channel("slot-2").value()).startsWith("empty");
        assertThat(alarms.raised()).isEmpty();
    }

    @Test
    void aSlotWhoseDoorIsNeverOpenedRelocksAndThePassStaysValid() {
        start(lockerConfig("car-001"));
        String text = pass(42, RentalPass.Action.PICKUP, "R00000000A2", null);
        assertThat(scan(text)).startsWith("ACCEPTED 42 SLOT 1");
        after(Duration.ofSeconds(29));
        assertThat(board.level(LOCKS[0])).isTrue();
        after(Duration.ofSeconds(2));
        assertThat(board.level(LOCKS[0])).as("relocked after the 30 s unlock time").isFalse();
        assertThat(board.written).anyMatch(l -> l.startsWith("RELOCKED SLOT 1"));
        assertThat(outbox.records()).isEmpty();
        assertThat(scan(text)).as("not used: it opens again").startsWith("ACCEPTED 42 SLOT 1");
        assertThat(channel("scans").value()).contains("1 unlocked but not opened");
    }

    @Test
    void aDoorLeftOpenRaisesAnAlarmThatClearsWhenItShuts() {
        start(lockerConfig("car-001"));
        scan(pass(43, RentalPass.Action.PICKUP, "R00000000A3", null));
        door(1, true, NOW.plusSeconds(3));
        await().until(() -> outbox.ofKind(RecordKinds.TICKET_REDEMPTION).size() == 1);
        after(Duration.ofSeconds(122));
        assertThat(alarms.raised()).as("open 119 s").isEmpty();
        after(Duration.ofSeconds(1));
        assertThat(alarms.raised()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("locker-door-open");
            assertThat(a.severity()).isEqualTo(AlarmSeverity.WARNING);
            assertThat(a.message()).contains("1 号格门未关").contains("slot 1 left open");
        });
        assertThat(channel("slot-1").state()).isEqualTo(ChannelStatus.State.DEGRADED);
        door(1, false, NOW.plusSeconds(300));
        after(Duration.ofSeconds(300));
        assertThat(alarms.cleared()).containsExactly("locker-door@hsr-locker-1/1");
        assertThat(outbox.ofKind(RecordKinds.RENTAL_PICKUP).get(0).time()).isEqualTo(NOW.plusSeconds(300));
        assertThat(value(outbox.ofKind(RecordKinds.RENTAL_PICKUP).get(0), LockerHandover.CAR.name())).isEqualTo("car-001");
    }

    @Test
    void aDoorOpenedWhileLockedRaisesACriticalAlarmAndIsNotAPickup() {
        start(lockerConfig("car-001"));
        door(1, true, NOW.plusSeconds(1));
        await().until(() -> alarms.raised().size() == 1);
        assertThat(alarms.raised().get(0).kind()).isEqualTo("locker-door-forced");
        assertThat(alarms.raised().get(0).severity()).isEqualTo(AlarmSeverity.CRITICAL);
        assertThat(scan(pass(44, RentalPass.Action.PICKUP, "R00000000A4", null))).as("its only slot is open").startsWith("REJECTED NO_KEY");
        door(1, false, NOW.plusSeconds(5));
        after(Duration.ofSeconds(6));
        assertThat(alarms.cleared()).hasSize(1);
        assertThat(outbox.ofKind(RecordKinds.RENTAL_PICKUP)).isEmpty();
    }

    @Test
    void aReturnFillsAnEmptySlotAndItsKeyIsHandedOutWithTheReservationThatBroughtIt() {
        start(lockerConfig("-", "-"));
        assertThat(scan(pass(45, RentalPass.Action.PICKUP, "R00000000A5", null))).startsWith("REJECTED NO_KEY");
        assertThat(scan(pass(46, RentalPass.Action.RETURN, "R00000000A6", null))).startsWith("ACCEPTED 46 SLOT 1 请打开1号格放回钥匙");
        door(1, true, NOW.plusSeconds(2));
        door(1, false, NOW.plusSeconds(6));
        after(Duration.ofSeconds(7));
        OutboundRecord returned = outbox.ofKind(RecordKinds.RENTAL_RETURN).get(0);
        assertThat(value(returned, LockerHandover.RESERVATION.name())).isEqualTo("R00000000A6");
        assertThat(value(returned, LockerHandover.CAR.name())).isNull();

        assertThat(scan(pass(47, RentalPass.Action.PICKUP, "R00000000A7", null))).startsWith("ACCEPTED 47 SLOT 1");
        door(1, true, NOW.plusSeconds(10));
        door(1, false, NOW.plusSeconds(12));
        after(Duration.ofSeconds(6));
        OutboundRecord pickup = outbox.ofKind(RecordKinds.RENTAL_PICKUP).get(0);
        assertThat(value(pickup, LockerHandover.CAR.name())).isNull();
        assertThat(value(pickup, LockerHandover.KEY_FROM.name())).isEqualTo("R00000000A6");
    }

    @Test
    void refusalsSayWhyAndOpenNothing() {
        start(lockerConfig("car-001", "car-002", "car-003"));
        assertThat(scan(pass(48, RentalPass.Action.RETURN, "R00000000A8", "car-009"))).startsWith("REJECTED LOCKER_FULL");
        String other = issuer.rentalPass(49, new RentalPass(RentalPass.Action.PICKUP, "R00000000A9", null), 4002, NOW, NOW.plus(Duration.ofHours(1)));
        assertThat(scan(other)).as("another station's pass").startsWith("REJECTED WRONG_GATE");
        assertThat(scan(issuer.ticketText(50))).as("a bus ticket").startsWith("REJECTED WRONG_GATE");
        String text = pass(51, RentalPass.Action.PICKUP, "R00000000B1", null);
        assertThat(scan(text)).startsWith("ACCEPTED 51 SLOT 1");
        assertThat(scan(text)).startsWith("REJECTED IN_PROGRESS");
        assertThat(scan("garbage")).startsWith("REJECTED NOT_A_TICKET");
        assertThat(outbox.ofKind(RecordKinds.TICKET_REJECTION)).hasSize(5);
        assertThat(board.level(LOCKS[1]) || board.level(LOCKS[2])).isFalse();
        TicketCheckResult check = locker.check(pass(52, RentalPass.Action.PICKUP, "R00000000B2", "car-003"));
        assertThat(check.accepted()).isTrue();
        assertThat(check.details()).containsEntry("slot", 3).containsEntry("action", "pickup");
        assertThat(board.level(LOCKS[2])).as("a test scan opens nothing").isFalse();
    }

    @Test
    void aDoorOpenWhenTheGatewayStopsIsCompletedAfterTheRestartAndTheStockIsKept() {
        start(lockerConfig("car-001", "car-002"));
        scan(pass(53, RentalPass.Action.PICKUP, "R00000000B3", "car-001"));
        door(1, true, NOW.plusSeconds(2));
        await().until(() -> outbox.ofKind(RecordKinds.TICKET_REDEMPTION).size() == 1);
        locker.deactivate();
        locker = null;
        assertThat(board.level(LOCKS[0])).isFalse();

        clock.advance(Duration.ofSeconds(30));
        start(lockerConfig("car-001", "car-002"));
        assertThat(alarms.raised()).as("the door is the pass's, not forced").isEmpty();
        door(1, false, NOW.plusSeconds(40));
        after(Duration.ofSeconds(11));
        OutboundRecord pickup = outbox.ofKind(RecordKinds.RENTAL_PICKUP).get(0);
        assertThat(value(pickup, LockerHandover.RESERVATION.name())).isEqualTo("R00000000B3");
        assertThat(pickup.time()).isEqualTo(NOW.plusSeconds(40));
        assertThat(scan(pass(53, RentalPass.Action.PICKUP, "R00000000B3", "car-001"))).startsWith("REJECTED REPLAYED");
        assertThat(scan(pass(54, RentalPass.Action.PICKUP, "R00000000B4", "car-001"))).as("car-001 is gone: the other key").startsWith("ACCEPTED 54 SLOT 2");
    }

    @Test
    void raisingTheStockRevisionRestocksFromTheConfiguration() {
        start(lockerConfig("car-001"));
        scan(pass(55, RentalPass.Action.PICKUP, "R00000000B5", null));
        door(1, true, NOW.plusSeconds(1));
        door(1, false, NOW.plusSeconds(2));
        after(Duration.ofSeconds(3));
        locker.deactivate();
        start(lockerConfig("car-001"));
        assertThat(channel("slot-1").value()).as("it remembers the pickup").startsWith("empty");
        locker.deactivate();
        Map<String, Object> restocked = lockerConfig("car-031", "car-032");
        restocked.put("stockRevision", 1);
        start(restocked);
        assertThat(channel("slot-1").value()).startsWith("key car-031");
        assertThat(channel("slot-2").value()).startsWith("key car-032");
    }

    @Test
    void badConfigurationsFailActivationWithTheFixAndReleaseWhatWasOpened() {
        Map<String, Object> uneven = lockerConfig();
        uneven.put("doorPins", new int[] {5});
        assertThatThrownBy(() -> start(uneven)).hasMessageContaining("one lock and one door per slot");
        Map<String, Object> shared = lockerConfig();
        shared.put("doorPins", new int[] {5, 6, 16});
        assertThatThrownBy(() -> start(shared)).hasMessageContaining("its own GPIO");
        Map<String, Object> tooMany = lockerConfig("a", "b", "c", "d");
        assertThatThrownBy(() -> start(tooMany)).hasMessageContaining("slotCars lists 4");
        Map<String, Object> noPorts = lockerConfig();
        noPorts.remove("scannerPort");
        assertThatThrownBy(() -> start(noPorts)).hasMessageContaining("scannerPort is not set");
        board.ports.put("scanner-1", (line, micros) -> { });
        assertThatThrownBy(() -> start(lockerConfig())).hasMessageContaining("scannerPort");
        assertThat(board.outputs).as("every pin released").isEmpty();
    }

    private ChannelStatus channel(String name) {
        return locker.channels().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
