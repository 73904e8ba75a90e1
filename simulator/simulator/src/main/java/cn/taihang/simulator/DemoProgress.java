package cn.taihang.simulator;

import cn.taihang.simulator.fleet.GatewayFleet;
import cn.taihang.simulator.run.NetworkRun;
import cn.taihang.wire.records.RecordKinds;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LongSummaryStatistics;

/** What the demo prints: the URLs once, then a progress line every ten seconds. */
final class DemoProgress {

    private final NetworkRun run;
    private final PrintStream out;
    private final Instant started = Instant.now();
    private long lastCpuNanos = cpuNanos();
    private long lastWallNanos = System.nanoTime();

    DemoProgress(NetworkRun run, PrintStream out) {
        this.run = run;
        this.out = out;
    }

    void printSummary(Duration startup) {
        LongSummaryStatistics ready = run.started().stream().mapToLong(GatewayFleet.Started::readyMillis).summaryStatistics();
        long notReady = run.started().stream().filter(s -> !s.ready()).count();
        int lanes = run.plans().stream().mapToInt(p -> p.lanes().size()).sum();
        out.printf("%nall started in %.1f s: %d gateways (%s), %d lanes; launcher start → all components active: min %d, mean %.0f, max %d ms%s%n",
                startup.toMillis() / 1000.0, run.plans().size(), run.options().mode(), lanes, ready.getMin(), ready.getAverage(), ready.getMax(),
                notReady > 0 ? "; " + notReady + " NOT READY (see above)" : "");
        out.printf("%s: %d MB%n", memoryLabel(), run.fleet().residentBytes() >> 20);
        String base = run.bridge().httpUrl();
        out.println();
        out.println("Open / 打开:");
        out.printf("  gateways   网关      %s/api/v1/gateways%n", base);
        out.printf("  telemetry  遥测      %s/api/v1/telemetry?kind=counter.interval%n", base);
        if (run.sensors() != null && run.sensors().count() > 0) {
            out.printf("  sensors    传感器    %s/api/v1/telemetry?kind=sensor.reading  (%d virtual 5G sensors over CoAP/DTLS)%n", base, run.sensors().count());
            out.printf("  alarms     告警      %s/api/v1/telemetry?kind=alarm.raised  (fog on the Taihang sections from about t+100 s, car park full t+170 s, ice t+240 s)%n", base);
        }
        if (run.panels() != null && !run.panels().all().isEmpty()) {
            out.printf("  signs      标牌      %s/api/v1/signs  (images: …/signs/{id}/image.png; the %d virtual panels draw to %s)%n", base,
                    run.panels().all().size(), run.panels().imageDir());
        }
        out.printf("  OpenAPI              %s/api/v1/openapi.yaml%n", base);
        out.printf("  metrics    指标      %s/metrics%n", base);
        out.printf("  health     健康      %s/health%n", base);
        out.printf("  MQTT broker          %s%n", run.bridge().brokerUrl());
        out.printf("  full log             %s%n", System.getProperty("taihang.log.file", "run/simulator.log"));
        out.printf("Vehicles cross the loops now; each lane reports every %d s. Ctrl-C stops.%n%n", run.options().intervalSeconds());
    }

    void printTick() {
        long online;
        long records;
        try {
            online = run.client().gatewaysOnline();
            records = run.client().telemetry(RecordKinds.COUNTER_INTERVAL, started.minusSeconds(3600), Instant.now().plusSeconds(3600)).size();
        } catch (IOException e) {
            out.printf("  (bridge API not answering: %s)%n", e.getMessage());
            return;
        }
        long cpu = cpuNanos();
        long wall = System.nanoTime();
        double cpuPercent = 100.0 * (cpu - lastCpuNanos) / Math.max(1, wall - lastWallNanos);
        lastCpuNanos = cpu;
        lastWallNanos = wall;
        out.printf("  t+%4ds  online %d/%d  vehicles %d  interval records at the bridge %d  CPU %.0f%% of a core  RSS %d MB%n",
                Duration.between(started, Instant.now()).toSeconds(), online, run.plans().size(), run.traffic().vehiclesDriven(), records,
                cpuPercent, run.fleet().residentBytes() >> 20);
        if (run.sensors() != null && run.sensors().count() > 0) {
            long[] totals = run.sensors().totals();
            long alarms;
            try {
                alarms = run.client().telemetry(RecordKinds.ALARM_RAISED, started.minusSeconds(3600), Instant.now().plusSeconds(3600)).size();
            } catch (IOException e) {
                alarms = -1;
            }
            out.printf("           sensors: %d readings accepted, %d refused, %d unanswered; alarms raised at the bridge %d%n", totals[0], totals[1],
                    totals[2], alarms);
        }
    }

    private String memoryLabel() {
        return run.options().mode() == GatewayFleet.Mode.IN_PROCESS ? "resident memory of this JVM (bridge + all gateways)"
                : "resident memory of the gateway processes";
    }

    void printFinal() {
        out.printf("%ndone after %d s: %d vehicles driven over the loops.%n", Duration.between(started, Instant.now()).toSeconds(),
                run.traffic().vehiclesDriven());
    }

    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L)
                + ProcessHandle.current().descendants().mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
    }
}
