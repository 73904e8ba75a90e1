package cn.taihang.simulator.province;

import cn.taihang.simulator.RunDirectory;
import cn.taihang.simulator.faults.DebianTools;
import cn.taihang.simulator.faults.MosquittoProcess;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./taihang sim province}: the province load with its report and chart. */
@Command(name = "province", mixinStandardHelpOptions = true,
        description = {"Shanxi's 11 cities: thousands of lightweight virtual gateways in this JVM (each with its own certificate of the run's",
            "city CA, mutual TLS) speaking the real wire protocol to a real Mosquitto and the real bridge; records/s, ingest latency",
            "p50/p99, bytes, CPU; the gateways' ground truth compared with the bridge's records. Chart run/province/province.png. Last line:",
            "RESULT province gateways=<n> instances=<n> lost=<n> duplicated=<n> oversold=<n> double_booked=<n> scale_ratio=<r>",
            "(oversold, double_booked and scale_ratio are n/a until several bridge instances exist)."})
public final class ProvinceCommand implements Callable<Integer> {

    @Option(names = "--gateways", defaultValue = "1500", description = "virtual gateways (default ${DEFAULT-VALUE})")
    int gateways;

    @Option(names = "--rate", defaultValue = "0.2", description = "records per second and gateway (default ${DEFAULT-VALUE}: four counting lanes at one interval a minute, and a little more)")
    double rate;

    @Option(names = "--seconds", defaultValue = "60", description = "seconds of load (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--instances", defaultValue = "1", description = "bridge instances; only 1 until multi-instance lands (default ${DEFAULT-VALUE})")
    int instances;

    @Option(names = "--ack-timeout", defaultValue = "20", description = "seconds a gateway waits for the bridge's acknowledgement before sending again (default ${DEFAULT-VALUE})")
    int ackTimeout;

    @Option(names = "--drain-timeout", defaultValue = "120", description = "seconds to wait for everything to be acknowledged after the load (default ${DEFAULT-VALUE})")
    int drainTimeout;

    @Option(names = "--connects-per-second", defaultValue = "50", description = "gateways started per second at the beginning (default ${DEFAULT-VALUE})")
    int connectsPerSecond;

    @Option(names = "--run-dir", defaultValue = "run/province", description = "where the CA, broker, bridge database and chart go (default ${DEFAULT-VALUE})")
    Path runDir;

    @Override
    public Integer call() throws Exception {
        ProvinceOptions options;
        try {
            options = new ProvinceOptions(gateways, rate, seconds, instances, ackTimeout, drainTimeout, connectsPerSecond, runDir.toAbsolutePath());
            if (instances > 1) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, ProvinceRun.MULTI_INSTANCE_PENDING, instances));
            }
        } catch (IllegalArgumentException e) {
            System.err.println("province: " + e.getMessage());
            return 2;
        }
        if (!MosquittoProcess.installed()) {
            DebianTools.ensure(System.out, "mosquitto", MosquittoProcess.BINARY);
        }
        RunDirectory.clear(runDir);
        return new ProvinceRun(options, System.out).run().exact() ? 0 : 1;
    }
}
