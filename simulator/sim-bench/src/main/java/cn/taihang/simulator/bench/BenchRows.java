package cn.taihang.simulator.bench;

import cn.taihang.gateway.api.Measurement;
import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.simulator.faults.HubWorkload;
import cn.taihang.wire.SenmlCodec;
import cn.taihang.wire.SenmlRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The records both sides of a benchmark handle: a hub gateway's mix (redemptions, device state, lane counts,
 * diagnostics), and each record's row exactly as the store writes it (its body encoded the store's way).
 */
final class BenchRows {

    private final List<OutboundRecord> records;
    private final SenmlCodec senml = new SenmlCodec();

    private BenchRows(List<OutboundRecord> records) {
        this.records = records;
    }

    /** @return {@code count} records of a hub's workload, in time order */
    static BenchRows hub(int count, long seed) {
        List<OutboundRecord> records = new ArrayList<>(count);
        HubWorkload workload = new HubWorkload("jincheng-hsr-east", seed);
        for (Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(86_400 * 30); records.size() < count; t = t.plusSeconds(1)) {
            for (OutboundRecord r : workload.second(t)) {
                if (records.size() < count) {
                    records.add(r);
                }
            }
        }
        return new BenchRows(records);
    }

    List<OutboundRecord> records() {
        return records;
    }

    /** @return the body the store writes for a record: its measurements as a SenML CBOR pack */
    byte[] body(OutboundRecord r) {
        return senml.encodeCbor(r.measurements().stream().map(BenchRows::senml).toList());
    }

    private static SenmlRecord senml(Measurement m) {
        return new SenmlRecord(m.name(), m.unit(), m.number(), m.text(), m.flag(), null, 0);
    }

    /**
     * @return the SQL a store's transaction of these rows amounts to: one INSERT per record (the store's columns and
     *     values, bodies as blob literals), then the sequence update, as a script for the {@code sqlite3} tool
     */
    String insertScript(long firstSeq, long storedMillis, int rowsPerTransaction) {
        StringBuilder sql = new StringBuilder(records.size() * 300);
        HexFormat hex = HexFormat.of();
        long seq = firstSeq;
        for (int i = 0; i < records.size(); i++) {
            if (i % rowsPerTransaction == 0) {
                sql.append("BEGIN IMMEDIATE;\n");
            }
            OutboundRecord r = records.get(i);
            byte[] body = body(r);
            long size = body.length + r.device().length() + r.kind().length() + 40;
            sql.append("INSERT INTO records (seq, priority, time, stored, device, kind, body, size) VALUES (").append(seq++).append(',')
                    .append(r.priority().code()).append(',').append(r.time().toEpochMilli()).append(',').append(storedMillis).append(",'")
                    .append(r.device()).append("','").append(r.kind()).append("',X'").append(hex.formatHex(body)).append("',").append(size).append(");\n");
            if (i % rowsPerTransaction == rowsPerTransaction - 1 || i == records.size() - 1) {
                sql.append("UPDATE meta SET value = ").append(seq - 1).append(" WHERE key = 'seq.last';\nCOMMIT;\n");
            }
        }
        return sql.toString();
    }
}
