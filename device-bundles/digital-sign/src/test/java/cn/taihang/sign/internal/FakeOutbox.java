package cn.taihang.sign.internal;

import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.gateway.api.Outbox;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** An in-memory outbox that keeps what it is given. */
final class FakeOutbox implements Outbox {

    final List<OutboundRecord> records = new CopyOnWriteArrayList<>();

    @Override
    public CompletionStage<Long> publish(OutboundRecord record) {
        records.add(record);
        return CompletableFuture.completedFuture((long) records.size());
    }

    /** @return the text of a measurement of the latest record of the kind, or null */
    String latest(String kind, String measurement) {
        for (int i = records.size() - 1; i >= 0; i--) {
            OutboundRecord r = records.get(i);
            if (r.kind().equals(kind)) {
                return r.measurements().stream().filter(m -> m.name().equals(measurement)).findFirst()
                        .map(m -> m.text() != null ? m.text() : String.valueOf(m.number() != null ? m.number() : m.flag())).orElse(null);
            }
        }
        return null;
    }
}
