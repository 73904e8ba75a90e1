package cn.taihang.simulator.truth;

import cn.taihang.counter.domain.LengthClass;
import cn.taihang.counter.domain.LengthClassifier;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the simulator actually drove over the loops, per lane and interval: the reference the bridge's
 * figures are compared with. Thread-safe.
 */
public final class GroundTruth {

    private final LengthClassifier classifier;
    private final long intervalMillis;
    private final Map<IntervalKey, LaneCounts> counts = new TreeMap<>();
    private long vehicles;

    /**
     * @param classifier the counters' length classes
     * @param intervalSeconds the counters' aggregation interval
     */
    public GroundTruth(LengthClassifier classifier, int intervalSeconds) {
        this.classifier = classifier;
        this.intervalMillis = intervalSeconds * 1000L;
    }

    /**
     * Records one vehicle.
     *
     * @param gatewayId gateway
     * @param device lane device id
     * @param dualLoop whether the lane classifies
     * @param frontAtLoopAMicros when its front reached loop A
     * @param lengthMeters its true length
     */
    public synchronized void record(String gatewayId, String device, boolean dualLoop, long frontAtLoopAMicros, double lengthMeters) {
        long millis = frontAtLoopAMicros / 1000;
        long start = millis - Math.floorMod(millis, intervalMillis);
        LengthClass lengthClass = dualLoop ? classifier.classify(lengthMeters) : null;
        counts.merge(new IntervalKey(gatewayId, device, start), LaneCounts.empty().plus(lengthClass), LaneCounts::plus);
        vehicles++;
    }

    /** @return a copy of the counts, ordered by gateway, device and interval */
    public synchronized Map<IntervalKey, LaneCounts> snapshot() {
        return new TreeMap<>(counts);
    }

    /** @return vehicles recorded so far */
    public synchronized long vehicles() {
        return vehicles;
    }

    /** @return the interval length in ms */
    public long intervalMillis() {
        return intervalMillis;
    }
}
