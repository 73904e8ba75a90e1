package cn.taihang.validator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.taihang.gateway.api.ChannelStatus;
import cn.taihang.gateway.api.LedgerException;
import cn.taihang.gateway.api.Measurement;
import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.gateway.api.Priority;
import cn.taihang.gateway.api.TicketCheckResult;
import cn.taihang.gateway.api.AlarmSeverity;
import cn.taihang.testkit.gateway.FakeAlarms;
import cn.taihang.testkit.gateway.FakeOutbox;
import cn.taihang.testkit.time.ManualClock;
import cn.taihang.validator.domain.Issuer;
import cn.taihang.validator.domain.Trust;
import cn.taihang.validator.domain.Verdict;
import cn.taihang.wire.records.RecordKinds;
import cn.taihang.wire.records.TicketRedemption;
import cn.taihang.wire.records.TicketRejection;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class GateComponentTest {

    private final Issuer issuer = new Issuer(3);
    private final FakeBoard board = new FakeBoard();
    private final FakeOutbox outbox = new FakeOutbox();
    private final MemoryLedger ledger = new MemoryLedger();
    private volatile Trust trust = issuer.trust();
    private GateComponent gate;

    private GateComponent start(Map<String, Object> properties) {
        GateSettings settings = GateSettings.from(GateConfigs.of(properties), properties);
        gate = new GateComponent(board, board, outbox, ledger, () -> trust, settings, Clock.fixed(Issuer.NOON, ZoneOffset.UTC));
        return gate;
    }

    @Test
    void aClockSteppedBackFarRefusesScansWithACriticalAlarmUntilItIsRightAgain() {
        ManualClock wall = new ManualClock(Issuer.NOON);
        AtomicLong monotonic = new AtomicLong(42_000_000_000L);
        FakeAlarms alarms = new FakeAlarms();
        Map<String, Object> properties = GateConfigs.scenicGate();
        properties.put("clockJumpSeconds", 600);
        gate = new GateComponent(board, board, outbox, ledger, () -> trust, GateSettings.from(GateConfigs.of(properties), properties), wall,
                monotonic::get);
        gate.setAlarms(alarms);
        assertThat(scanAndAwaitEcho(issuer.ticketText(31))).startsWith("ACCEPTED 31");

        wall.advance(Duration.ofMinutes(-5));
        monotonic.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(scanAndAwaitEcho(issuer.ticketText(32))).as("5 min back: within the threshold").startsWith("ACCEPTED 32");
        wall.advance(Duration.ofHours(-2));
        assertThat(scanAndAwaitEcho(issuer.ticketText(33))).isEqualTo("REJECTED CLOCK_FAULT " + Verdict.CLOCK_FAULT.message());
        assertThat(scanAndAwaitEcho(issuer.ticketText(34))).startsWith("REJECTED CLOCK_FAULT");
        assertThat(alarms.raised()).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo("clock-jump@wml-gate-1");
            assertThat(a.severity()).isEqualTo(AlarmSeverity.CRITICAL);
        });
        assertThat(board.pulsesOn(17)).as("the gate stayed shut").isEqualTo(2);

        wall.advance(Duration.ofHours(2).plusMinutes(5));
        assertThat(scanAndAwaitEcho(issuer.ticketText(35))).startsWith("ACCEPTED 35");
        assertThat(alarms.cleared()).containsExactly("clock-jump@wml-gate-1");
    }

    @AfterEach
    void stop() {
        if (gate != null) {
            gate.deactivate();
        }
    }

    private String scanAndAwaitEcho(String text) {
        int before = board.written.size();
        board.scan("scanner-1", text);
        await().until(() -> board.written.size() > before);
        return board.written.get(before);
    }

    private static Object value(OutboundRecord r, String name) {
        Measurement m = r.measurements().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        return m.text() != null ? m.text() : m.number() != null ? m.number() : m.flag();
    }

    @Test
    void anAcceptedScanIsLedgeredThenOpensTheGateOnceAndIsPublishedAsACriticalRedemption() {
        start(GateConfigs.scenicGate());
        assertThat(scanAndAwaitEcho(issuer.ticketText(21))).isEqualTo("ACCEPTED 21 " + Verdict.ACCEPTED.message());
        assertThat(board.pulses).contains(new FakeBoard.Pulse(17, Duration.ofMillis(1500)));
        assertThat(board.pulsesOn(22)).isEqualTo(1);
        assertThat(board.pulsesOn(23)).isZero();
        assertThat(ledger.writes).isEqualTo(1);
        OutboundRecord r = outbox.ofKind(RecordKinds.TICKET_REDEMPTION).get(0);
        assertThat(r.priority()).isEqualTo(Priority.CRITICAL);
        assertThat(r.device()).isEqualTo("wml-gate-1");
        assertThat(value(r, TicketRedemption.TICKET.name())).isEqualTo("21");
        assertThat(value(r, TicketRedemption.ENTITLEMENT.name())).isEqualTo(1.0);
        assertThat(value(r, TicketRedemption.ENTITLEMENT_KIND.name())).isEqualTo("scenic-entry");
        assertThat(value(r, TicketRedemption.PLACE.name())).isEqualTo(2001.0);
        assertThat(value(r, TicketRedemption.USE.name())).isEqualTo(1.0);
        assertThat(value(r, TicketRedemption.GATE.name())).isEqualTo("scenic_entrance");
    }

    @Test
    void aSecondScanOfTheSameTicketIsRefusedAsReplayedWithoutOpening() {
        start(GateConfigs.scenicGate());
        String text = issuer.ticketText(22);
        scanAndAwaitEcho(text);
        assertThat(scanAndAwaitEcho(text)).startsWith("REJECTED REPLAYED 票已使用 / Ticket already used");
        assertThat(board.pulsesOn(17)).isEqualTo(1);
        assertThat(board.pulsesOn(23)).isEqualTo(1);
        assertThat(outbox.ofKind(RecordKinds.TICKET_REDEMPTION)).hasSize(1);
        OutboundRecord refusal = outbox.ofKind(RecordKinds.TICKET_REJECTION).get(0);
        assertThat(refusal.priority()).isEqualTo(Priority.NORMAL);
        assertThat(value(refusal, TicketRejection.REASON.name())).isEqualTo("REPLAYED");
        assertThat(value(refusal, TicketRejection.TICKET.name())).isEqualTo("22");
        assertThat(gate.stats().count(Verdict.REPLAYED)).isEqualTo(1);
    }

    @Test
    void aFloodOfGarbageNeitherCrashesNorStallsTheGate() {
        start(GateConfigs.scenicGate());
        Random random = new Random(7);
        int lines = 1500;
        for (int i = 0; i < lines; i++) {
            byte[] junk = new byte[random.nextInt(300)];
            random.nextBytes(junk);
            String line = i % 3 == 0 ? "TH1:" + new String(junk, java.nio.charset.StandardCharsets.ISO_8859_1) : new String(junk, java.nio.charset.StandardCharsets.ISO_8859_1);
            board.scan("scanner-1", line.replace('\n', ' '));
        }
        await().until(() -> gate.stats().refused() == lines);
        board.ports.get("scanner-1").onOverflow(5000);
        await().until(() -> gate.stats().refused() == lines + 1);
        assertThat(scanAndAwaitEcho(issuer.ticketText(23))).startsWith("ACCEPTED 23");
        assertThat(board.pulsesOn(17)).isEqualTo(1);
        assertThat(gate.stats().refusals().keySet()).contains(Verdict.NOT_A_TICKET, Verdict.MALFORMED, Verdict.TOO_LARGE)
                .doesNotContain(Verdict.ACCEPTED);
    }

    @Test
    void aFailingLedgerRefusesTicketsAndRecoversWhenItWritesAgain() {
        start(GateConfigs.scenicGate());
        ledger.fail(new LedgerException(LedgerException.Reason.FULL, "disk full"));
        assertThat(scanAndAwaitEcho(issuer.ticketText(24))).startsWith("REJECTED LEDGER_FAULT");
        assertThat(board.pulsesOn(17)).isZero();
        assertThat(channel("ledger").state()).isEqualTo(ChannelStatus.State.FAULT);
        ledger.fail(null);
        assertThat(scanAndAwaitEcho(issuer.ticketText(24))).startsWith("ACCEPTED");
        assertThat(channel("ledger").state()).isEqualTo(ChannelStatus.State.OK);
    }

    @Test
    void aTestScanJudgesWithoutOpeningLedgeringOrPublishing() {
        start(GateConfigs.scenicGate());
        TicketCheckResult result = gate.check(issuer.ticketText(25) + "\n");
        assertThat(result.accepted()).isTrue();
        assertThat(result.reason()).isEqualTo("ACCEPTED");
        assertThat(result.details()).containsEntry("ticket", "25").containsEntry("entitlement", 1).containsKey("entitlements");
        assertThat(gate.check(issuer.ticketText(25)).accepted()).isTrue();
        assertThat(gate.check("garbage").reason()).isEqualTo("NOT_A_TICKET");
        assertThat(board.pulses).isEmpty();
        assertThat(ledger.writes).isZero();
        assertThat(outbox.records()).isEmpty();
    }

    @Test
    void withoutAKeyRingEveryTicketIsRefusedAndTheChannelSaysWhatToDo() {
        trust = Trust.NONE;
        start(GateConfigs.scenicGate());
        assertThat(scanAndAwaitEcho(issuer.ticketText(26))).startsWith("REJECTED NO_KEY_RING");
        assertThat(channel("key-ring").state()).isEqualTo(ChannelStatus.State.FAULT);
        assertThat(channel("key-ring").detail()).contains("connect the gateway to the bridge");
        assertThat(gate.kind()).isEqualTo("ticket-validator");
        assertThat(channel("scans").value()).contains("refused 1").contains("NO_KEY_RING 1");
    }

    @Test
    void badConfigurationsFailActivationWithTheFixAndReleaseWhatWasOpened() {
        Map<String, Object> locker = GateConfigs.scenicGate();
        locker.put("kind", "RENTAL_KEY_LOCKER");
        assertThatThrownBy(() -> start(locker)).hasMessageContaining("rental");
        Map<String, Object> noPlaces = GateConfigs.scenicGate();
        noPlaces.remove("places");
        assertThatThrownBy(() -> start(noPlaces)).hasMessageContaining("places is not set");
        Map<String, Object> samePin = GateConfigs.scenicGate();
        samePin.put("redLedPin", 17);
        assertThatThrownBy(() -> start(samePin)).hasMessageContaining("GPIO 17 is held");
        assertThat(board.outputs).isEmpty();
        assertThat(board.ports).isEmpty();
    }

    private ChannelStatus channel(String name) {
        Map<String, ChannelStatus> channels = gate.channels().stream().collect(Collectors.toMap(ChannelStatus::name, c -> c));
        return channels.get(name);
    }
}
