package cn.taihang.roadsensors.internal;

import cn.taihang.gateway.api.Measurement;
import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.roadsensors.domain.Reading;
import cn.taihang.roadsensors.domain.SensorKind;
import cn.taihang.wire.records.SensorReading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Readings as {@link SensorReading} records: one record per sensor and measuring time; the value of each reading in
 * the kind's canonical unit, plus the application type for kinds that need one to be told apart.
 */
final class ReadingRecords {

    private ReadingRecords() {
    }

    static List<OutboundRecord> of(String sensorId, List<Reading> readings) {
        Map<Instant, Map<String, Measurement>> byTime = new LinkedHashMap<>();
        for (Reading r : readings) {
            Map<String, Measurement> values = byTime.computeIfAbsent(r.time(), t -> new LinkedHashMap<>());
            values.put(r.ipsoName(), Measurement.number(r.ipsoName(), r.kind().unit().isEmpty() ? null : r.kind().unit(), r.value()));
            if (SensorKind.needsApplicationType(r.kind().object()) || r.kind() == SensorKind.ROAD_SURFACE_TEMPERATURE) {
                String name = SensorReading.APPLICATION_TYPE.nameOf(SensorReading.instance(r.kind().object(), r.instance()));
                values.put(name, Measurement.text(name, r.kind().applicationType()));
            }
        }
        List<OutboundRecord> records = new ArrayList<>(byTime.size());
        byTime.forEach((time, values) -> records.add(new OutboundRecord(sensorId, SensorReading.KIND, time, new ArrayList<>(values.values()))));
        return records;
    }
}
