package cn.taihang.bridge;

import cn.taihang.bridge.broker.BrokerAddress;
import cn.taihang.bridge.http.ApiRouter;
import cn.taihang.bridge.http.auth.TokenOptions;
import cn.taihang.bridge.storage.PostgresAddress;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Command line: {@code java -jar bridge.jar --identity DIR [--http-port 8080] [--mqtt-port 8883 | --broker ssl://host:port]
 * [--data DIR] [--database postgresql://user@host:port/db [--database-password-file FILE]] [--key-file FILE] [--host 127.0.0.1]
 * [--share-group NAME]}. Runs until SIGTERM or Ctrl-C, then stops gracefully. The database password is never an
 * argument (process lists and shell histories would show it): a file, or the environment variable {@value #PASSWORD_ENV}.
 */
@Command(name = "taihang-bridge", mixinStandardHelpOptions = true, version = "Taihang Edge cloud bridge 0.1.0", subcommands = {TokenCommand.class, MosquittoConfCommand.class, ReleaseCommand.class},
        description = {"Taihang Edge cloud bridge 太行云桥: MQTT ingest (exactly once), telemetry store and HTTP API.",
                "Runs an embedded MQTT broker unless --broker is given."})
public final class BridgeMain implements Callable<Integer> {

    private static final String LOG_CONFIG_PROPERTY = "logback.configurationFile";
    /** The environment variable libpq reads too; used when no password file is given. */
    static final String PASSWORD_ENV = "PGPASSWORD";

    @Option(names = "--http-port", defaultValue = "" + BridgeOptions.DEFAULT_HTTP_PORT, description = "HTTP API port, 0 = a free port (default ${DEFAULT-VALUE})")
    int httpPort;

    @Option(names = "--mqtt-port", defaultValue = "" + BridgeOptions.DEFAULT_MQTT_PORT,
            description = "embedded broker port, 0 = a free port (default ${DEFAULT-VALUE}); ignored with --broker")
    int mqttPort;

    @Option(names = "--broker", paramLabel = "URL", description = "use this broker instead of the embedded one, e.g. ssl://broker:8883 (tcp://broker:1883: plain MQTT, for a lab only)")
    String broker;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = BridgeOptions.DEFAULT_DATA_DIR,
            description = "data directory: the SQLite file bridge.db (unless --database) and the services' files (default ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--database", paramLabel = "URL",
            description = "keep everything in PostgreSQL instead of SQLite: postgresql://user@host:port/database (no password in the URL)")
    String database;

    @Option(names = "--database-password-file", paramLabel = "FILE",
            description = "file holding the PostgreSQL password (first line); without it the environment variable " + PASSWORD_ENV + " is used")
    Path passwordFile;

    @Option(names = "--database-pool", paramLabel = "N", defaultValue = "" + PostgresAddress.DEFAULT_POOL_SIZE,
            description = "PostgreSQL connections for writes, 1-64 (default ${DEFAULT-VALUE}; queries get up to 4 more)")
    int databasePool;

    /** Where the password comes from when no file is given; the process environment. */
    Function<String, String> environment = System::getenv;

    @Option(names = "--host", defaultValue = BridgeOptions.DEFAULT_HOST,
            description = "address to bind (default ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--share-group", paramLabel = "NAME", description = "subscribe as $share/NAME/... to spread load over several bridges (needs a broker that supports it)")
    String shareGroup;

    @Option(names = "--client-id", paramLabel = "ID", description = "MQTT client id (default: the identity's id)")
    String clientId;

    @Option(names = "--identity", paramLabel = "DIR",
            description = "the bridge instance's identity directory (key.pem, cert.pem, ca.pem, crl.pem; `pki enrol-bridge`): "
                    + "its MQTT client certificate, the embedded broker's server certificate and its HTTPS certificate")
    Path identityDir;

    @Option(names = "--token-keys", paramLabel = "FILE", description = "trust bearer tokens signed by these keys (JWKS or PEM public keys) of an "
            + "external identity provider instead of the local issuer in <data>/secrets (repeatable)")
    List<Path> tokenKeys = new ArrayList<>();

    @Option(names = "--token-issuer", paramLabel = "ISS", defaultValue = TokenOptions.LOCAL_ISSUER,
            description = "the iss of an external provider's tokens (default ${DEFAULT-VALUE}, the local issuer's)")
    String tokenIssuer;

    @Option(names = "--token-audience", paramLabel = "AUD", defaultValue = TokenOptions.DEFAULT_AUDIENCE,
            description = "the aud tokens must carry (default ${DEFAULT-VALUE})")
    String tokenAudience;

    @Option(names = "--token-skew", paramLabel = "SECONDS", defaultValue = "" + TokenOptions.DEFAULT_LEEWAY_SECONDS,
            description = "clock skew allowed on token times, 0-" + TokenOptions.MAX_LEEWAY_SECONDS + " s (default ${DEFAULT-VALUE})")
    int tokenSkew;

    @Option(names = "--key-file", paramLabel = "FILE",
            description = "key that encrypts the ticket and command signing keys in the database; created owner-only if missing, never inside --data "
                    + "(default: <data>-secrets/" + BridgeOptions.DEFAULT_KEY_FILE_NAME + " beside the data directory)")
    Path keyFile;

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
        if (database == null && passwordFile != null) {
            throw new IllegalArgumentException("--database-password-file needs --database");
        }
        PostgresAddress postgres = database == null ? null : PostgresAddress.parse(database, password()).withPoolSize(databasePool);
        TokenOptions tokens = tokenKeys.isEmpty() ? TokenOptions.local(dataDir.resolve(BridgeOptions.SECRETS_DIR))
                : TokenOptions.external(tokenIssuer, tokenAudience, tokenKeys);
        return new BridgeOptions(host, httpPort, mqttPort, external, dataDir, shareGroup, clientId, identityDir,
                tokens.withLeeway(Duration.ofSeconds(tokenSkew)), postgres, keyFile);
    }

    private String password() {
        if (passwordFile == null) {
            return environment.apply(PASSWORD_ENV);
        }
        try {
            List<String> lines = Files.readAllLines(passwordFile);
            if (lines.isEmpty() || lines.get(0).isEmpty()) {
                throw new IllegalArgumentException("the password file " + passwordFile + " is empty; put the password on its first line");
            }
            return lines.get(0);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the password file " + passwordFile + " (" + e.getMessage() + "); check the path and its permissions", e);
        }
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
        out.println("太行云桥已就绪 Taihang bridge ready");
        if (bridge.httpPort() < 0) {
            out.println("  HTTP API    off: no bridge identity (--identity DIR); it is served over HTTPS only");
        } else {
            String http = bridge.httpUrl();
            out.println("  HTTP API    " + http + "/api/v1/gateways , " + http + "/api/v1/telemetry  (HTTPS; bearer tokens: taihang-bridge token --help)");
            out.println("  OpenAPI     " + http + ApiRouter.OPENAPI_PATH);
            out.println("  Metrics     " + http + "/metrics");
            out.println("  Health      " + http + "/health , " + http + "/health/live , " + http + "/health/ready");
        }
        out.println("  MQTT broker " + bridge.brokerUrl() + (bridge.embeddedBroker() ? " (embedded, TLS, client certificates required)" : " (external)"));
        out.println("  Database    " + bridge.databaseLocation());
        out.println("  Command key " + bridge.commandAnchor().current().keyId() + " (" + bridge.commandAnchor().current().algorithm().label()
                + "); gateways pin GET /api/v1/command-keys as command-anchor.json at enrolment");
        out.println("按 Ctrl-C 停止 Press Ctrl-C to stop.");
    }
}
