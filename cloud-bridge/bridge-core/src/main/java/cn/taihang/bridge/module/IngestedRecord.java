package cn.taihang.bridge.module;

import cn.taihang.wire.records.Metric;
import java.util.Map;

/**
 * A record the bridge has just stored for the first time, as handed to a {@link RecordListener}.
 *
 * @param gateway sending gateway
 * @param site its site
 * @param seq the gateway's sequence number
 * @param device device id
 * @param kind record kind, e.g. {@code ticket.redemption} (one of {@code cn.taihang.wire.records.RecordKinds})
 * @param timeMillis when the measured thing happened
 * @param receivedMillis when the bridge received it
 * @param priority priority class code, 0 critical … 3 bulk
 * @param historical whether it was replayed after an outage
 * @param values measurement name → Long, Double, String or Boolean
 * @param units measurement name → unit
 */
public record IngestedRecord(String gateway, String site, long seq, String device, String kind, long timeMillis, long receivedMillis, int priority,
                             boolean historical, Map<String, Object> values, Map<String, String> units) {

    /** Copies the maps. */
    public IngestedRecord {
        values = Map.copyOf(values);
        units = Map.copyOf(units);
    }

    /**
     * Reads a measurement of the record vocabulary, e.g. {@code get(CounterInterval.COUNT)}.
     *
     * @return its value as {@link Metric#valueOf} reads it, or {@code null} if the record does not carry it (or carries
     *     a value of another type)
     */
    public <T> T get(Metric<T> metric) {
        return metric.valueOf(values.get(metric.name()));
    }

    /** @return a text value, or {@code null} */
    public String text(String name) {
        Object v = values.get(name);
        return v == null ? null : v.toString();
    }

    /** @return a numeric value, or {@code null} */
    public Double number(String name) {
        return values.get(name) instanceof Number n ? n.doubleValue() : null;
    }
}
