package cn.taihang.cloudlink.internal;

import cn.taihang.gateway.api.GatewayIdentity;
import cn.taihang.gateway.api.Measurement;
import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.gateway.api.Priority;
import cn.taihang.store.embedded.EmbeddedStore;
import cn.taihang.store.embedded.StoreOptions;
import cn.taihang.store.ledger.SqliteLedger;
import cn.taihang.wire.Birth;
import cn.taihang.wire.testing.TestCommandKeys;
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

        @Override
        public Path identityDir() {
            return Path.of("no-identity: these tests reach a plain tcp:// broker and hand the command guard its own directory");
        }
    };
    static final BirthSource BIRTHS = (bdSeq, time) -> new Birth(1, GATEWAY, SITE, IDENTITY.siteName(), bdSeq, time, "0.1.0-test",
            Map.of("cn.taihang.cloud-link", "0.1.0"), List.of(new Birth.DeviceEntry("post-zw-03/lane-1", "vehicle-counter", "东向 lane 1")),
            null, null);

    /** @return the identity of a gateway enrolled as {@code id} at {@code site}, its files in {@code identityDir} */
    static GatewayIdentity enrolledAs(String id, String site, Path identityDir) {
        return new GatewayIdentity() {
            @Override
            public String gatewayId() {
                return id;
            }

            @Override
            public String site() {
                return site;
            }

            @Override
            public String siteName() {
                return site;
            }

            @Override
            public Path identityDir() {
                return identityDir;
            }
        };
    }

    @TempDir
    Path dir;
    EmbeddedBroker broker;
    TestBridge bridge;
    EmbeddedStore store;
    /** The bridge's command key as these tests play it; its anchor is in {@link #identityDir()}. */
    final TestCommandKeys keys = new TestCommandKeys();
    private final List<Uplink> uplinks = new ArrayList<>();
    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeEach
    void startWorld() throws Exception {
        store = EmbeddedStore.open(StoreOptions.defaults(dir.resolve("store.db")));
        broker = new EmbeddedBroker().start();
        bridge = new TestBridge(broker.url(), SITE, GATEWAY);
    }

    @AfterEach
    void stopWorld() throws Exception {
        uplinks.forEach(Uplink::close);
        for (AutoCloseable c : closing) {
            c.close();
        }
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
        return uplink(settings, commands());
    }

    /** @return the gateway's identity directory, holding the anchor of {@link #keys} */
    Path identityDir() {
        Path identity = dir.resolve("identity");
        if (!java.nio.file.Files.exists(identity.resolve(cn.taihang.wire.command.CommandAnchor.FILE_NAME))) {
            keys.writeAnchor(identity);
        }
        return identity;
    }

    /** @return a dispatcher whose guard trusts {@link #keys}, its replay marks in a real ledger file beside the store */
    CommandDispatcher commands() {
        try {
            SqliteLedger ledger = SqliteLedger.open(dir.resolve("ledger.db"), System::currentTimeMillis);
            closing.add(ledger);
            CommandDispatcher commands = new CommandDispatcher(new CommandGuard(GATEWAY, identityDir(), 60_000, new LedgerReplayMarks(ledger),
                    System::currentTimeMillis));
            commands.outbox(store.outbox());
            closing.add(0, commands);
            return commands;
        } catch (java.io.IOException | java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
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
