package cn.taihang.bridge;

import cn.taihang.bridge.broker.BrokerAddress;
import cn.taihang.bridge.testing.TestSecurity;
import cn.taihang.bridge.module.Scopes;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Nested;
import cn.taihang.bridge.testing.EngineSuite;
import cn.taihang.bridge.testing.TestStorage;
import cn.taihang.bridge.testing.TestGateway;
import cn.taihang.bridge.testing.Frames;
import cn.taihang.bridge.testing.Meters;
import cn.taihang.bridge.testing.ApiClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.wire.BridgeState;
import cn.taihang.wire.LifecycleCodec;
import cn.taihang.wire.RecordFrame;
import cn.taihang.wire.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("loopback")
class RestartLoopbackTest {

    @RegisterExtension
    static final TestSecurity SECURITY = new TestSecurity();

    @Nested class OnSqlite extends Contract { OnSqlite() { super(TestStorage.SQLITE); } }

    @Nested class OnPostgresql extends Contract { OnPostgresql() { super(TestStorage.POSTGRESQL); } }

    abstract class Contract extends EngineSuite {

        Contract(TestStorage storage) { super(storage); }

        @TempDir
        Path dir;

        @Test
        void aRecordIsStoredOnceAcrossBridgeRestarts() throws Exception {
            List<RecordFrame> batch = Frames.range(1, 50);
            try (RunningBridge first = BridgeCore.start(SECURITY.secure(storage.options(dir)), List.of()).toCompletableFuture().get();
                 TestGateway gw = TestGateway.online(SECURITY.pki(), first.brokerUrl(), "gaoping-hsr-east", "gw-gp-1")) {
                gw.send(batch);
                await().until(() -> gw.ackedSeqs().size() == 50);
            }
            try (RunningBridge second = BridgeCore.start(SECURITY.secure(storage.options(dir)), List.of()).toCompletableFuture().get();
                 TestGateway gw = TestGateway.online(SECURITY.pki(), second.brokerUrl(), "gaoping-hsr-east", "gw-gp-1");
                 ApiClient http = SECURITY.client(second, Scopes.TELEMETRY_READ, Scopes.METRICS_READ)) {
                gw.send(batch);                                   // the gateway never saw the first ack: it resends
                gw.send(Frames.range(51, 52));
                await().until(() -> gw.ackedSeqs().size() == 52);
                assertThat(Meters.count(second, "bridge.ingest.records", "outcome", "duplicate")).isEqualTo(50);
                assertThat(Meters.count(second, "bridge.ingest.records", "outcome", "new")).isEqualTo(2);
                assertThat(http.json("/api/v1/telemetry?limit=1000").getJsonArray("items")).hasSize(52);
            }
        }

        @Test
        void gatewaysAreOfflineAfterTheEmbeddedBrokerRestarted() throws Exception {
            try (RunningBridge first = BridgeCore.start(SECURITY.secure(storage.options(dir)), List.of()).toCompletableFuture().get();
                 TestGateway gw = TestGateway.online(SECURITY.pki(), first.brokerUrl(), "gaoping-hsr-east", "gw-gp-1");
                 ApiClient http = SECURITY.client(first, Scopes.TELEMETRY_READ, Scopes.METRICS_READ)) {
                gw.birth(1);
                await().until(() -> http.json("/api/v1/gateways").getJsonArray("items").size() == 1);
            }
            try (RunningBridge second = BridgeCore.start(SECURITY.secure(storage.options(dir)), List.of()).toCompletableFuture().get();
                 ApiClient http = SECURITY.client(second, Scopes.TELEMETRY_READ, Scopes.METRICS_READ)) {
                assertThat(http.json("/api/v1/gateways").getJsonArray("items").getJsonObject(0).getBoolean("online")).isFalse();
            }
        }

        /**
         * The bridge under test runs on an external broker (another bridge's embedded one, which stays up): the retained
         * offline state matters where the broker outlives the bridge. With its own embedded broker the state would race the
         * broker's shutdown — the PUBACK says the broker has it, not that the watcher got it.
         */
        @Test
        void eachInstancePublishesItsOwnRetainedStateAndOnlyItsOwnGoesOfflineOnACleanStop() throws Exception {
            LifecycleCodec codec = new LifecycleCodec();
            Map<String, BridgeState> states = new ConcurrentHashMap<>();
            try (RunningBridge host = BridgeCore.start(SECURITY.secure(storage.options(dir.resolve("host"))), List.of()).toCompletableFuture().get();
                 TestGateway watcher = TestGateway.online(SECURITY.pki(), host.brokerUrl(), "gaoping-hsr-east", "gw-state-watcher")) {
                RunningBridge bridge = BridgeCore.start(SECURITY.secure(storage.options(dir.resolve("under-test"))
                        .withExternalBroker(BrokerAddress.parse(host.brokerUrl()))), List.of()).toCompletableFuture().get();
                try {
                    watcher.watch(Topics.bridgeStateFilter(), (topic, payload) -> states.put(topic, codec.decodeBridgeState(payload)));
                    await().until(() -> states.size() == 2 && states.values().stream().allMatch(BridgeState::online));
                    assertThat(states.keySet()).as("one retained state per instance").allMatch(t -> Topics.bridgeInstanceOf(t) != null)
                            .doesNotContain(Topics.BRIDGE_STATE);
                    bridge.closeAsync();
                    await().until(() -> states.values().stream().anyMatch(s -> !s.online()));
                    assertThat(states.values().stream().filter(BridgeState::online).count()).as("the other instance is still online").isEqualTo(1);
                } finally {
                    bridge.close();
                }
            }
        }
    }
}
