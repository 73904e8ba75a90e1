package cn.taihang.bridge.ingest;

import cn.taihang.bridge.module.IngestedRecord;
import cn.taihang.bridge.module.RecordListener;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** The modules' record listeners by kind prefix, called in the ingest transaction one after another. */
public final class RecordListeners {

    private final List<Map.Entry<String, RecordListener>> listeners = new CopyOnWriteArrayList<>();

    /** Adds a listener for records whose kind starts with {@code kindPrefix}. */
    public void add(String kindPrefix, RecordListener listener) {
        listeners.add(Map.entry(kindPrefix, listener));
    }

    Future<Void> notify(SqlConnection transaction, List<IngestedRecord> fresh) {
        Future<Void> chain = Future.succeededFuture();
        if (fresh.isEmpty()) {
            return chain;
        }
        for (Map.Entry<String, RecordListener> entry : listeners) {
            List<IngestedRecord> matching = fresh.stream().filter(r -> r.kind().startsWith(entry.getKey())).toList();
            if (!matching.isEmpty()) {
                chain = chain.compose(v -> entry.getValue().onNewRecords(transaction, matching));
            }
        }
        return chain;
    }
}
