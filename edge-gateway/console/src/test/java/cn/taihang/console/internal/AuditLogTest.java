package cn.taihang.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class AuditLogTest {

    @TempDir
    Path dir;

    @Test
    void entriesComeBackNewestFirstWithEveryField() throws Exception {
        AuditLog log = new AuditLog(dir.resolve("audit.log"), 1 << 20);
        Instant t = Instant.parse("2025-05-01T08:00:00Z");
        log.record(new AuditLog.Entry(t, "tech", "192.168.4.20", "config.changed", "cn.taihang.counter.lane~l1", "intervalSeconds: 60 → 30"));
        log.record(new AuditLog.Entry(t.plusSeconds(1), "admin", "192.168.4.21", "account.created", "tech", "role technician"));
        List<AuditLog.Entry> entries = new AuditLog(dir.resolve("audit.log"), 1 << 20).newest(e -> true, 10);
        assertThat(entries).extracting(AuditLog.Entry::action).containsExactly("account.created", "config.changed");
        assertThat(entries.get(1)).isEqualTo(new AuditLog.Entry(t, "tech", "192.168.4.20", "config.changed", "cn.taihang.counter.lane~l1",
                "intervalSeconds: 60 → 30"));
        assertThat(log.newest(e -> e.user().equals("tech"), 10)).hasSize(1);
        assertThat(log.newest(e -> true, 1)).hasSize(1);
    }

    @Test
    void textThatLooksLikeJsonOrLinesCannotForgeEntries() throws Exception {
        AuditLog log = new AuditLog(dir.resolve("audit.log"), 1 << 20);
        String evil = "x\"}\n{\"time\":\"2025-01-01T00:00:00Z\",\"user\":\"admin\",\"address\":\"-\",\"action\":\"forged\"";
        log.record(new AuditLog.Entry(Instant.now(), "tech", "10.0.0.1", "login.failed", evil, evil));
        List<AuditLog.Entry> entries = log.newest(e -> true, 10);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).target()).isEqualTo(evil);
        assertThat(Files.readAllLines(dir.resolve("audit.log"))).hasSize(1);
    }

    @Test
    void malformedTruncatedAndOversizedLinesAreSkippedAndCounted() throws Exception {
        Path file = dir.resolve("audit.log");
        AuditLog log = new AuditLog(file, 1 << 20);
        log.record(new AuditLog.Entry(Instant.now(), "tech", "10.0.0.1", "relay.pulsed", "GPIO 18", "500 ms"));
        Files.writeString(file, "not json\n{\"time\":\"2025-01-01T00:00:00Z\",\"user\":\"a\"\n{\"time\":\"yesterday\",\"user\":\"a\",\"address\":\"b\",\"action\":\"c\"}\n"
                + "{\"time\":\"2025-01-01T00:00:00Z\",\"user\":1,\"address\":\"b\",\"action\":\"c\"}\n[]\n{\"user\":\"" + "x".repeat(70_000) + "\"}\n\u0000\u0001\n",
                StandardOpenOption.APPEND);
        assertThat(log.newest(e -> true, 10)).extracting(AuditLog.Entry::action).containsExactly("relay.pulsed");
        assertThat(log.malformedLines()).isEqualTo(7);
    }

    @Test
    void aFullFileRollsOverAndBothAreRead() throws Exception {
        AuditLog log = new AuditLog(dir.resolve("audit.log"), 300);
        for (int i = 0; i < 10; i++) {
            log.record(new AuditLog.Entry(Instant.now(), "tech", "10.0.0.1", "relay.pulsed", "GPIO " + i, ""));
        }
        assertThat(Files.exists(dir.resolve("audit.log.1"))).isTrue();
        assertThat(Files.size(dir.resolve("audit.log"))).isLessThan(600);
        List<AuditLog.Entry> entries = log.newest(e -> true, 100);
        assertThat(entries.get(0).target()).isEqualTo("GPIO 9");
        assertThat(entries.size()).isBetween(3, 10);
    }
}
