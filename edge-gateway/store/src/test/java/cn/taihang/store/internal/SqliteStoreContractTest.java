package cn.taihang.store.internal;

import cn.taihang.gateway.api.Priority;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/** The store contract over {@link SqliteStore}, on real SQLite files. */
@Tag("unit")
class SqliteStoreContractTest extends RecordStoreContract {

    @TempDir
    Path dir;
    private int count;

    @Override
    protected Subject create(Limits limits) throws Exception {
        StoreSettings settings = StoreSettings.defaults(dir.resolve("store-" + (count++) + ".db"))
                .withQuota(limits.quotaBytes(), 0)
                .withTtl(Priority.CRITICAL, Duration.ZERO)
                .withTtl(Priority.HIGH, limits.ttlHigh())
                .withTtl(Priority.NORMAL, limits.ttlHigh())
                .withTtl(Priority.BULK, limits.ttlBulk());
        return asSubject(SqliteStore.open(settings, clock));
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
