package cn.taihang.simulator.faults;

import cn.taihang.wire.SenmlCodec;
import cn.taihang.wire.SenmlRecord;
import cn.taihang.wire.WireFormatException;
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
public final class BridgeRecords {

    /** One stored row: the idempotency key, the event it carries and whether it was sent as historical. */
    public record Row(String gateway, long seq, String event, boolean historical) {}

    private static final Pattern EVENT = Pattern.compile("\"event\"\\s*:\\s*\"([^\"]+)\"");

    private final Path database;

    /** @param database the bridge's SQLite file */
    public BridgeRecords(Path database) {
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
    public List<Row> rows() throws SQLException {
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

    /**
     * @return the synthetic events the bridge kept aside as conflicts: a record that repeated a stored (gateway, seq)
     *     with other content (a restored backup, a cloned card)
     */
    public List<Row> conflicts() throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection c = open(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT gateway, seq, body FROM conflicts WHERE kind = '" + LoadProducer.KIND + "'")) {
            while (rs.next()) {
                rows.add(new Row(rs.getString(1), rs.getLong(2), eventOf(rs.getBytes(3)), false));
            }
        }
        return rows;
    }

    /** @return the synthetic event a load record's SenML CBOR body carries, or {@code "?"} if it carries none */
    public static String eventOf(byte[] body) {
        try {
            for (SenmlRecord r : new SenmlCodec().decodeCbor(body)) {
                if ("event".equals(r.name()) && r.stringValue() != null) {
                    return r.stringValue();
                }
            }
        } catch (WireFormatException e) {
            return "?";
        }
        return "?";
    }

    /** @return the security events the bridge recorded, {@code subject (a gateway) -> reasons} */
    public Map<String, java.util.Set<String>> securityEvents() throws SQLException {
        Map<String, java.util.Set<String>> events = new HashMap<>();
        try (Connection c = open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT subject, reason FROM security_events")) {
            while (rs.next()) {
                events.computeIfAbsent(rs.getString(1), k -> new java.util.TreeSet<>()).add(rs.getString(2));
            }
        }
        return events;
    }

    /** @return how many store incarnations each gateway's synthetic records came from */
    public Map<String, Integer> incarnations() throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection c = open(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT gateway, COUNT(DISTINCT incarnation) FROM records WHERE kind = '" + LoadProducer.KIND + "' GROUP BY gateway")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
            }
        }
        return counts;
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
