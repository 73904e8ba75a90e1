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
        EmbeddedGateway gateway;
        try {
            gateway = EmbeddedGateway.start(new LaunchSpec(config, data, bundlesDir, properties, Duration.ofSeconds(readyTimeoutSeconds)));
        } catch (LaunchException e) {
            LOG.error("{}", e.getMessage());
            return 2;
        }
        Readiness readiness = gateway.readiness();
        String id = gateway.configuration().value("cn.taihang.gateway", "gatewayId");
        readiness.warnings().forEach(w -> LOG.warn("{}", w));
        if (readiness.ready()) {
            LOG.info("gateway {} ready in {} ms: {} bundles, {} components active", id, readiness.elapsedMillis(), readiness.bundles(),
                    readiness.activeComponents());
        } else {
            readiness.problems().forEach(p -> LOG.error("{}", p));
            LOG.error("gateway {} is running but NOT fully up after {} ms ({} problems above); it stays up so the console can be reached",
                    id, readiness.elapsedMillis(), readiness.problems().size());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("gateway {} stopping", id);
            gateway.stop(Duration.ofSeconds(10));
        }, "gateway-shutdown"));
        gateway.framework().waitForStop(0);
        return 0;
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
