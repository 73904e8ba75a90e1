package cn.taihang.simulator.faults;

import cn.taihang.gateway.api.Priority;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One gateway's records as the bridge holds them (read from its SQLite file): per class, the critical sequence
 * numbers, and how many were not marked historical.
 *
 * @param perClass records per class
 * @param criticalMissing critical sequence numbers expected and not held
 * @param notHistorical records held without the historical mark
 */
record BridgeView(Map<Priority, Long> perClass, long criticalMissing, long notHistorical) {

    static BridgeView read(Path database, String gateway, Set<Long> expectedCritical) throws SQLException {
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(5000);
        Map<Priority, Long> perClass = new EnumMap<>(Priority.class);
        for (Priority p : Priority.values()) {
            perClass.put(p, 0L);
        }
        Set<Long> critical = new HashSet<>();
        long notHistorical = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database, config.toProperties());
             PreparedStatement s = c.prepareStatement("SELECT seq, priority, historical FROM records WHERE gateway = ?")) {
            s.setString(1, gateway);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Priority p = Priority.ofCode(rs.getInt(2));
                    perClass.merge(p, 1L, Long::sum);
                    if (p == Priority.CRITICAL) {
                        critical.add(rs.getLong(1));
                    }
                    notHistorical += rs.getInt(3) == 0 ? 1 : 0;
                }
            }
        }
        long missing = expectedCritical.stream().filter(seq -> !critical.contains(seq)).count();
        return new BridgeView(perClass, missing, notHistorical);
    }
}
