package cn.taihang.store.internal;

import cn.taihang.gateway.api.Priority;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Run in a child JVM by {@link KillNineTest}: publishes records as fast as the store takes them and prints
 * {@code ACK <seq>} for each one the store reported durable, until it is killed (or a minute passes).
 */
public final class KillNineChild {

    private KillNineChild() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        SqliteStore store = SqliteStore.open(StoreSettings.defaults(Path.of(args[0])));
        Semaphore window = new Semaphore(256);
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        for (int i = 0; System.nanoTime() < end; i++) {
            window.acquire();
            store.publish(TestRecords.record(Priority.values()[i % 4], i % 1000)).whenComplete((seq, error) -> {
                if (error == null) {
                    synchronized (out) {
                        out.println("ACK " + seq);
                        out.flush();
                    }
                }
                window.release();
            });
        }
        store.close();
    }
}
