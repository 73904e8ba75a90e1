package cn.taihang.simulator.bench;

import cn.taihang.bridge.Bridge;
import cn.taihang.bridge.BridgeOptions;
import cn.taihang.simulator.run.BridgeAccess;
import cn.taihang.bridge.RunningBridge;
import cn.taihang.bridge.storage.PostgresAddress;
import cn.taihang.postgres.LocalPostgres;
import cn.taihang.wire.RecordFrame;
import cn.taihang.wire.SenmlCodec;
import cn.taihang.wire.SenmlRecord;
import cn.taihang.wire.WireFormatException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Exactly-once ingest into each engine against the engine alone: the assembled bridge (embedded broker, standard
 * modules' listeners) taking a hub's records from {@link BenchGateways} — stored once in one transaction per batch,
 * then acknowledged — against plain JDBC inserting the same rows into the same {@code records} table with the same
 * batched {@code INSERT … ON CONFLICT DO NOTHING}, one transaction per batch (SQLite: one connection, WAL,
 * {@code synchronous=FULL}; PostgreSQL: as many connections as the bridge's write pool, commits waiting for the WAL
 * flush).
 */
final class IngestBench {

    /** One measured run. */
    record Run(String what, long records, double seconds) {
        double rate() {
            return records / seconds;
        }
    }

    /** The engines. */
    enum Engine {
        SQLITE, POSTGRESQL
    }

    private static final String INSERT = "INSERT INTO records (gateway, seq, site, device, kind, time_ms, received_ms, priority, historical, values_json, "
            + "units_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    private final Path dir;
    private final List<RecordFrame> frames;
    private final int gateways;
    private final int batch;
    private final int window;
    private final LocalPostgres postgres;
    private final SenmlCodec senml = new SenmlCodec();

    IngestBench(Path dir, BenchRows rows, int gateways, int batch, int window, LocalPostgres postgres) {
        this.dir = dir;
        this.frames = BenchGateways.frames(rows);
        this.gateways = gateways;
        this.batch = batch;
        this.window = window;
        this.postgres = postgres;
    }

    /** The bridge on a fresh database of the engine, fed by the bench gateways until every record is acknowledged. */
    Run bridge(Engine engine, int round) throws Exception {
        BridgeOptions options = BridgeAccess.secure(BridgeOptions.ephemeral(fresh("bridge-" + engine + "-" + round)), dir);
        if (engine == Engine.POSTGRESQL) {
            options = options.withDatabase(PostgresAddress.parse(postgres.url(postgres.createDatabase("bridge_" + round)), null));
        }
        try (RunningBridge bridge = Bridge.start(options).toCompletableFuture().get(60, TimeUnit.SECONDS);
             BenchGateways sender = new BenchGateways(dir)) {
            double seconds = sender.send("127.0.0.1", bridge.mqttPort(), round, gateways, frames, batch, window);
            String where = engine == Engine.SQLITE ? "SQLite, one writer" : "PostgreSQL, " + PostgresAddress.DEFAULT_POOL_SIZE + " write connections";
            return new Run("bridge ingest (" + where + "): " + gateways + " gateways, batches of " + batch + ", " + window + " in flight each",
                    frames.size(), seconds);
        }
    }

    /** The same rows inserted by plain JDBC, a transaction per batch, into the bridge's own {@code records} table. */
    Run databaseAlone(Engine engine, int round) throws Exception {
        List<List<Object[]>> batches = rows(round);
        int connections = engine == Engine.SQLITE ? 1 : PostgresAddress.DEFAULT_POOL_SIZE;
        String url = engine == Engine.SQLITE ? "jdbc:sqlite:" + fresh("alone-" + engine + "-" + round).resolve("alone.db")
                : "jdbc:postgresql://" + postgres.host() + ":" + postgres.port() + "/" + postgres.createDatabase("alone_" + round);
        try (Connection schema = connect(engine, url)) {
            createRecordsTable(schema, engine);
        }
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            List<Future<Void>> done = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int c = 0; c < connections; c++) {
                int mine = c;
                done.add(pool.submit(() -> {
                    try (Connection db = connect(engine, url); PreparedStatement insert = db.prepareStatement(INSERT)) {
                        db.setAutoCommit(false);
                        for (int b = mine; b < batches.size(); b += connections) {
                            for (Object[] row : batches.get(b)) {
                                for (int i = 0; i < row.length; i++) {
                                    insert.setObject(i + 1, row[i]);
                                }
                                insert.addBatch();
                            }
                            insert.executeBatch();
                            db.commit();
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> f : done) {
                f.get(10, TimeUnit.MINUTES);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            String how = engine == Engine.SQLITE ? "sqlite-jdbc, WAL, synchronous=FULL" : "pgjdbc, " + connections + " connections";
            return new Run(engine.name().toLowerCase() + " alone (" + how + "): batched INSERT … ON CONFLICT DO NOTHING, a commit per " + batch,
                    frames.size(), seconds);
        } finally {
            pool.shutdownNow();
        }
    }

    /** @return the rows the bridge would store for the frames, batch by batch, as the bench gateways send them */
    private List<List<Object[]>> rows(int round) throws WireFormatException {
        List<List<Object[]>> batches = new ArrayList<>();
        long received = System.currentTimeMillis();
        for (int i = 0, b = 0; i < frames.size(); i += batch, b++) {
            String gateway = BenchGateways.gateway(round, b % gateways);
            List<Object[]> rows = new ArrayList<>();
            for (RecordFrame f : frames.subList(i, Math.min(frames.size(), i + batch))) {
                JsonObject values = new JsonObject();
                JsonObject units = new JsonObject();
                for (SenmlRecord m : senml.decodeCbor(f.body())) {
                    values.put(m.name(), m.value() != null ? m.value() : m.stringValue() != null ? m.stringValue() : m.booleanValue());
                    if (m.unit() != null) {
                        units.put(m.name(), m.unit());
                    }
                }
                rows.add(new Object[] {gateway, f.seq(), "bench-site", f.device(), f.kind(), f.timeMillis(), received, f.priority(), 0, values.encode(),
                        units.encode()});
            }
            batches.add(rows);
        }
        return batches;
    }

    private Connection connect(Engine engine, String url) throws SQLException {
        if (engine == Engine.POSTGRESQL) {
            return DriverManager.getConnection(url, postgres.user(), "");
        }
        Connection c = DriverManager.getConnection(url);
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = WAL");
            st.execute("PRAGMA synchronous = FULL");
        }
        return c;
    }

    /** The bridge's own first core migration: the same table, key and indexes the bridge writes to. */
    private static void createRecordsTable(Connection db, Engine engine) throws IOException, SQLException {
        String script;
        try (InputStream in = IngestBench.class.getResourceAsStream("/cn/taihang/bridge/storage/db/common/V1__records_rejected_gateways.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        script = script.replace("${without_rowid}", engine == Engine.SQLITE ? "WITHOUT ROWID" : "").replace("${blob}", engine == Engine.SQLITE ? "BLOB" : "BYTEA");
        try (Statement st = db.createStatement()) {
            for (String ddl : script.split(";\\s*\\n")) {
                if (!ddl.replaceAll("(?m)^--.*$", "").isBlank()) {
                    st.execute(ddl);
                }
            }
        }
    }

    private Path fresh(String name) throws IOException {
        Path d = dir.resolve(name);
        if (Files.exists(d)) {
            try (var files = Files.walk(d)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return Files.createDirectories(d);
    }
}
