package cn.taihang.validator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.gateway.api.ScanEntry;
import cn.taihang.testkit.gateway.FakeOutbox;
import cn.taihang.validator.domain.Issuer;
import cn.taihang.validator.domain.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The latest scans a gate lists for the console: real scans only, newest first, bounded, with the ticket id and no more. */
@Tag("unit")
class RecentScansTest {

    private final Issuer issuer = new Issuer(3);
    private final FakeBoard board = new FakeBoard();
    private final MemoryLedger ledger = new MemoryLedger();
    private GateComponent gate;

    @AfterEach
    void stop() {
        if (gate != null) {
            gate.deactivate();
        }
    }

    @Test
    void realScansAreListedNewestFirstAndTestScansAreNot() {
        Map<String, Object> properties = GateConfigs.scenicGate();
        gate = new GateComponent(board, board, new FakeOutbox(), ledger, issuer::trust, GateSettings.from(GateConfigs.of(properties), properties),
                Clock.fixed(Issuer.NOON, ZoneOffset.UTC));
        assertThat(gate.check(issuer.ticketText(31)).accepted()).isTrue();
        assertThat(gate.recentScans(10)).as("a test scan is not a scan").isEmpty();
        assertThat(ledger.writes).isZero();

        board.scan("scanner-1", issuer.ticketText(31));
        board.scan("scanner-1", "TH1:NOT*A*TICKET~");
        await().until(() -> gate.recentScans(10).size() == 2);
        List<ScanEntry> scans = gate.recentScans(10);
        assertThat(scans.get(0).accepted()).isFalse();
        assertThat(scans.get(0).reason()).isEqualTo("MALFORMED");
        assertThat(scans.get(0).message()).isEqualTo(Verdict.MALFORMED.message());
        assertThat(scans.get(0).ticket()).isEmpty();
        assertThat(scans.get(1)).satisfies(s -> {
            assertThat(s.accepted()).isTrue();
            assertThat(s.reason()).isEqualTo("ACCEPTED");
            assertThat(s.ticket()).isEqualTo("31");
            assertThat(s.device()).isEqualTo("wml-gate-1");
        });
        assertThat(gate.recentScans(1)).containsExactly(scans.get(0));
    }

    @Test
    void onlyTheLatestAreKept() {
        ScanStats stats = new ScanStats();
        for (int i = 0; i < ScanStats.RECENT + 7; i++) {
            stats.count("g", Verdict.EXPIRED, Integer.toString(i), Instant.EPOCH.plusSeconds(i));
        }
        List<ScanEntry> recent = stats.recent(1000);
        assertThat(recent).hasSize(ScanStats.RECENT);
        assertThat(recent.get(0).ticket()).isEqualTo(Integer.toString(ScanStats.RECENT + 6));
        assertThat(recent.get(recent.size() - 1).ticket()).isEqualTo("7");
        assertThat(stats.count(Verdict.EXPIRED)).isEqualTo(ScanStats.RECENT + 7);
    }
}
