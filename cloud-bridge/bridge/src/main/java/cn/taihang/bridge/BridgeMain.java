package cn.taihang.bridge;

import cn.taihang.bridge.broker.BrokerAddress;
import cn.taihang.bridge.http.ApiRouter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Command line: {@code java -jar bridge.jar --identity DIR [--http-port 8080] [--mqtt-port 8883 | --broker ssl://host:port]
 * [--data DIR] [--host 127.0.0.1] [--share-group NAME]}. Runs until SIGTERM or Ctrl-C, then stops gracefully.
 */
@Command(name = "taihang-bridge", mixinStandardHelpOptions = true, version = "Taihang Edge cloud bridge 0.1.0",
        description = {"Taihang Edge cloud bridge 太行云桥: MQTT ingest (exactly once), telemetry store and HTTP API.",
                "Runs an embedded MQTT broker unless --broker is given."})
public final class BridgeMain implements Callable<Integer> {

    private static final String LOG_CONFIG_PROPERTY = "logback.configurationFile";

    @Option(names = "--http-port", defaultValue = "" + BridgeOptions.DEFAULT_HTTP_PORT, description = "HTTP API port, 0 = a free port (default ${DEFAULT-VALUE})")
    int httpPort;

    @Option(names = "--mqtt-port", defaultValue = "" + BridgeOptions.DEFAULT_MQTT_PORT,
            description = "embedded broker port, 0 = a free port (default ${DEFAULT-VALUE}); ignored with --broker")
    int mqttPort;

    @Option(names = "--broker", paramLabel = "URL", description = "use this broker instead of the embedded one, e.g. tcp://broker:1883 or ssl://broker:8883")
    String broker;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = BridgeOptions.DEFAULT_DATA_DIR, description = "directory of the SQLite files (default ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--host", defaultValue = BridgeOptions.DEFAULT_HOST,
            description = "address to bind (default ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--share-group", paramLabel = "NAME", description = "subscribe as $share/NAME/... to spread load over several bridges (needs a broker that supports it)")
    String shareGroup;

    @Option(names = "--client-id", paramLabel = "ID", description = "MQTT client id (default: the identity's id)")
    String clientId;

    @Option(names = "--identity", paramLabel = "DIR",
            description = "the bridge instance's identity directory (key.pem, cert.pem, ca.pem, crl.pem; `pki enrol-bridge`): "
                    + "its MQTT client certificate and the embedded broker's server certificate")
    Path identityDir;

    /** Runs the command line; exits with 0 after a clean stop, 1 if the bridge could not start, 2 on bad options. */
    public static void main(String[] args) {
        if (System.getProperty(LOG_CONFIG_PROPERTY) == null) {
            System.setProperty(LOG_CONFIG_PROPERTY, "cn/taihang/bridge/logback-cli.xml");
        }
        System.exit(new CommandLine(new BridgeMain()).execute(args));
    }

    /** @return the options these arguments stand for; throws IllegalArgumentException naming what to fix */
    BridgeOptions toOptions() {
        BrokerAddress external = broker == null ? null : BrokerAddress.parse(broker);
        return new BridgeOptions(host, httpPort, mqttPort, external, dataDir, shareGroup, clientId, identityDir);
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = new PrintWriter(System.out, true);
        BridgeOptions options;
        try {
            options = toOptions();
        } catch (IllegalArgumentException e) {
            System.err.println("配置错误 Bad option: " + e.getMessage());
            return 2;
        }
        RunningBridge bridge;
        try {
            bridge = Bridge.start(options).toCompletableFuture().get();
        } catch (ExecutionException e) {
            System.err.println("桥接启动失败 The bridge could not start: " + e.getCause().getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("正在停止 Stopping the bridge…");
            bridge.close();
            stopped.countDown();
        }, "bridge-shutdown"));
        printReady(out, bridge);
        stopped.await();
        return 0;
    }

    static void printReady(PrintWriter out, RunningBridge bridge) {
        String http = bridge.httpUrl();
        out.println("太行云桥已就绪 Taihang bridge ready");
        out.println("  HTTP API    " + http + "/api/v1/gateways , " + http + "/api/v1/telemetry");
        out.println("  OpenAPI     " + http + ApiRouter.OPENAPI_PATH);
        out.println("  Metrics     " + http + "/metrics");
        out.println("  Health      " + http + "/health");
        out.println("  MQTT broker " + bridge.brokerUrl() + (bridge.embeddedBroker() ? " (embedded, TLS, client certificates required)" : " (external)"));
        out.println("  Database    " + bridge.databaseFile());
        out.println("按 Ctrl-C 停止 Press Ctrl-C to stop.");
    }
}
