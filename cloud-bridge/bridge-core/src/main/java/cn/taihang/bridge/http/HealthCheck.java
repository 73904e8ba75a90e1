package cn.taihang.bridge.http;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readiness, checked in the background and answered from memory: whether this bridge takes traffic — connected and
 * subscribed to the broker (an in-memory flag) and its storage reachable (a trivial query every
 * {@value #INTERVAL_MS} ms, the next one only after the last has answered or timed out). The HTTP endpoints never wait
 * for the database, so a bridge busy ingesting (SQLite's writer queued behind a city's backlog) still answers at once and
 * is not restarted for being busy. A check that fails makes it DOWN until one succeeds; a check that does not answer
 * within {@value #TIMEOUT_MS} ms does too, unless ingest committed a batch meanwhile (on SQLite the check waits for the
 * single writer, queued behind the batches it is committing: busy, not down).
 */
public final class HealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(HealthCheck.class);

    /** Pause between two storage checks. */
    static final long INTERVAL_MS = 1000;
    /** A storage check that takes longer counts as failed. */
    static final long TIMEOUT_MS = 5000;

    private final Vertx vertx;
    private final long intervalMs;
    private final long timeoutMs;
    private final Supplier<Future<Void>> databasePing;
    private final LongSupplier lastCommitNanos;
    private final BooleanSupplier mqttConnected;
    private final String broker;
    private final boolean embeddedBroker;
    private volatile boolean database;
    private volatile long checkedAtMillis;
    private volatile boolean stopped;
    private volatile long timer = -1;

    /**
     * @param databasePing a trivial query on the database's write connections
     * @param lastCommitNanos {@link System#nanoTime()} of ingest's latest commit (0 before the first)
     * @param mqttConnected whether the MQTT client is connected and subscribed
     * @param broker the broker's URL, shown to operators
     * @param embeddedBroker whether the bridge runs the broker itself
     */
    public HealthCheck(Vertx vertx, Supplier<Future<Void>> databasePing, LongSupplier lastCommitNanos, BooleanSupplier mqttConnected, String broker,
                       boolean embeddedBroker) {
        this(vertx, INTERVAL_MS, TIMEOUT_MS, databasePing, lastCommitNanos, mqttConnected, broker, embeddedBroker);
    }

    HealthCheck(Vertx vertx, long intervalMs, long timeoutMs, Supplier<Future<Void>> databasePing, LongSupplier lastCommitNanos,
                BooleanSupplier mqttConnected, String broker, boolean embeddedBroker) {
        this.lastCommitNanos = lastCommitNanos;
        this.vertx = vertx;
        this.intervalMs = intervalMs;
        this.timeoutMs = timeoutMs;
        this.databasePing = databasePing;
        this.mqttConnected = mqttConnected;
        this.broker = broker;
        this.embeddedBroker = embeddedBroker;
    }

    /**
     * What the latest check found.
     *
     * @param database whether the database answered the latest check
     * @param mqtt whether the MQTT client is connected and subscribed, now
     * @param broker the broker's URL
     * @param embeddedBroker whether the bridge runs the broker itself
     * @param checkedAtMillis when the database was last checked (epoch ms), 0 before the first check
     */
    public record Health(boolean database, boolean mqtt, String broker, boolean embeddedBroker, long checkedAtMillis) {

        /** @return whether this bridge takes traffic (can ingest) */
        public boolean up() {
            return database && mqtt;
        }
    }

    /** @return completes once the first storage check has answered (never fails); later checks follow in the background */
    public Future<Void> start() {
        Promise<Void> first = Promise.promise();
        check(first);
        return first.future();
    }

    /** Stops the background checks. */
    public void stop() {
        stopped = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** @return the readiness as of the latest check, from memory */
    public Health ready() {
        return new Health(database, mqttConnected.getAsBoolean(), broker, embeddedBroker, checkedAtMillis);
    }

    private void check(Promise<Void> done) {
        long started = System.nanoTime();
        Future<Void> ping;
        try {
            ping = databasePing.get().timeout(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (RuntimeException closed) {
            ping = Future.failedFuture(closed);
        }
        ping.recover(err -> err instanceof java.util.concurrent.TimeoutException && lastCommitNanos.getAsLong() - started > 0
                ? Future.succeededFuture() : Future.failedFuture(err)).onComplete(ar -> {
            if (database && ar.failed()) {
                LOG.warn("storage check failed, the bridge reports DOWN until one succeeds: {}", ar.cause().toString());
            } else if (!database && ar.succeeded() && checkedAtMillis > 0) {
                LOG.info("storage check succeeds again, the bridge reports UP");
            } else if (checkedAtMillis == 0 && ar.failed()) {
                LOG.warn("the first storage check failed, the bridge reports DOWN until one succeeds: {}", ar.cause().toString());
            }
            database = ar.succeeded();
            checkedAtMillis = System.currentTimeMillis();
            done.tryComplete();
            if (!stopped) {
                timer = vertx.setTimer(intervalMs, id -> check(Promise.promise()));
            }
        });
    }
}
