package cn.taihang.simulator.faults;

import cn.taihang.gateway.api.Priority;
import java.io.PrintStream;

/** The outage scenario's report; its last line is {@code RESULT outage ...}. */
final class OutageReport {

    private final PrintStream out;

    OutageReport(PrintStream out) {
        this.out = out;
    }

    void print(OutageRun.Options options, OutageRun.Result r, long backlogRecords, long usedBytes, long fileBytes, long reconnectMillis,
               long drainMillis, long wireUp, long wireDown, long payloadBytes, long recordsSent) {
        out.println();
        out.println("Outage scenario report 断网报告");
        out.printf("  cut off                 %d simulated hours; store quota %,d bytes; default TTLs (bulk 24 h, high/normal 168 h)%n",
                options.hours(), options.quotaBytes());
        out.println("  class      stored by the store   evicted (quota)   expired (TTL)   held by the bridge");
        for (Priority p : Priority.values()) {
            out.printf("  %-9s %,20d %,17d %,15d %,20d%n", p, r.stored().get(p), r.evicted().get(p), r.expired().get(p), r.atBridge().get(p));
        }
        out.printf("  backlog at reconnect    %,d records, %,d bytes counted against the quota (%.0f bytes/record)%n", backlogRecords, usedBytes,
                (double) usedBytes / Math.max(1, backlogRecords));
        out.printf("  on disk                 %,d bytes (store.db + WAL): %.0f bytes/record%n", fileBytes, (double) fileBytes / Math.max(1, backlogRecords));
        out.printf("  on the wire             %,d bytes up (MQTT over TCP, batches of CBOR records): %.0f bytes/record;%n", wireUp,
                (double) wireUp / Math.max(1, recordsSent));
        out.printf("                          batch payloads %.0f bytes/record; acknowledgements down %.1f bytes/record%n",
                (double) payloadBytes / Math.max(1, recordsSent), (double) wireDown / Math.max(1, recordsSent));
        out.printf("  reconnect               %,d ms after the link came back (the uplink's backoff was at its 30 s cap)%n", reconnectMillis);
        out.printf("  drain                   %,d records in %,d ms from the connect (%.0f records/s; the drain rate cap is 2000/s)%n",
                recordsSent, drainMillis, recordsSent * 1000.0 / Math.max(1, drainMillis));
        out.printf("  critical delivered      %,d of %,d (missing %d); backlog records not marked historical: %d%n",
                r.stored().get(Priority.CRITICAL) - r.criticalMissing(), r.stored().get(Priority.CRITICAL), r.criticalMissing(), r.notHistorical());
        boolean onlyBulk = r.evicted().get(Priority.CRITICAL) + r.evicted().get(Priority.HIGH) + r.evicted().get(Priority.NORMAL) == 0;
        out.printf("  eviction                %s%n", onlyBulk ? "only in the lowest class (bulk) 仅淘汰最低优先级" : "ALSO IN A HIGHER CLASS");
        out.printf("RESULT outage critical_missing=%d evicted_above_bulk=%d drain_ms=%d disk_bytes_per_record=%.0f wire_bytes_per_record=%.0f%n",
                r.criticalMissing(), r.evicted().get(Priority.CRITICAL) + r.evicted().get(Priority.HIGH) + r.evicted().get(Priority.NORMAL), r.drainMillis(),
                (double) fileBytes / Math.max(1, backlogRecords), (double) wireUp / Math.max(1, recordsSent));
    }
}
