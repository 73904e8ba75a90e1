package cn.taihang.bridge.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge's security events: refused certificates, connections, publishes and subscriptions at the embedded broker,
 * and messages the ingest refused because they name another gateway or site than the sender's certificate. Each is
 * logged at WARN the first time per subject and reason (repeats at DEBUG), counted in
 * {@code bridge_security_events_total{source,reason}} and kept in the table {@code security_events} — one row per
 * subject and reason with first and last time, count and the latest detail (written once a second, in one
 * transaction, so a flood of refusals costs the database one write a second). Thread-safe: the broker calls it from
 * its event loops.
 */
public final class SecurityEvents implements AutoCloseable {

    /** Source: the TLS handshake refused a certificate. */
    public static final String TLS = "tls";
    /** Source: the broker refused a CONNECT. */
    public static final String CONNECT = "connect";
    /** Source: the broker refused a publish or a subscription. */
    public static final String ACL = "acl";
    /** Source: the ingest refused a message. */
    public static final String INGEST = "ingest";
    /** Source: a connected client was dropped (its certificate was revoked or expired). */
    public static final String DROPPED = "dropped";

    private static final Logger LOG = LoggerFactory.getLogger("cn.taihang.bridge.security");
    private static final long FLUSH_MILLIS = 1000;
    private static final int REMEMBERED = 10_000;
    private static final String UPSERT = """
            INSERT INTO security_events (subject, reason, source, first_ms, last_ms, count, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (subject, reason) DO UPDATE SET source = excluded.source, last_ms = excluded.last_ms,
              count = security_events.count + excluded.count, detail = excluded.detail""";

    /** Events not yet written, per subject and reason. */
    private record Pending(String source, String subject, String reason, long firstMillis, long lastMillis, int count, String detail) {
        Pending again(long at, String newDetail) {
            return new Pending(source, subject, reason, firstMillis, at, count + 1, newDetail);
        }
    }

    private final Vertx vertx;
    private final Pool writer;
    private final MeterRegistry meters;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private final long timer;

    /**
     * @param vertx for the flush timer
     * @param writer the database's writer connection
     * @param meters where the counter lives
     */
    public SecurityEvents(Vertx vertx, Pool writer, MeterRegistry meters) {
        this.vertx = vertx;
        this.writer = writer;
        this.meters = meters;
        this.timer = vertx.setPeriodic(FLUSH_MILLIS, id -> flush());
    }

    /**
     * Records one event.
     *
     * @param source one of the source constants
     * @param subject who: a gateway or bridge id, a certificate, or an address
     * @param reason a short upper-case code, e.g. {@code SITE_MISMATCH}, {@code REVOKED}
     * @param detail what happened and what to do, for the log and the operations console
     */
    public void record(String source, String subject, String reason, String detail) {
        record(source, subject, reason, detail, true);
    }

    /**
     * Records one event that its source logged already (the identity library logs each refused certificate once), so
     * it is counted and kept but not logged again.
     */
    public void recordLogged(String source, String subject, String reason, String detail) {
        record(source, subject, reason, detail, false);
    }

    private void record(String source, String subject, String reason, String detail, boolean log) {
        Counter.builder("bridge.security.events").description("security events: refused certificates, connections, publishes, messages")
                .tag("source", source).tag("reason", reason).register(meters).increment();
        if (!log) {
            LOG.debug("security: {} {} refused ({}): {}", source, subject, reason, detail);
        } else if (logged.size() < REMEMBERED && logged.add(subject + "|" + reason)) {
            LOG.warn("security: {} {} refused ({}): {}. Repeats are counted (bridge_security_events_total) and kept in table "
                    + "security_events, not logged.", source, subject, reason, detail);
        } else {
            LOG.debug("security: {} {} refused again ({}): {}", source, subject, reason, detail);
        }
        long now = System.currentTimeMillis();
        synchronized (pending) {
            pending.merge(subject + "|" + reason, new Pending(source, subject, reason, now, now, 1, detail),
                    (was, fresh) -> was.again(now, detail));
        }
    }

    /** @return completes when every event recorded so far is written; never fails (a failure is logged) */
    public Future<Void> flush() {
        List<Tuple> rows = new ArrayList<>();
        synchronized (pending) {
            for (Pending p : pending.values()) {
                rows.add(Tuple.of(p.subject(), p.reason(), p.source(), p.firstMillis(), p.lastMillis(), p.count(), p.detail()));
            }
            pending.clear();
        }
        if (rows.isEmpty()) {
            return Future.succeededFuture();
        }
        return writer.withTransaction(conn -> conn.preparedQuery(UPSERT).executeBatch(rows)).<Void>mapEmpty().recover(err -> {
            LOG.error("could not keep {} security event(s) in the database (they are in the log and the counters): {}", rows.size(), err.toString());
            return Future.succeededFuture();
        });
    }

    /** Stops the flush timer; call {@link #flush()} before the database closes. */
    @Override
    public void close() {
        vertx.cancelTimer(timer);
    }
}
