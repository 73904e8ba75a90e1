package cn.taihang.bridge;

import cn.taihang.bridge.testing.TestSecurity;
import cn.taihang.bridge.module.Scopes;
import org.junit.jupiter.api.extension.RegisterExtension;
import cn.taihang.bridge.testing.TestGateway;
import cn.taihang.bridge.testing.Frames;
import cn.taihang.bridge.testing.Meters;
import cn.taihang.bridge.testing.MosquittoBroker;
import cn.taihang.bridge.testing.ApiClient;
import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.bridge.broker.BrokerAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scale-out against a real external broker: shared subscriptions over two bridges, and broker restarts. */
@Tag("loopback")
class MosquittoLoopbackTest {

    @RegisterExtension
    static final TestSecurity SECURITY = new TestSecurity();

    @TempDir
    Path dir;

    @BeforeEach
    void needsMosquitto() {
        Assertions.assertTrue(MosquittoBroker.installed(), "Debian package mosquitto not installed (apt-get install mosquitto); run ./taihang tools --install (./taihang test does it first)");
    }

    private BridgeOptions options(String name, MosquittoBroker broker) {
        return SECURITY.secure(BridgeOptions.ephemeral(dir.resolve(name)), "bridge-" + name).withExternalBroker(BrokerAddress.parse(broker.url()));
    }

    @Test
    void aShareGroupSpreadsBatchesOverTwoBridgesAndEachRecordIsStoredOnce() throws Exception {
        try (MosquittoBroker broker = new MosquittoBroker(dir, SECURITY.pki(), "bridge-a", "bridge-b").start();
             RunningBridge first = BridgeCore.start(options("a", broker).withShareGroup("bridge"), List.of()).toCompletableFuture().get();
             RunningBridge second = BridgeCore.start(options("b", broker).withShareGroup("bridge"), List.of()).toCompletableFuture().get();
             TestGateway gw = TestGateway.online(SECURITY.pki(), broker.url(), "wangmangling", "gw-wml-1")) {
            for (int b = 0; b < 20; b++) {
                gw.send(Frames.range(b * 10L, b * 10L + 9));
            }
            await().until(() -> gw.ackedSeqs().size() == 200);
            double a = Meters.count(first, "bridge.ingest.records", "outcome", "new");
            double c = Meters.count(second, "bridge.ingest.records", "outcome", "new");
            assertThat(a + c).as("each record stored by exactly one bridge").isEqualTo(200);
            assertThat(a).as("both bridges took a share").isPositive();
            assertThat(c).as("both bridges took a share").isPositive();
            assertThat(gw.acks()).as("one ack per batch").hasSize(20);
        }
    }

    @Test
    void theBridgeReconnectsWhenTheBrokerComesBack() throws Exception {
        MosquittoBroker broker = new MosquittoBroker(dir, SECURITY.pki(), "bridge-a", "bridge-b").start();
        try (RunningBridge bridge = BridgeCore.start(options("a", broker), List.of()).toCompletableFuture().get();
             ApiClient http = SECURITY.client(bridge, Scopes.TELEMETRY_READ, Scopes.METRICS_READ)) {
            await().until(() -> http.get("/health").status() == 200);
            broker.stop();
            await().until(() -> http.get("/health").status() == 503);
            assertThat(http.get("/health").json().getString("mqtt")).isEqualTo("DOWN");
            broker.start();
            await().until(() -> http.get("/health").status() == 200);
            try (TestGateway gw = TestGateway.online(SECURITY.pki(), broker.url(), "wangmangling", "gw-wml-2")) {
                gw.send(Frames.range(1, 2));
                await().until(() -> gw.ackedSeqs().size() == 2);
            }
        } finally {
            broker.close();
        }
    }

    @Test
    void startsWhileTheBrokerIsDownAndConnectsWhenItIsUp() throws Exception {
        MosquittoBroker broker = new MosquittoBroker(dir, SECURITY.pki(), "bridge-a", "bridge-b");
        try (RunningBridge bridge = BridgeCore.start(options("a", broker), List.of()).toCompletableFuture().get();
             ApiClient http = SECURITY.client(bridge, Scopes.TELEMETRY_READ, Scopes.METRICS_READ)) {
            assertThat(http.get("/health").json().getString("status")).isEqualTo("DOWN");
            broker.start();
            await().until(() -> http.get("/health").status() == 200);
        } finally {
            broker.close();
        }
    }
}
