package cn.taihang.store.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.taihang.gateway.api.LedgerEntry;
import cn.taihang.gateway.api.LedgerException;
import cn.taihang.gateway.api.LocalLedger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local ledger on a real SQLite file. */
@Tag("unit")
class SqliteLedgerTest {

    @TempDir
    Path dir;

    private final AtomicLong clock = new AtomicLong(1_746_000_000_000L);

    private SqliteLedger open() throws Exception {
        return SqliteLedger.open(dir.resolve("ledger.db"), clock::get);
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void writesAreVersionedAndSurviveAReopen() throws Exception {
        try (SqliteLedger ledger = open()) {
            assertThat(ledger.get("ticket-trust", "key-ring")).isEmpty();
            assertThat(ledger.put("ticket-trust", "key-ring", text("v1"), null).version()).isEqualTo(1);
            assertThat(ledger.put("ticket-trust", "key-ring", text("v2"), null).version()).isEqualTo(2);
            ledger.put("ticket-trust", "deny-list", text("d"), null);
        }
        try (SqliteLedger ledger = open()) {
            LedgerEntry entry = ledger.get("ticket-trust", "key-ring").orElseThrow();
            assertThat(new String(entry.value(), StandardCharsets.UTF_8)).isEqualTo("v2");
            assertThat(entry.version()).isEqualTo(2);
            assertThat(entry.updatedAt()).isEqualTo(Instant.ofEpochMilli(clock.get()));
            assertThat(ledger.entries("ticket-trust")).extracting(LedgerEntry::key).containsExactly("deny-list", "key-ring");
            assertThat(ledger.remove("ticket-trust", "deny-list")).isTrue();
            assertThat(ledger.remove("ticket-trust", "deny-list")).isFalse();
        }
    }

    @Test
    void compareAndSetWritesOnlyOverTheExpectedVersion() throws Exception {
        try (SqliteLedger ledger = open()) {
            assertThat(ledger.compareAndSet("ns", "k", 0, text("a"), null)).map(LedgerEntry::version).contains(1L);
            assertThat(ledger.compareAndSet("ns", "k", 0, text("b"), null)).isEmpty();
            assertThat(ledger.compareAndSet("ns", "k", 5, text("b"), null)).isEmpty();
            assertThat(ledger.compareAndSet("ns", "k", 1, text("b"), null)).map(LedgerEntry::version).contains(2L);
            assertThat(new String(ledger.get("ns", "k").orElseThrow().value(), StandardCharsets.UTF_8)).isEqualTo("b");
        }
    }

    @Test
    void expiredEntriesAreGoneAndTheirKeysStartAfresh() throws Exception {
        try (SqliteLedger ledger = open()) {
            Instant soon = Instant.ofEpochMilli(clock.get() + 60_000);
            ledger.put("ns", "old", text("x"), soon);
            ledger.put("ns", "keep", text("y"), null);
            clock.addAndGet(60_000);
            assertThat(ledger.get("ns", "old")).isEmpty();
            assertThat(ledger.compareAndSet("ns", "old", 0, text("new"), null)).map(LedgerEntry::version).contains(1L);
            ledger.put("ns", "gone", text("z"), Instant.ofEpochMilli(clock.get() + 1));
            clock.addAndGet(10);
            assertThat(ledger.sweep()).isEqualTo(1);
            assertThat(ledger.entries("ns")).extracting(LedgerEntry::key).containsExactly("keep", "old");
        }
    }

    @Test
    void concurrentCompareAndSetNeverLosesAnIncrement() throws Exception {
        try (SqliteLedger ledger = open()) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> jobs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                jobs.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        increment(ledger);
                    }
                    return null;
                }));
            }
            for (Future<?> job : jobs) {
                job.get();
            }
            pool.shutdown();
            assertThat(ledger.get("ns", "counter").orElseThrow().version()).isEqualTo(100);
            assertThat(new String(ledger.get("ns", "counter").orElseThrow().value(), StandardCharsets.UTF_8)).isEqualTo("100");
        }
    }

    private static void increment(LocalLedger ledger) throws LedgerException {
        while (true) {
            Optional<LedgerEntry> current = ledger.get("ns", "counter");
            long version = current.map(LedgerEntry::version).orElse(0L);
            long value = current.map(e -> Long.parseLong(new String(e.value(), StandardCharsets.UTF_8))).orElse(0L);
            if (ledger.compareAndSet("ns", "counter", version, text(Long.toString(value + 1)), null).isPresent()) {
                return;
            }
        }
    }

    @Test
    void badNamesAndOversizedValuesAreRefusedWithoutWriting() throws Exception {
        try (SqliteLedger ledger = open()) {
            assertThatThrownBy(() -> ledger.put("Bad Space", "k", text("x"), null)).isInstanceOfSatisfying(LedgerException.class,
                    e -> assertThat(e.reason()).isEqualTo(LedgerException.Reason.TOO_LARGE));
            assertThatThrownBy(() -> ledger.put("ns", "", text("x"), null)).isInstanceOf(LedgerException.class);
            assertThatThrownBy(() -> ledger.put("ns", "k", new byte[LocalLedger.MAX_VALUE_BYTES + 1], null)).isInstanceOf(LedgerException.class);
            assertThat(ledger.entries("ns")).isEmpty();
        }
        SqliteLedger closed = open();
        closed.close();
        assertThatThrownBy(() -> closed.get("ns", "k")).isInstanceOfSatisfying(LedgerException.class,
                e -> assertThat(e.reason()).isEqualTo(LedgerException.Reason.UNAVAILABLE));
    }

    @Test
    void aDamagedFileIsKeptAsideAndAFreshLedgerStarts() throws Exception {
        Path file = dir.resolve("ledger.db");
        Files.write(file, "this is not a SQLite database, just garbage of some length".repeat(100).getBytes(StandardCharsets.UTF_8));
        try (SqliteLedger ledger = open()) {
            assertThat(ledger.replacedDamagedFile()).isNotNull().exists();
            assertThat(ledger.put("ns", "k", text("fresh"), null).version()).isEqualTo(1);
        }
    }
}
