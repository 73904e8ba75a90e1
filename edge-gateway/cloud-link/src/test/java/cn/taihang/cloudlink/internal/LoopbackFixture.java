package cn.taihang.cloudlink.internal;

import cn.taihang.gateway.api.GatewayIdentity;
import cn.taihang.gateway.api.Measurement;
import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.gateway.api.Priority;
import cn.taihang.store.embedded.EmbeddedStore;
import cn.taihang.store.embedded.StoreOptions;
import cn.taihang.wire.Birth;
import cn.taihang.wire.records.RecordKinds;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A real broker, the real store on a temp file, and a test bridge; uplinks made here are closed after each test. */
abstract class LoopbackFixture {

    static final String SITE = "jincheng-hsr-east";
    static final String GATEWAY = "gw-hsr-east-1";
    static final GatewayIdentity IDENTITY = new GatewayIdentity() {
        @Override
        public String gatewayId() {
            return GATEWAY;
        }

        @Override
        public String site() {
            return SITE;
        }

        @Override
        public String siteName() {
            return "晋城高铁东站 Jincheng HSR East";
        }
    };
    static final BirthSource BIRTHS = (bdSeq, time) -> new Birth(1, GATEWAY, SITE, IDENTITY.siteName(), bdSeq, time, "0.1.0-test",
            Map.of("cn.taihang.cloud-link", "0.1.0"), List.of(new Birth.DeviceEntry("post-zw-03/lane-1", "vehicle-counter", "东向 lane 1")),
            null, null);

    @TempDir
    Path dir;
    EmbeddedBroker broker;
    TestBridge bridge;
    EmbeddedStore store;
    private final List<Uplink> uplinks = new ArrayList<>();

    @BeforeEach
    void startWorld() throws Exception {
        store = EmbeddedStore.open(StoreOptions.defaults(dir.resolve("store.db")));
        broker = new EmbeddedBroker().start();
        bridge = new TestBridge(broker.url(), SITE, GATEWAY);
    }

    @AfterEach
    void stopWorld() throws Exception {
        uplinks.forEach(Uplink::close);
        if (bridge != null) {
            bridge.close();
        }
        if (broker != null) {
            broker.close();
        }
        store.close();
    }

    /** Settings for tests: quick backoff, no start-of-drain jitter, small batches. */
    LinkSettings settings(String url) {
        return LinkSettings.defaults(url).withTimings(50, 500, 0, Duration.ofSeconds(30)).withWindow(500, 5);
    }

    Uplink uplink(LinkSettings settings) {
        return uplink(settings, new CommandDispatcher());
    }

    Uplink uplink(LinkSettings settings, CommandDispatcher commands) {
        Uplink uplink = new Uplink(settings, IDENTITY, store.queue(), store.counters(), BIRTHS, commands);
        uplinks.add(uplink);
        uplink.start();
        return uplink;
    }

    long publish(Priority priority, int value) throws Exception {
        OutboundRecord record = new OutboundRecord("post-zw-03/lane-1", RecordKinds.COUNTER_INTERVAL, priority, Instant.now(),
                List.of(Measurement.number("count/short", "count", value)));
        return store.outbox().publish(record).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    long backlog() {
        return store.queue().backlog().values().stream().mapToLong(b -> b.records()).sum();
    }
}
