package cn.taihang.simulator.faults;

import cn.taihang.launcher.EmbeddedGateway;
import cn.taihang.launcher.LaunchException;
import cn.taihang.launcher.LaunchSpec;
import cn.taihang.launcher.Readiness;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A gateway process with a load producer inside: the launcher's embedded Felix with the distribution's bundles,
 * booted exactly as {@code bin/taihang-gateway} boots it, plus a {@link LoadProducer} feeding its outbox. Run by
 * the crash scenario as a child JVM with only the distribution's {@code lib/} and the simulator's classes on the
 * class path. Arguments: {@code --config F --data D --bundles B --rate R}. Prints {@code gateway <id> ready in <n> ms}
 * like the launcher.
 */
public final class LoadGatewayMain {

    private LoadGatewayMain() {
    }

    /** @param args see the class comment */
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Map<String, String> options = options(args);
        Path data = Path.of(options.get("--data"));
        EmbeddedGateway gateway;
        try {
            gateway = EmbeddedGateway.start(new LaunchSpec(Path.of(options.get("--config")), data, Path.of(options.get("--bundles")), Map.of(),
                    Duration.ofSeconds(30)));
        } catch (LaunchException e) {
            out.println("gateway failed to start: " + e.getMessage());
            System.exit(2);
            return;
        }
        String id = gateway.configuration().value("cn.taihang.gateway", "gatewayId");
        Readiness readiness = gateway.readiness();
        if (!readiness.ready()) {
            out.println("gateway " + id + " is running but NOT fully up after " + readiness.elapsedMillis() + " ms: " + readiness.problems());
        }
        FrameworkOutbox outbox = FrameworkOutbox.await(gateway.framework().getBundleContext(), 30_000);
        LoadProducer producer = new LoadProducer(outbox, data, "load-" + id.replace("gw-", ""), Integer.parseInt(options.get("--rate")), out);
        producer.start();
        if (readiness.ready()) {
            out.println("gateway " + id + " ready in " + readiness.elapsedMillis() + " ms");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            producer.close();
            gateway.stop(Duration.ofSeconds(10));
        }, "load-gateway-shutdown"));
        gateway.framework().waitForStop(0);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        for (String required : new String[] {"--config", "--data", "--bundles", "--rate"}) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException("missing " + required + "; usage: --config F --data D --bundles B --rate R");
            }
        }
        return options;
    }
}
