package cn.taihang.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.bridge.testing.Frames;
import cn.taihang.bridge.testing.Meters;
import cn.taihang.bridge.testing.MosquittoBroker;
import cn.taihang.bridge.testing.TestGateway;
import cn.taihang.bridge.testing.TestSecurity;
import cn.taihang.wire.LifecycleCodec;
import cn.taihang.wire.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failover: two instances behind mosquitto with a shared subscription on one PostgreSQL take batches from four test
 * gateways; one instance is aborted under load ({@link RunningBridge#abort()}: its Vert.x closed without an MQTT
 * DISCONNECT, the in-JVM equivalent of kill -9, so mosquitto publishes its will); the other carries on, the gateways
 * send again what was not acknowledged (as cloud-link does after its ack timeout), and every record is in PostgreSQL
 * exactly once.
 */
@Tag("loopback")
class FailoverLoopbackTest {

    @RegisterExtension
    static final TestSecurity SECURITY = new TestSecurity();
    private static final int GATEWAYS = 4;
    private static final int BATCHES = 60;
    private static final int PER_BATCH = 10;

    @Test
    void oneInstanceKilledUnderLoadLosesNothingAndDoublesNothing(@TempDir Path dir) throws Exception {
        Assertions.assertTrue(MosquittoBroker.installed(), "Debian package mosquitto not installed (apt-get install mosquitto); run ./taihang tools --install (./taihang test does it first)");
        LifecycleCodec codec = new LifecycleCodec();
        Map<String, Boolean> states = new ConcurrentHashMap<>();
        List<TestGateway> gateways = new ArrayList<>();
        ExecutorService senders = Executors.newFixedThreadPool(GATEWAYS);
        try (BridgeCluster cluster = new BridgeCluster(SECURITY, dir, 2)) {
            try (TestGateway watcher = TestGateway.online(SECURITY.pki(), cluster.brokerUrl(), "gaoping-hsr-east", "gw-failover-watcher")) {
                watcher.watch(Topics.bridgeStateFilter(), (topic, payload) -> states.put(Topics.bridgeInstanceOf(topic), codec.decodeBridgeState(payload).online()));
                for (int g = 0; g < GATEWAYS; g++) {
                    gateways.add(TestGateway.online(SECURITY.pki(), cluster.brokerUrl(), "gaoping-hsr-east", "gw-failover-" + g));
                }
                await().until(() -> Map.of("bridge-a", true, "bridge-b", true).equals(states));
                List<Future<?>> load = new ArrayList<>();
                for (TestGateway gw : gateways) {
                    load.add(senders.submit(() -> {
                        for (int b = 0; b < BATCHES; b++) {
                            gw.send(Frames.range((long) b * PER_BATCH + 1, (long) (b + 1) * PER_BATCH));
                        }
                        return null;
                    }));
                }
                await().until(() -> Meters.count(cluster.instance(1), "bridge.ingest.records", "outcome", "new") > 0);
                cluster.abort(1);
                for (Future<?> f : load) {
                    f.get();
                }
                await().until(() -> Boolean.FALSE.equals(states.get("bridge-b")));
                assertThat(states).as("the killed instance's will says offline; the other is still online").containsEntry("bridge-a", true);

                // the gateways send again what was not acknowledged, as cloud-link does after its ack timeout
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                    boolean all = true;
                    for (TestGateway gw : gateways) {
                        for (int b = 0; b < BATCHES; b++) {
                            List<Long> seqs = new ArrayList<>();
                            for (long s = (long) b * PER_BATCH + 1; s <= (long) (b + 1) * PER_BATCH; s++) {
                                seqs.add(s);
                            }
                            if (!gw.ackedSeqs().containsAll(seqs)) {
                                all = false;
                                gw.send(Frames.range(seqs.get(0), seqs.get(seqs.size() - 1)));
                            }
                        }
                    }
                    return all;
                });
                long expected = (long) GATEWAYS * BATCHES * PER_BATCH;
                assertThat(cluster.count("SELECT count(*) FROM records WHERE gateway LIKE 'gw-failover-%'")).as("nothing lost, nothing doubled").isEqualTo(expected);
                assertThat(cluster.count("SELECT count(*) FROM (SELECT DISTINCT gateway, seq FROM records WHERE gateway LIKE 'gw-failover-%') d"))
                        .isEqualTo(expected);
                assertThat(Meters.count(cluster.instance(0), "bridge.ingest.records", "outcome", "new")).as("the survivor carried on").isPositive();
            } finally {
                senders.shutdownNow();
                for (TestGateway gw : gateways) {
                    gw.close();
                }
            }
        }
    }
}
