package cn.taihang.counter.internal;

import cn.taihang.counter.domain.IntervalReport;
import cn.taihang.counter.domain.LengthClass;
import cn.taihang.gateway.api.Measurement;
import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.wire.records.CounterInterval;
import java.util.ArrayList;
import java.util.List;

/** Turns an {@link IntervalReport} into the {@link CounterInterval} record a lane publishes (measurements documented there). */
final class IntervalRecords {

    private IntervalRecords() {
    }

    static OutboundRecord toRecord(String device, IntervalReport report) {
        List<Measurement> values = new ArrayList<>();
        values.add(Measurement.of(CounterInterval.INTERVAL, report.length().toSeconds()));
        values.add(Measurement.of(CounterInterval.COUNT, report.count()));
        if (report.dualLoop()) {
            for (LengthClass lengthClass : LengthClass.values()) {
                values.add(Measurement.of(CounterInterval.COUNT_BY_CLASS.of(lengthClass.id()), report.count(lengthClass)));
            }
            values.add(Measurement.of(CounterInterval.UNCLASSIFIED, report.unclassified()));
            values.add(Measurement.of(CounterInterval.WRONG_WAY, report.wrongWay()));
        }
        report.meanSpeedMps().ifPresent(speed -> values.add(Measurement.of(CounterInterval.MEAN_SPEED, round(speed, 100))));
        values.add(Measurement.of(CounterInterval.OCCUPANCY, round(report.occupancyPercent(), 100)));
        if (report.partial()) {
            values.add(Measurement.of(CounterInterval.PARTIAL, true));
        }
        if (report.late() > 0) {
            values.add(Measurement.of(CounterInterval.LATE, report.late()));
        }
        if (report.fault()) {
            values.add(Measurement.of(CounterInterval.FAULT, true));
        }
        return new OutboundRecord(device, CounterInterval.KIND, report.start(), values);
    }

    private static double round(double value, double scale) {
        return Math.round(value * scale) / scale;
    }
}
