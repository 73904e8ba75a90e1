package cn.taihang.bridge.releases;

import cn.taihang.bridge.module.GatewayCommands;
import cn.taihang.bridge.releases.rollout.GatewayState;
import cn.taihang.bridge.releases.rollout.RolloutDecision;
import cn.taihang.bridge.releases.rollout.RolloutEntry;
import cn.taihang.bridge.releases.rollout.RolloutRules;
import cn.taihang.bridge.releases.rollout.RolloutStatus;
import cn.taihang.release.UpdateOrder;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives the rollouts: every tick (and soon after a gateway reports a step) each active rollout is judged by its
 * {@link RolloutRules} in one writer transaction, and the orders it decided go out as retained {@value UpdateOrder#COMMAND}
 * commands (so a gateway offline now gets it when it reconnects; the per-gateway deadline keeps an absent one from holding
 * the rollout). An order the broker did not take puts its gateway back to pending for the next tick. Ticks never overlap.
 */
final class RolloutEngine {

    private static final Logger LOG = LoggerFactory.getLogger(RolloutEngine.class);

    private final Vertx vertx;
    private final RolloutStore store;
    private final GatewayCommands commands;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private long timer = -1;

    RolloutEngine(Vertx vertx, RolloutStore store, GatewayCommands commands, Clock clock) {
        this.vertx = vertx;
        this.store = store;
        this.commands = commands;
        this.clock = clock;
    }

    void start(long tickMillis) {
        timer = vertx.setPeriodic(tickMillis, id -> tick());
    }

    void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Looks at every active rollout now, or right after the look under way. */
    void tick() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        store.active().compose(ids -> store.siteKinds().compose(kinds -> {
            Future<Void> chain = Future.succeededFuture();
            for (long id : ids) {
                chain = chain.compose(v -> decide(id, kinds));
            }
            return chain;
        })).onComplete(ar -> {
            if (ar.failed()) {
                LOG.warn("rollouts could not be judged this tick: {}", ar.cause().toString());
            }
            running.set(false);
            if (again.getAndSet(false)) {
                vertx.runOnContext(v -> tick());
            }
        });
    }

    private Future<Void> decide(long id, Map<String, String> kinds) {
        return store.decide(id, clock.instant(), s -> new RolloutRules(s.rollout().rules()).decide(s.rollout().status(), s.entries(), kinds, clock.instant()))
                .compose(d -> d == null ? Future.succeededFuture() : send(id, d));
    }

    private Future<Void> send(long id, RolloutDecision d) {
        if ((d.status() == RolloutStatus.HALTED || d.status() == RolloutStatus.COMPLETED) && d.reason() != null) {
            LOG.info("rollout {} {}: {}", id, d.status().wire(), d.reason());
        }
        return store.find(id).compose(r -> {
            Future<Void> chain = Future.succeededFuture();
            for (RolloutEntry e : d.install()) {
                chain = chain.compose(v -> order(r.release(), id, e, UpdateOrder.Action.INSTALL));
            }
            for (RolloutEntry e : d.cancel()) {
                chain = chain.compose(v -> order(r.release(), id, e, UpdateOrder.Action.CANCEL));
            }
            return chain;
        });
    }

    /** Sends one order; if the broker does not take an install, the gateway goes back to pending. */
    Future<Void> order(String release, long rollout, RolloutEntry e, UpdateOrder.Action action) {
        UpdateOrder order = new UpdateOrder(rollout, Math.max(1, e.attempt()), release, action);
        return commands.send(e.site(), e.gateway(), UpdateOrder.COMMAND, order.encode(), true, 0).<Void>mapEmpty().recover(err -> {
            LOG.warn("the {} order of rollout {} for {} did not reach the broker: {}", action, rollout, e.gateway(), err.getMessage());
            return action == UpdateOrder.Action.INSTALL ? store.decide(rollout, clock.instant(), s -> retry(s, e)).mapEmpty() : Future.succeededFuture();
        });
    }

    private RolloutDecision retry(RolloutStore.Snapshot s, RolloutEntry sent) {
        List<RolloutEntry> back = s.entries().stream().filter(e -> e.gateway().equals(sent.gateway()) && e.state() == GatewayState.SENT
                && e.attempt() == sent.attempt()).map(e -> e.in(GatewayState.PENDING, clock.instant())).toList();
        return new RolloutDecision(s.rollout().status(), null, s.rollout().wave(), back, List.of(), List.of());
    }
}
