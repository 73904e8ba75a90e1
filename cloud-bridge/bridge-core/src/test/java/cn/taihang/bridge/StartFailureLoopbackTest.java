package cn.taihang.bridge;

import cn.taihang.bridge.testing.TestSecurity;
import cn.taihang.bridge.module.Scopes;
import org.junit.jupiter.api.extension.RegisterExtension;
import cn.taihang.bridge.testing.ApiClient;
import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bridge that cannot start says why and what to change, and leaves nothing running (ports, files). */
@Tag("loopback")
class StartFailureLoopbackTest {

    @RegisterExtension
    static final TestSecurity SECURITY = new TestSecurity();

    @TempDir
    Path dir;

    private static Throwable failure(BridgeOptions options) throws Exception {
        CompletableFuture<RunningBridge> start = BridgeCore.start(options, List.of()).toCompletableFuture();
        try {
            start.get().close();
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("started");
    }

    @Test
    void aBusyHttpPortNamesTheOption() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Throwable t = failure(SECURITY.options(dir).withHttpPort(busy.getLocalPort()));
            assertThat(t).hasMessageContaining("--http-port");
        }
        // the failed start released its broker and database: a normal start in the same directory becomes ready
        // (readiness follows the start: the MQTT client may still be retrying its first connection)
        try (RunningBridge again = BridgeCore.start(SECURITY.options(dir), List.of()).toCompletableFuture().get();
             ApiClient http = SECURITY.client(again, Scopes.TELEMETRY_READ, Scopes.METRICS_READ)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                ApiClient.Answer health = http.get("/health");
                assertThat(health.status()).as("/health answered %s", health.body()).isEqualTo(200);
            });
        }
    }

    @Test
    void aBusyMqttPortNamesTheOption() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertThat(failure(SECURITY.options(dir).withMqttPort(busy.getLocalPort()))).hasMessageContaining("--mqtt-port");
        }
    }

    @Test
    void anUnusableDataDirectoryNamesTheOption() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertThat(failure(SECURITY.options(file.resolve("sub")))).hasMessageContaining("--data");
    }
}
