package cn.taihang.bridge.testing;

import cn.taihang.bridge.BridgeOptions;
import cn.taihang.bridge.ca.testing.TestPki;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** Options of a test bridge: {@link BridgeOptions#ephemeral} with a bridge identity of the test CA. */
public final class TestBridges {

    /** Each bridge its own instance id: two bridges with one id would take each other's MQTT session. */
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private TestBridges() {
    }

    /** @return loopback, free ports, embedded broker, data in {@code dataDir}, a fresh bridge identity of that instance id */
    public static BridgeOptions options(TestPki pki, Path dataDir, String instanceId) {
        return BridgeOptions.ephemeral(dataDir).withIdentityDir(pki.bridge(instanceId));
    }

    /** @return loopback, free ports, embedded broker, data in {@code dataDir}, a fresh bridge identity {@code bridge-<n>} */
    public static BridgeOptions options(TestPki pki, Path dataDir) {
        return BridgeOptions.ephemeral(dataDir).withIdentityDir(pki.bridge("bridge-" + INSTANCES.incrementAndGet()));
    }
}
