package cn.taihang.simulator.mishaps;

import cn.taihang.simulator.faults.BridgeRecords;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What happens to a gateway's SD card while the gateway is down, done to its data directory: backed up and restored
 * (the store's files roll back together), re-flashed (no store at all), copied into a second card, or damaged (a page
 * of the store's index overwritten, as a torn write leaves it). The store's files are {@code store.db} with its
 * {@code -wal}, {@code -shm} and {@code .seq}; the load journal is not part of the card (it is the test's ground truth).
 */
final class StoreCard {

    private static final String STORE_PREFIX = "store.db";

    private final Path data;

    /** @param data the gateway's data directory */
    StoreCard(Path data) {
        this.data = data;
    }

    /** Copies the store's files into {@code aside}. */
    void backUp(Path aside) throws IOException {
        Files.createDirectories(aside);
        for (Path f : storeFiles(data)) {
            Files.copy(f, aside.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Puts a backup back: the store's files now are replaced by those in {@code aside}. */
    void restore(Path aside) throws IOException {
        wipe();
        for (Path f : storeFiles(aside)) {
            Files.copy(f, data.resolve(f.getFileName()));
        }
    }

    /** Removes the store's files: a card flashed again from the image, which has no store. */
    void wipe() throws IOException {
        for (Path f : storeFiles(data)) {
            Files.delete(f);
        }
    }

    /**
     * Copies the card into {@code target} (a second card): the store's files and the gateway's other state.
     *
     * @param leaveOut names of top-level files and directories not copied (the load journal, the logs)
     */
    void copyTo(Path target, Set<String> leaveOut) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.walk(data)) {
            for (Path f : files.toList()) {
                Path relative = data.relativize(f);
                if (relative.toString().isEmpty() || leaveOut.contains(relative.getName(0).toString())) {
                    continue;
                }
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target.resolve(relative));
                } else {
                    Files.copy(f, target.resolve(relative), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /**
     * Damages the store: its WAL is checkpointed into the main file first (so that the damage is not masked by a newer
     * copy of the page in the WAL), then the root page of its {@code records_by_class} index is overwritten with random
     * bytes. The records table itself stays readable.
     *
     * @return the events in the store's records when it was damaged
     */
    Set<String> damageIndex(Random random) throws IOException {
        Path db = data.resolve(STORE_PREFIX);
        Set<String> events = new HashSet<>();
        long page;
        long pageSize;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            try (ResultSet rs = s.executeQuery("SELECT body FROM records")) {
                while (rs.next()) {
                    events.add(BridgeRecords.eventOf(rs.getBytes(1)));
                }
            }
            page = single(s, "SELECT rootpage FROM sqlite_master WHERE type = 'index' AND name = 'records_by_class'");
            pageSize = single(s, "PRAGMA page_size");
        } catch (SQLException e) {
            throw new IOException("cannot prepare the damage of " + db + ": " + e.getMessage(), e);
        }
        byte[] garbage = new byte[(int) pageSize];
        random.nextBytes(garbage);
        try (RandomAccessFile file = new RandomAccessFile(db.toFile(), "rw")) {
            file.seek((page - 1) * pageSize);
            file.write(garbage);
            file.getFD().sync();
        }
        return events;
    }

    /** @return the events in the store's records now (the card of a gateway that is down) */
    Set<String> events() throws IOException {
        Path db = data.resolve(STORE_PREFIX);
        Set<String> events = new HashSet<>();
        if (!Files.exists(db)) {
            return events;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT body FROM records")) {
            while (rs.next()) {
                events.add(BridgeRecords.eventOf(rs.getBytes(1)));
            }
        } catch (SQLException e) {
            throw new IOException("cannot read the store " + db + ": " + e.getMessage(), e);
        }
        return events;
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new SQLException("no answer to " + sql);
            }
            return rs.getLong(1);
        }
    }

    private static List<Path> storeFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(STORE_PREFIX)).toList();
        }
    }
}
