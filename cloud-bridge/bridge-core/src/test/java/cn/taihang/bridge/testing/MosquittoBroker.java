package cn.taihang.bridge.testing;

import static org.awaitility.Awaitility.await;

import cn.taihang.bridge.broker.MosquittoConf;
import cn.taihang.bridge.ca.testing.TestPki;
import cn.taihang.identity.IdentityFiles;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto (Debian package {@code mosquitto}) started by the test on a free port, as an external broker, with the
 * configuration {@link MosquittoConf} generates: TLS with client certificates of the test CA, its identity's CN as user
 * name, the ACL of the gateways and of the named bridge instances.
 */
public final class MosquittoBroker implements AutoCloseable {

    private final Path config;
    private final int port;
    private Process process;

    private final Path identity;

    /**
     * @param dir where the configuration, the ACL and the log go
     * @param pki the test CA: the broker gets an identity of kind broker from it
     * @param bridgeIds the bridge instances the ACL lets read what gateways send
     */
    public MosquittoBroker(Path dir, TestPki pki, String... bridgeIds) throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        identity = pki.broker("mosquitto-" + port);
        // "user root": as root, mosquitto would otherwise switch to user mosquitto, which cannot read the temp dir
        config = new MosquittoConf("127.0.0.1", port, IdentityFiles.in(identity), List.of(bridgeIds),
                List.of("persistence false", "user root", "log_type all")).writeTo(dir.resolve("mosquitto-" + port));
    }

    /** @return the broker's identity directory (its {@code crl.pem} is the one mosquitto reads) */
    public Path identityDir() {
        return identity;
    }

    public static boolean installed() {
        return Files.isExecutable(Path.of("/usr/sbin/mosquitto"));
    }

    public MosquittoBroker start() throws IOException {
        process = new ProcessBuilder("/usr/sbin/mosquitto", "-c", config.toString()).redirectErrorStream(true)
                .redirectOutput(config.resolveSibling("mosquitto.log").toFile()).start();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            }
        });
        return this;
    }

    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
            process = null;
        }
    }

    /** @return {@code ssl://127.0.0.1:<port>} */
    public String url() {
        return "ssl://127.0.0.1:" + port;
    }

    /** @return the log mosquitto writes (its refusals, for assertions) */
    public String log() throws IOException {
        Path log = config.resolveSibling("mosquitto.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
