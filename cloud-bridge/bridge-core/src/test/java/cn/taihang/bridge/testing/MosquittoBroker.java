package cn.taihang.bridge.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A real Mosquitto (Debian package {@code mosquitto}) started by the test on a free port, as an external broker. */
public final class MosquittoBroker implements AutoCloseable {

    private final Path config;
    private final int port;
    private Process process;

    public MosquittoBroker(Path dir) throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        config = dir.resolve("mosquitto.conf");
        // "user root": as root, mosquitto would otherwise switch to user mosquitto, which cannot read the temp dir
        Files.writeString(config, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\nuser root\n");
    }

    public static boolean installed() {
        return Files.isExecutable(Path.of("/usr/sbin/mosquitto"));
    }

    public MosquittoBroker start() throws IOException {
        process = new ProcessBuilder("/usr/sbin/mosquitto", "-c", config.toString()).redirectErrorStream(true)
                .redirectOutput(config.resolveSibling("mosquitto-" + port + ".log").toFile()).start();
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

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
