package cn.taihang.store.internal;

import cn.taihang.gateway.api.Priority;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/** The store contract over {@link SqliteStore}, on real SQLite files. */
@Tag("unit")
class SqliteStoreContractTest extends DurableStoreContract {

    @TempDir
    Path dir;
    private int count;
    private final Map<Subject, Path> files = new IdentityHashMap<>();

    @Override
    protected Subject create(Limits limits) throws Exception {
        return openFile(dir.resolve("store-" + (count++) + ".db"), limits);
    }

    @Override
    protected Subject restart(Subject store, Limits limits) throws Exception {
        store.close();
        return track(openFile(files.get(store), limits));
    }

    @Override
    protected Subject damageAndRestart(Subject store, Limits limits) throws Exception {
        store.close();
        Path file = files.get(store);
        byte[] garbage = new byte[(int) Math.max(4096, Files.size(file))];
        new Random(5).nextBytes(garbage);
        Files.write(file, garbage);
        return track(openFile(file, limits));
    }

    private Subject openFile(Path file, Limits limits) throws Exception {
        StoreSettings settings = StoreSettings.defaults(file)
                .withQuota(limits.quotaBytes(), 0)
                .withTtl(Priority.CRITICAL, Duration.ZERO)
                .withTtl(Priority.HIGH, limits.ttlHigh())
                .withTtl(Priority.NORMAL, limits.ttlHigh())
                .withTtl(Priority.BULK, limits.ttlBulk());
        Subject subject = asSubject(SqliteStore.open(settings, clock));
        files.put(subject, file);
        return subject;
    }

    static Subject asSubject(SqliteStore store) {
        return (Subject) Proxy.newProxyInstance(Subject.class.getClassLoader(), new Class<?>[] {Subject.class}, (proxy, method, args) -> {
            try {
                return SqliteStore.class.getMethod(method.getName(), method.getParameterTypes()).invoke(store, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}
