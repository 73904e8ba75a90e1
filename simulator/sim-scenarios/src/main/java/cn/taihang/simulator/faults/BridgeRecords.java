package cn.taihang.simulator.faults;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the bridge recorded, read straight from its SQLite file (read-only; the bridge may be running, WAL lets
 * readers in): the synthetic events per gateway and sequence number, in {@code records} and in {@code rejected}.
 */
final class BridgeRecords {

    /** One stored row: the idempotency key, the event it carries and whether it was sent as historical. */
    record Row(String gateway, long seq, String event, boolean historical) {}

    private static final Pattern EVENT = Pattern.compile("\"event\"\\s*:\\s*\"([^\"]+)\"");

    private final Path database;

    BridgeRecords(Path database) {
        this.database = database;
    }

    /** @return how many synthetic events the bridge holds now (0 before its database exists) */
    long count() {
        if (!database.toFile().exists()) {
            return 0;
        }
        try (Connection c = open(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM records WHERE kind = '" + LoadProducer.KIND + "'")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            return -1;
        }
    }

    /** @return every synthetic event row */
    List<Row> rows() throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection c = open(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT gateway, seq, values_json, historical FROM records WHERE kind = '" + LoadProducer.KIND + "'")) {
            while (rs.next()) {
                Matcher m = EVENT.matcher(rs.getString(3));
                rows.add(new Row(rs.getString(1), rs.getLong(2), m.find() ? m.group(1) : "?", rs.getInt(4) != 0));
            }
        }
        return rows;
    }

    /** @return rows of synthetic events in the {@code rejected} table (there should be none) */
    long rejected() throws SQLException {
        try (Connection c = open(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM rejected WHERE kind = '" + LoadProducer.KIND + "'")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** @return rows per gateway, {@code seq -> event} */
    static Map<String, Map<Long, String>> byGateway(List<Row> rows) {
        Map<String, Map<Long, String>> map = new HashMap<>();
        for (Row r : rows) {
            map.computeIfAbsent(r.gateway(), g -> new HashMap<>()).put(r.seq(), r.event());
        }
        return map;
    }

    private Connection open() throws SQLException {
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(5000);
        return DriverManager.getConnection("jdbc:sqlite:" + database, config.toProperties());
    }
}
