package cn.taihang.simulator.province;

import cn.taihang.wire.records.RecordKinds;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sqlite.SQLiteConfig;

/**
 * What the bridge recorded of the province's gateways, read straight from its SQLite file (read-only): the
 * {@code counter.interval} rows per gateway and sequence number, rows refused into {@code rejected}, and the gateways
 * it saw born. Compared with the gateways' ground truth ({@link #reconcile}).
 */
public final class BridgeLedger {

    /**
     * The comparison of the gateways' ground truth with the bridge's tables.
     *
     * @param acknowledged records the bridge acknowledged (ground truth)
     * @param stored rows of the gateways' records in the bridge's {@code records} table
     * @param lost acknowledged records missing from the table
     * @param duplicated rows beyond the first for one (gateway, seq) over all the databases compared
     * @param rejected rows of the gateways' records in the bridge's {@code rejected} table
     * @param gatewaysBorn gateways of the roster the bridge recorded a birth of
     */
    public record Reconciliation(long acknowledged, long stored, long lost, long duplicated, long rejected, int gatewaysBorn) {}

    private final List<Path> databases;

    /** @param databases the SQLite file of each bridge instance */
    public BridgeLedger(List<Path> databases) {
        this.databases = List.copyOf(databases);
    }

    /**
     * @param groundTruth per gateway id, the sequence numbers the bridge acknowledged to it
     * @throws SQLException if a database cannot be read
     */
    public Reconciliation reconcile(Map<String, BitSet> groundTruth) throws SQLException {
        Map<String, BitSet> seen = new HashMap<>();
        long stored = 0;
        long duplicated = 0;
        long rejected = 0;
        Set<String> born = new HashSet<>();
        for (Path database : databases) {
            try (Connection c = open(database)) {
                try (PreparedStatement s = c.prepareStatement("SELECT gateway, seq FROM records WHERE kind = ?")) {
                    s.setString(1, RecordKinds.COUNTER_INTERVAL);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            String gateway = rs.getString(1);
                            if (!groundTruth.containsKey(gateway)) {
                                continue;
                            }
                            stored++;
                            BitSet seqs = seen.computeIfAbsent(gateway, g -> new BitSet());
                            int seq = Math.toIntExact(rs.getLong(2));
                            if (seqs.get(seq)) {
                                duplicated++;
                            }
                            seqs.set(seq);
                        }
                    }
                }
                rejected += count(c, "SELECT COUNT(*) FROM rejected WHERE kind = '" + RecordKinds.COUNTER_INTERVAL + "'");
                try (PreparedStatement s = c.prepareStatement("SELECT id FROM gateways WHERE birth_ms IS NOT NULL"); ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        if (groundTruth.containsKey(rs.getString(1))) {
                            born.add(rs.getString(1));
                        }
                    }
                }
            }
        }
        long acknowledged = 0;
        long lost = 0;
        for (Map.Entry<String, BitSet> e : groundTruth.entrySet()) {
            BitSet missing = (BitSet) e.getValue().clone();
            missing.andNot(seen.getOrDefault(e.getKey(), new BitSet()));
            acknowledged += e.getValue().cardinality();
            lost += missing.cardinality();
        }
        return new Reconciliation(acknowledged, stored, lost, duplicated, rejected, born.size());
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static Connection open(Path database) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        return DriverManager.getConnection("jdbc:sqlite:" + database, config.toProperties());
    }
}
