package cn.taihang.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class LogTailTest {

    @TempDir
    Path dir;

    private static final String LOG = """
            2025-05-01 08:00:00,001 INFO  [main] c.t.launcher.GatewayMain - gateway gw-1 ready in 900 ms
            2025-05-01 08:00:01,002 WARN  [uplink] c.t.cloudlink.Uplink - Uplink to ssl://mqtt lost; records are kept
            2025-05-01 08:00:02,003 ERROR [counter-l1] c.t.counter.Lane - vehicle counter lane l1: internal error
            java.lang.IllegalStateException: boom
            \tat cn.taihang.counter.Lane.tick(Lane.java:10)
            2025-05-01 08:00:03,004 DEBUG [store] c.t.store.Writer - committed 12 records
            2025-05-01 08:00:04,005 INFO  [console] c.t.console.Console - maintenance console on https://0.0.0.0:8443/
            """;

    @Test
    void entriesKeepTheirStackTracesAndFilterByLevelAndText() throws Exception {
        Path file = Files.writeString(dir.resolve("gateway.log"), LOG);
        LogTail.Tail warnings = new LogTail(1 << 20).read(file, LogTail.Level.WARN, "", 100);
        assertThat(warnings.exists()).isTrue();
        assertThat(warnings.lines()).extracting(LogTail.Line::level).containsExactly(LogTail.Level.WARN, LogTail.Level.ERROR);
        assertThat(warnings.lines().get(1).text()).contains("boom").contains("Lane.java:10");
        assertThat(new LogTail(1 << 20).read(file, LogTail.Level.TRACE, "", 100).lines()).hasSize(5);
        assertThat(new LogTail(1 << 20).read(file, LogTail.Level.INFO, "CONSOLE", 100).lines()).singleElement()
                .satisfies(l -> assertThat(l.text()).contains("8443"));
        assertThat(new LogTail(1 << 20).read(file, LogTail.Level.TRACE, "", 2).lines()).as("the newest two")
                .extracting(LogTail.Line::level).containsExactly(LogTail.Level.DEBUG, LogTail.Level.INFO);
    }

    @Test
    void aMissingFileIsNotAnError() throws Exception {
        LogTail.Tail tail = new LogTail(1 << 20).read(dir.resolve("nowhere.log"), LogTail.Level.INFO, "", 10);
        assertThat(tail.exists()).isFalse();
        assertThat(tail.lines()).isEmpty();
    }

    @Test
    void aHugeFileIsReadOnlyAtItsEnd() throws Exception {
        Path file = dir.resolve("gateway.log");
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < 200_000; i++) {
                out.write(("2025-05-01 08:00:00,000 INFO  [main] line " + i + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        LogTail.Tail tail = new LogTail(64 * 1024).read(file, LogTail.Level.INFO, "", 3);
        assertThat(tail.truncated()).isTrue();
        assertThat(tail.lines()).extracting(LogTail.Line::text).last().asString().endsWith("line 199999");
        assertThat(tail.lines()).hasSize(3);
    }

    @Test
    void brokenBytesAndOverlongLinesDoNotBreakTheTail() throws Exception {
        Path file = dir.resolve("gateway.log");
        byte[] junk = {(byte) 0xff, (byte) 0xfe, 'x', (byte) 0xc3};
        Files.write(file, junk);
        Files.writeString(file, "\n2025-05-01 08:00:00,000 WARN  [x] " + "y".repeat(100_000) + "\n2025-05-01 08:00:01,000 ERROR [x] 断电 / power lost\n",
                java.nio.file.StandardOpenOption.APPEND);
        LogTail.Tail tail = new LogTail(1 << 20).read(file, LogTail.Level.TRACE, "", 10);
        assertThat(tail.lines()).hasSize(3);
        assertThat(tail.lines().get(0).text()).contains("\uFFFD");
        assertThat(tail.lines().get(1).text().length()).isLessThanOrEqualTo(LogTail.MAX_LINE_CHARS + 2);
        assertThat(tail.lines().get(2).text()).contains("断电");
    }
}
