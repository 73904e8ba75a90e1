package cn.taihang.bridge.releases;

import cn.taihang.bridge.module.IngestedRecord;
import cn.taihang.bridge.releases.rollout.StepReport;
import cn.taihang.release.UpdateStep;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the gateways' {@code update.step} records into their rollout entries, inside the ingest transaction (each step
 * counts once however often it is resent), and asks the engine to look at the rollouts right after. A record that does not
 * parse is logged and skipped, never failed (that would hold the whole batch).
 */
final class UpdateSteps {

    private static final Logger LOG = LoggerFactory.getLogger(UpdateSteps.class);

    private final RolloutStore store;
    private final Runnable changed;

    UpdateSteps(RolloutStore store, Runnable changed) {
        this.store = store;
        this.changed = changed;
    }

    Future<Void> onRecords(SqlConnection transaction, List<IngestedRecord> records) {
        List<StepReport> steps = new ArrayList<>();
        for (IngestedRecord r : records) {
            Double rollout = r.number(UpdateStep.ROLLOUT);
            Double attempt = r.number(UpdateStep.ATTEMPT);
            String step = r.text(UpdateStep.STEP);
            if (rollout == null || attempt == null || step == null) {
                LOG.warn("update step {} #{} lacks rollout, attempt or step; skipped", r.gateway(), r.seq());
                continue;
            }
            if (rollout > 0) {
                Double bytes = r.number(UpdateStep.BYTES);
                String reason = r.text(UpdateStep.REASON);
                steps.add(new StepReport(r.gateway(), rollout.longValue(), attempt.intValue(), step, reason == null || reason.equals("-") ? "" : reason,
                        r.text(UpdateStep.MESSAGE), bytes == null ? 0 : bytes.longValue(), Instant.ofEpochMilli(r.timeMillis())));
            }
        }
        if (steps.isEmpty()) {
            return Future.succeededFuture();
        }
        return store.apply(transaction, steps).onSuccess(v -> changed.run());
    }
}
