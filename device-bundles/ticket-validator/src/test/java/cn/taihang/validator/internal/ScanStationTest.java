package cn.taihang.validator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.gateway.api.worker.DeviceWorker;
import cn.taihang.testkit.gateway.FakeOutbox;
import cn.taihang.validator.domain.GateRules;
import cn.taihang.validator.domain.Issuer;
import cn.taihang.validator.domain.Verdict;
import cn.taihang.wire.ticket.GateKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The one BUSY rule of gates and lockers: at most {@link ScanStation#QUEUE} scans wait for the device, lines and overlong lines alike. */
@Tag("unit")
class ScanStationTest {

    private final Issuer issuer = new Issuer(3);
    private final FakeBoard board = new FakeBoard();
    private final DeviceWorker worker = new DeviceWorker("station-test", "test station");
    private final List<String> scanned = new CopyOnWriteArrayList<>();
    private final ScanStation station = new ScanStation(
            new ScanStation.Setup("gate", new GateRules("test-gate", GateKind.SCENIC_ENTRANCE, Set.of(2001), Duration.ZERO, Duration.ZERO), true, true),
            new MemoryLedger(), new FakeOutbox(), issuer::trust, Clock.fixed(Issuer.NOON, ZoneOffset.UTC), worker);

    @AfterEach
    void stop() {
        station.close();
        worker.close();
    }

    @Test
    void scansBeyondTheQueueAreRefusedBusyAndTheRestReachTheDeskInOrderWithoutTheirLineEnd() throws Exception {
        station.open(board, "scanner-1", 9600, (text, at) -> scanned.add(text));
        CountDownLatch release = new CountDownLatch(1);
        worker.execute(() -> await().until(() -> release.getCount() == 0));
        for (int i = 0; i < ScanStation.QUEUE; i++) {
            board.scan("scanner-1", "line-" + i + "\r");
        }
        board.scan("scanner-1", "one too many");
        board.ports.get("scanner-1").onOverflow(5000);
        assertThat(station.stats().count(Verdict.BUSY)).isEqualTo(2);
        release.countDown();
        await().until(() -> scanned.size() == ScanStation.QUEUE);
        assertThat(scanned.get(0)).isEqualTo("line-0");
        assertThat(scanned.get(ScanStation.QUEUE - 1)).isEqualTo("line-" + (ScanStation.QUEUE - 1));
        board.ports.get("scanner-1").onOverflow(5000);
        await().until(() -> station.stats().count(Verdict.TOO_LARGE) == 1);
        assertThat(board.written).containsExactly("REJECTED TOO_LARGE " + Verdict.TOO_LARGE.message());
    }

    @Test
    void aTestScanIsJudgedWithoutItsLineEndsAndOpensNothing() {
        assertThat(station.testScan("\r\n" + issuer.ticketText(31) + "\n").verdict()).isEqualTo(Verdict.ACCEPTED);
        assertThat(station.stats().lastScan()).isNull();
        assertThat(scanned).isEmpty();
    }

    @Test
    void lineTimesAreTheScannersOwn() throws Exception {
        List<Instant> times = new CopyOnWriteArrayList<>();
        station.open(board, "scanner-1", 9600, (text, at) -> times.add(at));
        board.ports.get("scanner-1").onLine("x", 1_746_057_600_123_456L);
        await().until(() -> times.size() == 1);
        assertThat(times.get(0)).isEqualTo(Instant.parse("2025-05-01T00:00:00.123456Z"));
    }
}
