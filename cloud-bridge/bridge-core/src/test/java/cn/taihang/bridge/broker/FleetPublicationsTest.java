package cn.taihang.bridge.broker;

import static org.assertj.core.api.Assertions.assertThat;

import cn.taihang.bridge.storage.BridgeStorage;
import cn.taihang.bridge.testing.EngineSuite;
import cn.taihang.bridge.testing.ModuleDatabase;
import cn.taihang.bridge.testing.TestStorage;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retained fleet commands published once per version and never regressing, on a real database. */
@Tag("loopback")
class FleetPublicationsTest {

    @Nested class OnSqlite extends Contract { OnSqlite() { super(TestStorage.SQLITE); } }

    @Nested class OnPostgresql extends Contract { OnPostgresql() { super(TestStorage.POSTGRESQL); } }

    abstract static class Contract extends EngineSuite {

        Contract(TestStorage storage) { super(storage); }

        @TempDir
        Path dir;
        private final List<Vertx> vertxes = new ArrayList<>();
        private final List<BridgeStorage> storages = new ArrayList<>();
        private final List<Long> published = new CopyOnWriteArrayList<>();
        private final AtomicLong ids = new AtomicLong();

        @AfterEach
        void close() throws Exception {
            for (BridgeStorage s : storages) {
                ModuleDatabase.await(s.close());
            }
            for (Vertx v : vertxes) {
                ModuleDatabase.await(v.close());
            }
        }

        /** An instance: its own Vert.x and pool on the test's database. */
        private FleetPublications instance(boolean lone) throws Exception {
            Vertx vertx = Vertx.vertx();
            vertxes.add(vertx);
            BridgeStorage db = ModuleDatabase.await(storage.open(vertx, dir, List.of()));
            storages.add(db);
            return new FleetPublications(db, lone);
        }

        private Future<Long> publish(FleetPublications instance, long version) {
            return instance.publishIfNewer("ticket-deny-list", version, 0, () -> {
                published.add(version);
                return Future.succeededFuture(ids.incrementAndGet());
            });
        }

        @Test
        void aLoneBridgePublishesTheSameVersionAgainButNeverAnOlderOne() throws Exception {
            FleetPublications lone = instance(true);
            assertThat(ModuleDatabase.await(publish(lone, 3))).isPositive();
            assertThat(ModuleDatabase.await(publish(lone, 3))).as("its broker may have lost the retained message").isPositive();
            assertThat(ModuleDatabase.await(publish(lone, 2))).isZero();
            assertThat(published).containsExactly(3L, 3L);
        }

        @Test
        void ofSeveralInstancesOnlyOnePublishesAVersionAndTheRetainedOneNeverGoesBack() throws Exception {
            FleetPublications a = instance(false);
            FleetPublications b = storage == TestStorage.POSTGRESQL ? instance(false) : a;
            List<Future<Long>> calls = new ArrayList<>();
            for (long v = 1; v <= 20; v++) {
                calls.add(publish(a, v));
                calls.add(publish(b, v));
                calls.add(publish(b, v - 1));
            }
            ModuleDatabase.await(Future.join(calls));
            assertThat(published).as("each version at most once, in increasing order").isSorted().doesNotHaveDuplicates().contains(20L);
            assertThat(ModuleDatabase.await(publish(b, 20))).as("the newest, published by either, is not published again").isZero();
            assertThat(ModuleDatabase.await(publish(a, 21))).isPositive();
        }
    }
}
