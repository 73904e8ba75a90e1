package cn.taihang.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The gateway process: {@code taihang-gateway --config etc/gateway.json --data /var/lib/taihang}. */
@Command(name = "taihang-gateway", mixinStandardHelpOptions = true, versionProvider = GatewayMain.Version.class,
        description = "Runs a Taihang Edge gateway: Apache Felix with the distribution's bundles and the given configuration.")
public final class GatewayMain implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayMain.class);

    @Option(names = "--config", required = true, description = "gateway configuration file (OSGi Configurator JSON)")
    Path config;

    @Option(names = "--data", defaultValue = "data", description = "state directory: store, configuration, framework cache (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--bundles", description = "bundles directory (default: bundles/ beside the lib/ holding this launcher)")
    Path bundles;

    @Option(names = "--ready-timeout", defaultValue = "10", description = "seconds to wait for every component (default: ${DEFAULT-VALUE})")
    int readyTimeoutSeconds;

    @Option(names = "--board", defaultValue = "raspberry-pi-4", description = "the board profile this gateway runs on; releases for other boards are refused (default: ${DEFAULT-VALUE})")
    String board;

    @Option(names = "--console-url", description = "URL of this gateway's maintenance console, reported to the bridge")
    String consoleUrl;

    /** @param args command line */
    public static void main(String[] args) {
        System.exit(new CommandLine(new GatewayMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path bundlesDir = bundles != null ? bundles : defaultBundlesDir();
        Map<String, String> properties = consoleUrl == null ? Map.of() : Map.of("taihang.console.url", consoleUrl);
        SlottedGateway gateway;
        try {
            gateway = new SlottedGateway(new LaunchSpec(config, data, bundlesDir, properties, Duration.ofSeconds(readyTimeoutSeconds)), board);
        } catch (LaunchException e) {
            LOG.error("{}", e.getMessage());
            return 2;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("gateway stopping");
            gateway.shutdown(Duration.ofSeconds(10));
        }, "gateway-shutdown"));
        try {
            gateway.run(GatewayMain::report);
        } catch (LaunchException e) {
            LOG.error("{}", e.getMessage());
            return 2;
        }
        return 0;
    }

    private static void report(SlottedGateway.Boot boot) {
        Readiness readiness = boot.gateway().readiness();
        String id = boot.gateway().configuration().value("cn.taihang.gateway", "gatewayId");
        String release = boot.plan().release() + (boot.plan().trying() ? " on trial" : "");
        readiness.warnings().forEach(w -> LOG.warn("{}", w));
        if (readiness.ready()) {
            LOG.info("gateway {} ready in {} ms: {} bundles, {} components active; release {} (slot {})", id, readiness.elapsedMillis(),
                    readiness.bundles(), readiness.activeComponents(), release, boot.plan().slot());
        } else {
            readiness.problems().forEach(p -> LOG.error("{}", p));
            LOG.error("gateway {} is running but NOT fully up after {} ms ({} problems above; release {}); it stays up so the console can be reached",
                    id, readiness.elapsedMillis(), readiness.problems().size(), release);
        }
    }

    private static Path defaultBundlesDir() {
        try {
            Path jar = Paths.get(GatewayMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path candidate = jar.getParent().resolveSibling("bundles");
            return Files.isDirectory(candidate) ? candidate : Paths.get("bundles");
        } catch (Exception e) {
            return Paths.get("bundles");
        }
    }

    /** Reports the launcher's version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"taihang-gateway " + EmbeddedGateway.softwareVersion()};
        }
    }
}
