package cn.taihang.cloudlink.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link ReplayMarks} for this run only (the embedded uplink, which has no ledger). */
final class MemoryReplayMarks implements ReplayMarks {

    private final Map<String, Mark> marks = new ConcurrentHashMap<>();

    @Override
    public Optional<Mark> last(String key) {
        return Optional.ofNullable(marks.get(key));
    }

    @Override
    public void record(String key, Mark mark) {
        marks.put(key, mark);
    }
}
