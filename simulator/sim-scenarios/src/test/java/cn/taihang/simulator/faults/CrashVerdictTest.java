package cn.taihang.simulator.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the crash scenario counts: journals as ground truth, the bridge's rows, lost, duplicated, unconfirmed. */
@Tag("unit")
class CrashVerdictTest {

    @TempDir
    Path dir;

    @Test
    void aJournalIsReadOnAsItGrowsAndATornLastLineWaitsForItsEnd() throws Exception {
        Path file = dir.resolve("journal.txt");
        Journal journal = new Journal(file);
        assertThat(journal.readMore()).isZero();
        Files.writeString(file, "101 a-1 HIGH\n102 a-2 NORMAL\n103 a-", StandardCharsets.US_ASCII);
        assertThat(journal.readMore()).isEqualTo(2);
        Files.writeString(file, "3 BULK\n", StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
        assertThat(journal.readMore()).isEqualTo(1);
        assertThat(journal.acknowledged()).containsExactlyInAnyOrderEntriesOf(Map.of(101L, "a-1", 102L, "a-2", 103L, "a-3"));
        assertThat(journal.torn()).isZero();
    }

    @Test
    void linesCutByAKillAreCountedAsTornAndASequenceNumberReissuedIsNoticed() throws Exception {
        Path file = dir.resolve("journal.txt");
        Files.writeString(file, "101 a-1 HIGH\n10\n101 b-1 HIGH\nxyz a b\n", StandardCharsets.US_ASCII);
        Journal journal = new Journal(file);
        journal.readMore();
        assertThat(journal.torn()).isEqualTo(2);
        assertThat(journal.reissued()).isEqualTo(1);
        assertThat(journal.acknowledged()).containsExactly(Map.entry(101L, "a-1"));
    }

    @Test
    void everythingAcknowledgedAtTheBridgeOnceIsExactAndUnjournaledRowsAreOnlyUnconfirmed() {
        Map<String, Map<Long, String>> truth = Map.of("gw-a", Map.of(1L, "a-1", 2L, "a-2"), "gw-b", Map.of(7L, "b-7"));
        List<BridgeRecords.Row> rows = List.of(new BridgeRecords.Row("gw-a", 1, "a-1", false), new BridgeRecords.Row("gw-a", 2, "a-2", true),
                new BridgeRecords.Row("gw-b", 7, "b-7", true), new BridgeRecords.Row("gw-b", 8, "b-8", false));

        CrashVerdict v = CrashVerdict.of(truth, rows, 0);
        assertThat(v.exact()).isTrue();
        assertThat(v).extracting(CrashVerdict::lost, CrashVerdict::duplicated, CrashVerdict::delivered, CrashVerdict::unconfirmed,
                CrashVerdict::historical).containsExactly(0L, 0L, 3L, 1L, 2L);
        assertThat(v.resultLine()).isEqualTo("RESULT lost=0 duplicated=0 delivered=3");
    }

    @Test
    void aMissingRecordIsLostAndOneEventUnderTwoKeysIsDuplicated() {
        Map<String, Map<Long, String>> truth = Map.of("gw-a", Map.of(1L, "a-1", 2L, "a-2", 3L, "a-3"));
        List<BridgeRecords.Row> rows = List.of(new BridgeRecords.Row("gw-a", 1, "a-1", false), new BridgeRecords.Row("gw-a", 3, "a-3", false),
                new BridgeRecords.Row("gw-a", 9, "a-3", false));

        CrashVerdict v = CrashVerdict.of(truth, rows, 0);
        assertThat(v.lost()).isEqualTo(1);
        assertThat(v.duplicated()).isEqualTo(1);
        assertThat(v.delivered()).isEqualTo(2);
        assertThat(v.exact()).isFalse();
        assertThat(v.resultLine()).isEqualTo("RESULT lost=1 duplicated=1 delivered=2");
    }

    @Test
    void aKeyHoldingAnotherEventThanAcknowledgedIsLostAndRejectedRowsCountAsLost() {
        Map<String, Map<Long, String>> truth = Map.of("gw-a", Map.of(1L, "a-1"));
        List<BridgeRecords.Row> rows = List.of(new BridgeRecords.Row("gw-a", 1, "old-1", false));

        CrashVerdict v = CrashVerdict.of(truth, rows, 2);
        assertThat(v.lost()).isEqualTo(3);
        assertThat(v.delivered()).isZero();
    }
}
