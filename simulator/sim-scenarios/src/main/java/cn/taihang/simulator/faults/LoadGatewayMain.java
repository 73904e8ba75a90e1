package cn.taihang.simulator.faults;

import cn.taihang.launcher.EmbeddedGateway;
import cn.taihang.launcher.LaunchException;
import cn.taihang.launcher.LaunchSpec;
import cn.taihang.launcher.Readiness;
import cn.taihang.launcher.SlottedGateway;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A gateway process with a load producer inside: the launcher's embedded Felix with the distribution's bundles,
 * booted exactly as {@code bin/taihang-gateway} boots it, plus a {@link LoadProducer} feeding its outbox. Run by
 * the crash and rollout scenarios as a child JVM with only the distribution's {@code lib/} and the simulator's classes
 * on the class path. Arguments: {@code --config F --data D --bundles B --rate R [--slotted BOARD]}; with
 * {@code --slotted} it boots from its software slots through the launcher's {@link SlottedGateway} (as
 * {@code bin/taihang-gateway} does), booting again on every switch and rollback, with a new producer for each boot.
 * Prints {@code gateway <id> ready in <n> ms} like the launcher, on every boot.
 */
public final class LoadGatewayMain {

    private LoadGatewayMain() {
    }

    /** @param args see the class comment */
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Map<String, String> options = options(args);
        Path data = Path.of(options.get("--data"));
        LaunchSpec spec = new LaunchSpec(Path.of(options.get("--config")), data, Path.of(options.get("--bundles")), Map.of(), Duration.ofSeconds(30));
        int rate = Integer.parseInt(options.get("--rate"));
        try {
            if (options.containsKey("--slotted")) {
                runSlotted(new SlottedGateway(spec, options.get("--slotted")), data, rate, out);
            } else {
                runOnce(EmbeddedGateway.start(spec), data, rate, out);
            }
        } catch (LaunchException e) {
            out.println("gateway failed to start: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void runOnce(EmbeddedGateway gateway, Path data, int rate, PrintStream out) throws Exception {
        LoadProducer producer = startProducer(gateway, null, data, rate, out);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            producer.close();
            gateway.stop(Duration.ofSeconds(10));
        }, "load-gateway-shutdown"));
        gateway.framework().waitForStop(0);
    }

    private static void runSlotted(SlottedGateway slotted, Path data, int rate, PrintStream out) throws LaunchException, InterruptedException {
        AtomicReference<LoadProducer> producer = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            closeQuietly(producer.getAndSet(null));
            slotted.shutdown(Duration.ofSeconds(10));
        }, "load-gateway-shutdown"));
        slotted.run(boot -> {
            closeQuietly(producer.getAndSet(null));
            try {
                producer.set(startProducer(boot.gateway(), boot.plan().release() + (boot.plan().trying() ? " on trial" : ""), data, rate, out));
            } catch (IOException | InterruptedException | IllegalStateException e) {
                out.println("LOAD no producer for release " + boot.plan().release() + ": " + e.getMessage());
            }
        });
    }

    /** @param release the release booted, shown in the ready line, or {@code null} */
    private static LoadProducer startProducer(EmbeddedGateway gateway, String release, Path data, int rate, PrintStream out) throws IOException, InterruptedException {
        String id = gateway.configuration().value("cn.taihang.gateway", "gatewayId");
        Readiness readiness = gateway.readiness();
        String of = release == null ? "" : " (release " + release + ")";
        if (!readiness.ready()) {
            out.println("gateway " + id + " is running but NOT fully up after " + readiness.elapsedMillis() + " ms" + of + ": "
                    + readiness.problems());
        }
        FrameworkOutbox outbox = FrameworkOutbox.await(gateway.framework().getBundleContext(), 30_000);
        LoadProducer producer = new LoadProducer(outbox, data, "load-" + id.replace("gw-", ""), rate, out);
        producer.start();
        if (readiness.ready()) {
            out.println("gateway " + id + " ready in " + readiness.elapsedMillis() + " ms" + of);
        }
        return producer;
    }

    private static void closeQuietly(LoadProducer producer) {
        if (producer != null) {
            producer.close();
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        for (String required : new String[] {"--config", "--data", "--bundles", "--rate"}) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException("missing " + required + "; usage: --config F --data D --bundles B --rate R [--slotted BOARD]");
            }
        }
        return options;
    }
}
