package cn.taihang.simulator.province;

import java.util.Locale;

/**
 * The figures of a province run and its verdict.
 *
 * @param gateways virtual gateways
 * @param instances bridge instances
 * @param reconciliation the ground truth compared with the bridge's tables
 * @param unacknowledged records the gateways still held when the drain timed out (0 after a full drain)
 * @param ackedPerSecond records acknowledged per second while every gateway was connected and making records (over the whole load
 *     when that lasted less than one progress interval)
 * @param p50Millis median ingest latency (record time to acknowledgement), ms
 * @param p99Millis 99th percentile, ms
 * @param bytes bytes the gateways published
 * @param enrolSeconds seconds the city CA took to enrol every gateway
 * @param simulatorCpuPercent mean CPU of the simulator JVM during the load, per cent of one core
 * @param simulatorRssMib largest resident memory of the simulator JVM, MiB
 * @param bridgeCpuPercent mean CPU of the bridge process during the load
 * @param brokerCpuPercent mean CPU of Mosquitto during the load
 */
public record ProvinceResult(int gateways, int instances, BridgeLedger.Reconciliation reconciliation, long unacknowledged, double ackedPerSecond,
                             long p50Millis, long p99Millis, long bytes, double enrolSeconds, double simulatorCpuPercent, double simulatorRssMib,
                             double bridgeCpuPercent, double brokerCpuPercent) {

    /** Not measured yet: ticket capacity and rental booking through several instances come with multi-instance (issue 15 item 2). */
    private static final String NOT_MEASURED = "n/a";

    /** @return whether nothing was lost or doubled, nothing is left unacknowledged and every gateway was born at the bridge */
    public boolean exact() {
        return reconciliation.lost() == 0 && reconciliation.duplicated() == 0 && unacknowledged == 0 && reconciliation.gatewaysBorn() == gateways;
    }

    /** @return the last line of the report; {@code oversold}, {@code double_booked} and {@code scale_ratio} are {@code n/a} until measured */
    public String resultLine() {
        return String.format(Locale.ROOT, "RESULT province gateways=%d instances=%d lost=%d duplicated=%d oversold=%s double_booked=%s scale_ratio=%s",
                gateways, instances, reconciliation.lost(), reconciliation.duplicated(), NOT_MEASURED, NOT_MEASURED, NOT_MEASURED);
    }

    /** @return the summary lines above the result */
    public String summary() {
        BridgeLedger.Reconciliation r = reconciliation;
        return String.format(Locale.ROOT, String.join("%n",
                        "records: acknowledged %,d, in the bridge's table %,d, lost %d, duplicated %d, rejected %d, still unacknowledged %d",
                        "gateways born at the bridge: %d of %d",
                        "ingest: %,.0f records/s acknowledged (while all connected, else over the whole load), latency record time -> ack p50 %d ms, p99 %d ms",
                        "bytes published: %,d (%.0f per acknowledged record)",
                        "enrolment of %d gateways with the city CA: %.1f s",
                        "CPU (100%% = one core): simulator %.0f%%, bridge %.0f%%, mosquitto %.0f%%; simulator resident memory up to %.0f MiB"),
                r.acknowledged(), r.stored(), r.lost(), r.duplicated(), r.rejected(), unacknowledged, r.gatewaysBorn(), gateways, ackedPerSecond, p50Millis,
                p99Millis, bytes, r.acknowledged() == 0 ? 0.0 : (double) bytes / r.acknowledged(), gateways, enrolSeconds, simulatorCpuPercent,
                bridgeCpuPercent, brokerCpuPercent, simulatorRssMib);
    }
}
