package cn.taihang.counter.internal;

import cn.taihang.counter.domain.IntervalReport;
import cn.taihang.counter.domain.LengthClass;
import cn.taihang.gateway.api.Measurement;
import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.gateway.api.Priority;
import java.util.ArrayList;
import java.util.List;

/** Turns an {@link IntervalReport} into the {@code counter.interval} record a lane publishes. */
final class IntervalRecords {

    static final String KIND = "counter.interval";
    private static final String COUNT = "count";

    private IntervalRecords() {
    }

    /**
     * Measurements: {@code interval} (s), {@code count}; on dual-loop lanes {@code count/<class>}
     * for every class, {@code count/unclassified} and {@code count/wrong-way}; {@code speed/mean}
     * (m/s) when there were classified vehicles; {@code occupancy} (%); and, only when set,
     * {@code partial}, {@code late} (count) and {@code fault}.
     */
    static OutboundRecord toRecord(String device, IntervalReport report) {
        List<Measurement> values = new ArrayList<>();
        values.add(Measurement.number("interval", "s", report.length().toSeconds()));
        values.add(Measurement.number("count", COUNT, report.count()));
        if (report.dualLoop()) {
            for (LengthClass lengthClass : LengthClass.values()) {
                values.add(Measurement.number("count/" + lengthClass.id(), COUNT, report.count(lengthClass)));
            }
            values.add(Measurement.number("count/unclassified", COUNT, report.unclassified()));
            values.add(Measurement.number("count/wrong-way", COUNT, report.wrongWay()));
        }
        report.meanSpeedMps().ifPresent(speed -> values.add(Measurement.number("speed/mean", "m/s", round(speed, 100))));
        values.add(Measurement.number("occupancy", "%", round(report.occupancyPercent(), 100)));
        if (report.partial()) {
            values.add(Measurement.flag("partial", true));
        }
        if (report.late() > 0) {
            values.add(Measurement.number("late", COUNT, report.late()));
        }
        if (report.fault()) {
            values.add(Measurement.flag("fault", true));
        }
        return new OutboundRecord(device, KIND, Priority.NORMAL, report.start(), values);
    }

    private static double round(double value, double scale) {
        return Math.round(value * scale) / scale;
    }
}
