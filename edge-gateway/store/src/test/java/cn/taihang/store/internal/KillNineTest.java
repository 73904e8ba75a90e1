package cn.taihang.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.gateway.api.HealthReport;
import cn.taihang.gateway.spi.StoredRecord;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM publishes records and reports each acknowledged sequence number; it is killed with SIGKILL in
 * mid-stream. Every record it reported as durable must be in the file afterwards, and the file must open clean.
 * (This proves the commit-before-acknowledge order against a process crash; surviving a power cut also needs
 * the fsync that {@code synchronous=FULL} does, which no test here can cut.)
 */
@Tag("unit")
class KillNineTest {

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedRecordSurvivesSigkill() throws Exception {
        Path db = dir.resolve("killed.db");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), KillNineChild.class.getName(), db.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith("ACK ")) {
                        acknowledged.add(Long.parseLong(line.substring(4).trim()));
                    }
                }
            } catch (Exception e) {
                // the stream ends when the child dies
            }
        });
        reader.start();
        try {
            await().atMost(60, TimeUnit.SECONDS).until(() -> acknowledged.size() >= 2000 || !child.isAlive());
            assertThat(child.isAlive()).as("child still publishing").isTrue();
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.exitValue()).isEqualTo(137);

        try (SqliteStore store = SqliteStore.open(StoreSettings.defaults(db))) {
            assertThat(store.health().status()).isEqualTo(HealthReport.Status.UP);
            List<StoredRecord> all = store.claim(1_000_000);
            Set<Long> present = new HashSet<>();
            all.forEach(r -> present.add(r.seq()));
            assertThat(present).containsAll(acknowledged);
            assertThat(present.size()).isGreaterThanOrEqualTo(acknowledged.size());
        }
    }
}
