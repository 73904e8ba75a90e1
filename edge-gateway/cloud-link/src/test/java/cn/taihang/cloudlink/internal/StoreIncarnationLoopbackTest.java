package cn.taihang.cloudlink.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.bridge.BridgeCore;
import cn.taihang.bridge.BridgeOptions;
import cn.taihang.bridge.RunningBridge;
import cn.taihang.bridge.ca.testing.TestPki;
import cn.taihang.bridge.ingest.StoreAnomalies;
import cn.taihang.bridge.testing.Meters;
import cn.taihang.bridge.testing.TestStorage;
import cn.taihang.gateway.api.Measurement;
import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.gateway.api.Priority;
import cn.taihang.store.embedded.EmbeddedStore;
import cn.taihang.store.embedded.StoreOptions;
import cn.taihang.wire.records.RecordKinds;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 16's mishaps with the real store, the real uplink and the real bridge over TLS: a store restored from a backup
 * reissues sequence numbers, and a cloned card runs beside the original under one gateway id. No record is lost: each
 * reissued number with new content is kept as a conflict and raised, and a clone's acknowledgements delete nothing of
 * the other store.
 */
@Tag("loopback")
class StoreIncarnationLoopbackTest extends LoopbackFixture {

    @RegisterExtension
    static final TestPki PKI = new TestPki();

    private RunningBridge secure;
    private Path gatewayIdentity;

    @BeforeEach
    void startBridge() throws Exception {
        secure = BridgeCore.start(BridgeOptions.ephemeral(dir.resolve("bridge")).withIdentityDir(PKI.bridge("bridge-incarnation")), List.of())
                .toCompletableFuture().get();
        gatewayIdentity = PKI.gateway(GATEWAY, SITE);
    }

    @AfterEach
    void stopBridge() {
        secure.close();
    }

    @Test
    void aRestoredBackupLosesNothingAndItsReissuedNumbersAreFlaggedAsConflicts() throws Exception {
        sendAll(store, "before", 5);
        store.close();
        Path backup = Files.createDirectories(dir.resolve("backup"));
        copyStoreFiles(dir, backup);
        store = EmbeddedStore.open(StoreOptions.defaults(dir.resolve("store.db")));
        sendAll(store, "after-backup", 5);
        store.close();
        copyStoreFiles(backup, dir);
        store = EmbeddedStore.open(StoreOptions.defaults(dir.resolve("store.db")));
        sendAll(store, "after-restore", 5);

        assertThat(Meters.count(secure, "bridge.ingest.records", "outcome", "new")).isEqualTo(10);
        assertThat(devices("conflicts")).as("every record made after the restore is kept").hasSize(5).containsOnly("after-restore");
        assertThat(devices("records")).filteredOn("after-restore"::equals).isEmpty();
        await().until(() -> securityEvents(StoreAnomalies.RECORD_CONFLICT) > 0);
    }

    @Test
    void aClonedCardBesideTheOriginalLosesNothingAndIsDetected() throws Exception {
        sendAll(store, "shared", 3);
        store.close();
        Path cloneDir = Files.createDirectories(dir.resolve("clone"));
        copyStoreFiles(dir, cloneDir);
        store = EmbeddedStore.open(StoreOptions.defaults(dir.resolve("store.db")));
        try (EmbeddedStore clone = EmbeddedStore.open(StoreOptions.defaults(cloneDir.resolve("store.db")))) {
            assertThat(clone.queue().incarnation()).as("a cloned card").isEqualTo(store.queue().incarnation());
            publishAll(store, "original", 20);
            publishAll(clone, "clone", 20);
            try (Uplink original = uplink(store)) {
                await().until(() -> backlog(store) == 0);
                try (Uplink copy = uplink(clone)) {
                    await().atMost(Duration.ofSeconds(60)).until(() -> backlog(clone) == 0);
                    publishAll(store, "original-later", 1);
                    await().atMost(Duration.ofSeconds(60)).until(() -> backlog(store) == 0 && backlog(clone) == 0);
                }
            }
        }

        List<String> stored = devices("records");
        List<String> conflicts = devices("conflicts");
        assertThat(stored.size() + conflicts.size()).as("no record of either card is lost").isEqualTo(3 + 20 + 20 + 1);
        assertThat(stored).filteredOn("original"::equals).hasSize(20);
        assertThat(conflicts).as("the clone reissued the original's numbers").hasSize(20).containsOnly("clone");
        await().until(() -> securityEvents(StoreAnomalies.TWO_LIVE_STORES) > 0 && securityEvents(StoreAnomalies.RECORD_CONFLICT) > 0);
    }

    @Test
    void readableRowsOfADamagedStoreAreSalvagedAndSentWithTheirNumbersAsDuplicatesNotConflicts() throws Exception {
        publishAll(store, "lane-s", 300);
        store.close();
        Path intact = Files.createDirectories(dir.resolve("intact"));
        copyStoreFiles(dir, intact);
        try (RandomAccessFile raf = new RandomAccessFile(dir.resolve("store.db").toFile(), "rw")) {
            byte[] junk = new byte[2 * 4096];
            new Random(5).nextBytes(junk);
            raf.seek(5L * 4096);
            raf.write(junk);
        }
        store = EmbeddedStore.open(StoreOptions.defaults(dir.resolve("store.db")));
        long salvaged = backlog(store);
        assertThat(salvaged).as("readable rows survive the damage").isBetween(150L, 299L);
        sendAll(store, "lane-s", 0);
        assertThat(Meters.count(secure, "bridge.ingest.records", "outcome", "new")).isEqualTo(salvaged);
        store.close();

        // the intact file holds the same rows under the same numbers: the salvaged ones were delivered already
        copyStoreFiles(intact, dir);
        store = EmbeddedStore.open(StoreOptions.defaults(dir.resolve("store.db")));
        sendAll(store, "lane-s", 0);
        assertThat(Meters.count(secure, "bridge.ingest.records", "outcome", "duplicate")).isEqualTo(salvaged);
        assertThat(Meters.count(secure, "bridge.ingest.records", "outcome", "new")).isEqualTo(300);
        assertThat(devices("conflicts")).isEmpty();
    }

    private Uplink uplink(EmbeddedStore of) {
        Uplink uplink = new Uplink(settings(secure.brokerUrl()), enrolledAs(GATEWAY, SITE, gatewayIdentity), of.queue(), of.counters(), BIRTHS);
        uplink.start();
        return uplink;
    }

    /** Publishes {@code count} records into the store and sends its whole backlog with an uplink of its own. */
    private void sendAll(EmbeddedStore from, String device, int count) throws Exception {
        publishAll(from, device, count);
        try (Uplink uplink = uplink(from)) {
            await().until(() -> backlog(from) == 0);
        }
    }

    private static void publishAll(EmbeddedStore into, String device, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            OutboundRecord record = new OutboundRecord(device, RecordKinds.COUNTER_INTERVAL, Priority.CRITICAL, Instant.now(),
                    List.of(Measurement.number("count/short", "count", i)));
            into.outbox().publish(record).toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static long backlog(EmbeddedStore of) {
        return of.queue().backlog().values().stream().mapToLong(b -> b.records()).sum();
    }

    /** Copies the store file with everything beside it (WAL, sequence reservation), as a backup or a card image would. */
    private static void copyStoreFiles(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("store.db")).toList()) {
                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private List<String> devices(String table) throws Exception {
        try (Connection db = TestStorage.SQLITE.connect(secure); Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT device FROM " + table + " WHERE gateway = '" + GATEWAY + "'")) {
            List<String> devices = new java.util.ArrayList<>();
            while (rs.next()) {
                devices.add(rs.getString(1));
            }
            return devices;
        }
    }

    private long securityEvents(String reason) throws Exception {
        try (Connection db = TestStorage.SQLITE.connect(secure); Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM security_events WHERE reason = '" + reason + "'")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
