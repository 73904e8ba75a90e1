package cn.taihang.bridge.tickets;

import cn.taihang.bridge.module.GatewayCommands;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the key ring and the deny list on the broker as retained fleet commands, so every gateway, online
 * now or later, gets the latest. The newest body per command wins; while the broker cannot be reached (at
 * start the bridge is not connected yet) it retries every 1, 2, 4 … 30 s. Each body carries its version
 * ({@link GatewayCommands#broadcastRetained}): of several bridge instances only one publishes a version, and an
 * instance with an older one never replaces a newer.
 */
final class TrustPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(TrustPublisher.class);
    private static final long MAX_BACKOFF_MS = 30_000;

    private final Vertx vertx;
    private final GatewayCommands commands;
    private record Versioned(long version, byte[] body) {}

    private final Map<String, Versioned> pending = new ConcurrentHashMap<>();
    private final Map<String, Long> published = new ConcurrentHashMap<>();
    private final Map<String, Long> retryTimers = new ConcurrentHashMap<>();
    private volatile boolean stopped;

    TrustPublisher(Vertx vertx, GatewayCommands commands) {
        this.vertx = vertx;
        this.commands = commands;
    }

    /**
     * Publishes (retained) the body of a fleet command at its version, replacing any body still waiting. A newer body
     * does not wait out the backoff of an older one: a pending retry is brought forward.
     */
    void publish(String name, long version, byte[] body) {
        boolean idle = pending.put(name, new Versioned(version, body)) == null;
        vertx.runOnContext(v -> {
            Long timer = retryTimers.remove(name);
            if (timer != null && vertx.cancelTimer(timer)) {
                attempt(name, 1000);
            } else if (idle) {
                attempt(name, 1000);
            }
        });
    }

    /** @return the id of the latest command of that name the broker took from this instance, or 0 */
    long published(String name) {
        return published.getOrDefault(name, 0L);
    }

    void stop() {
        stopped = true;
    }

    private void attempt(String name, long backoffMs) {
        Versioned body = pending.get(name);
        if (body == null || stopped) {
            return;
        }
        commands.broadcastRetained(name, body.version(), body.body()).onComplete(ar -> {
            if (ar.succeeded()) {
                if (ar.result() != 0) {
                    published.put(name, ar.result());
                }
                LOG.debug("fleet command {} version {}: {}", name, body.version(), ar.result() == 0 ? "already published" : "#" + ar.result() + " published");
                if (!pending.remove(name, body)) {
                    attempt(name, 1000);
                }
            } else if (!stopped) {
                LOG.debug("fleet command {} not published yet ({}); retrying in {} ms", name, ar.cause().getMessage(), backoffMs);
                retryTimers.put(name, vertx.setTimer(backoffMs, t -> {
                    retryTimers.remove(name);
                    attempt(name, Math.min(MAX_BACKOFF_MS, backoffMs * 2));
                }));
            }
        });
    }
}
