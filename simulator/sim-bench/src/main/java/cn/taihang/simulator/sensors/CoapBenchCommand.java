package cn.taihang.simulator.sensors;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./taihang bench coap}: the gateway's sensor pipeline against bare Californium, plain CoAP and DTLS. */
@Command(name = "coap", mixinStandardHelpOptions = true,
        description = "Requests/s through the gateway's sensor pipeline (decode, normalise, threshold, store) vs a bare Californium server, "
                + "same requests, same run; plain CoAP (goal: ratio >= 0.8) and DTLS. Last line: RESULT coap ratio=<r> …")
public final class CoapBenchCommand implements Callable<Integer> {

    @Option(names = "--sensors", defaultValue = "16", description = "client endpoints, one per simulated sensor (default: ${DEFAULT-VALUE})")
    int sensors;

    @Option(names = "--window", defaultValue = "16", description = "requests in flight per sensor (default: ${DEFAULT-VALUE})")
    int window;

    @Option(names = "--seconds", defaultValue = "10", description = "measured seconds per phase, after 3 s of warm-up (default: ${DEFAULT-VALUE})")
    int seconds;

    @Override
    public Integer call() throws Exception {
        Path dist = Path.of(System.getProperty("taihang.dist.dir", "edge-gateway/distribution/target/taihang-gateway"));
        new CoapBench(System.out, sensors, window, Duration.ofSeconds(seconds), dist).run();
        return 0;
    }
}
