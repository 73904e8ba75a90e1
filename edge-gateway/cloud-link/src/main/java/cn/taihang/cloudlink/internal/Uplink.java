package cn.taihang.cloudlink.internal;

import cn.taihang.cloudlink.internal.LinkStats.BridgeView;
import cn.taihang.cloudlink.internal.LinkStats.State;
import cn.taihang.gateway.api.GatewayIdentity;
import cn.taihang.gateway.api.HealthReport;
import cn.taihang.gateway.api.worker.DaemonThreads;
import cn.taihang.gateway.spi.DurableCounters;
import cn.taihang.gateway.spi.RecordQueue;
import cn.taihang.wire.BatchCodec;
import cn.taihang.wire.Death;
import cn.taihang.wire.LifecycleCodec;
import cn.taihang.wire.Topics;
import cn.taihang.wire.command.CommandKeyRotation;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT uplink, without any OSGi: connects with its own capped, jittered backoff (Paho's automatic
 * reconnect is off), announces itself Sparkplug-style (a birth on every connect, its death as the will and on
 * a clean stop, a fresh {@code bdSeq} per connect) and drains the store while the bridge is online.
 *
 * <p>Every state change runs on one thread ({@code taihang-uplink}); Paho's callbacks only hand events to it.
 * Bridge state: while every bridge instance heard ({@link Topics#bridgeState(String)}, or the legacy
 * {@link Topics#BRIDGE_STATE}) says offline the drain holds; one instance online is enough. If no
 * state has arrived within {@code bridgeStateGraceMillis} of connecting (a broker that lost its retained
 * messages, a bridge that does not publish one) the bridge is taken as online: sending to an absent bridge
 * costs only bandwidth, as records are deleted only on the bridge's acknowledgement and are re-sent after
 * {@code ackTimeout}.
 */
public final class Uplink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Uplink.class);
    /** Room in Paho's in-flight limit for births and the death beside the data batches. */
    private static final int LIFECYCLE_MESSAGES = 4;
    /** How long a burst of inventory changes (devices registering at start) may last and still make one new birth. */
    private static final long INVENTORY_SETTLE_MILLIS = 200;

    private final LinkSettings settings;
    private final RecordQueue queue;
    private final DurableCounters counters;
    private final BirthSource births;
    private final LifecycleCodec lifecycle = new LifecycleCodec();
    private final BatchCodec data = new BatchCodec();
    private final String gatewayId;
    private final String site;
    private final UplinkIdentity uplinkIdentity;
    private final String birthTopic;
    private final String deathTopic;
    private final String dataTopic;
    private final String ackTopic;
    private final String[] subscriptions;
    private final ScheduledExecutorService loop;
    private final Backoff backoff;
    private final Drain drain;
    private final Inbound inbound;
    private final LinkStats stats;
    private final LoopCallbacks callbacks;
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private final AtomicBoolean rebirthQueued = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private MqttAsyncClient client;
    private UplinkCredentials credentials;
    private ScheduledFuture<?> drainTimer;
    private int generation;
    private long connectedAtMillis;
    private long drainNotBeforeNanos;
    private long bridgeGraceUntilNanos;

    /**
     * @param settings the validated settings
     * @param identity who this gateway is (topics, client id)
     * @param queue the store's records
     * @param counters where {@code bdSeq} is kept
     * @param births makes birth messages
     */
    public Uplink(LinkSettings settings, GatewayIdentity identity, RecordQueue queue, DurableCounters counters, BirthSource births) {
        this(settings, identity, queue, counters, births,
                new CommandDispatcher(new CommandGuard(identity.gatewayId(), null, 0, new MemoryReplayMarks(), System::currentTimeMillis)));
    }

    /**
     * @param settings the validated settings
     * @param identity who this gateway is (topics, client id)
     * @param queue the store's records
     * @param counters where {@code bdSeq} is kept
     * @param births makes birth messages
     * @param commands takes the bridge's commands
     */
    Uplink(LinkSettings settings, GatewayIdentity identity, RecordQueue queue, DurableCounters counters, BirthSource births,
           CommandDispatcher commands) {
        this.settings = settings;
        this.queue = queue;
        this.counters = counters;
        this.births = births;
        this.gatewayId = identity.gatewayId();
        this.site = identity.site();
        this.uplinkIdentity = new UplinkIdentity(settings, gatewayId, site, identity.identityDir());
        this.birthTopic = Topics.birth(site, gatewayId);
        this.deathTopic = Topics.death(site, gatewayId);
        this.dataTopic = Topics.data(site, gatewayId);
        this.ackTopic = Topics.ack(site, gatewayId);
        String commandFilter = Topics.commandFilter(site, gatewayId);
        // the command key rotation first: its retained message then reaches the gateway before the commands the new key signed
        this.subscriptions = new String[] {Topics.fleetCommand(CommandKeyRotation.COMMAND), ackTopic, commandFilter, Topics.fleetCommandFilter(),
                Topics.BRIDGE_STATE, Topics.bridgeStateFilter()};
        this.stats = new LinkStats(settings.brokerUrl());
        this.backoff = new Backoff(settings.backoffInitialMillis(), settings.backoffMaxMillis(), new SplittableRandom());
        this.drain = new Drain(settings, queue, data, gatewayId, stats);
        this.loop = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("taihang-uplink-" + gatewayId));
        this.callbacks = new LoopCallbacks(loop);
        this.inbound = new Inbound(ackTopic, commandFilter, queue, drain, stats, data, lifecycle, () -> callbacks.run(this::rebirth), this::requestDrain,
                commands, uplinkIdentity::installCrl);
    }

    /** Starts connecting; returns at once. */
    public void start() {
        callbacks.run(() -> {
            try {
                client = new MqttAsyncClient(settings.brokerUrl(), gatewayId, new MemoryPersistence());
            } catch (MqttException e) {
                stats.lost("cannot create the MQTT client: " + e.getMessage(), 0);
                stats.state(State.CLOSED);
                LOG.error("The uplink cannot start: {}. Check brokerUrl of {}", e.getMessage(), CloudLinkConfig.PID);
                return;
            }
            stats.state(State.DISCONNECTED);
            connect();
        });
        queue.onRecordsAvailable(this::requestDrain);
    }

    private void connect() {
        if (stats.state() != State.DISCONNECTED) {
            return;
        }
        stats.state(State.CONNECTING);
        stats.connectAttempts.incrementAndGet();
        int gen = ++generation;
        long bdSeq;
        try {
            bdSeq = counters.incrementAndGet("bdSeq");
            credentials = uplinkIdentity.credentials();
        } catch (RuntimeException | IOException | GeneralSecurityException e) {
            lost(gen, e);
            return;
        }
        MqttConnectOptions options = settings.connectOptions(LIFECYCLE_MESSAGES, credentials);
        options.setWill(deathTopic, lifecycle.encodeDeath(new Death(1, gatewayId, bdSeq)), 1, false);
        client.setCallback(callbacks.connection(cause -> lost(gen, cause), (topic, payload) -> onMessage(gen, topic, payload)));
        try {
            client.connect(options, null, callbacks.listener(() -> connected(gen, bdSeq), e -> lost(gen, e)));
        } catch (MqttException e) {
            lost(gen, e);
        }
    }

    private void connected(int gen, long bdSeq) {
        if (gen != generation || stats.state() != State.CONNECTING) {
            return;
        }
        connectedAtMillis = System.currentTimeMillis();
        stats.connected(bdSeq, connectedAtMillis);
        stats.bridge(BridgeView.UNKNOWN);
        inbound.connected();
        backoff.reset();
        long now = System.nanoTime();
        long jitter = settings.reconnectJitterMillis() == 0 ? 0 : ThreadLocalRandom.current().nextLong(settings.reconnectJitterMillis() + 1);
        drainNotBeforeNanos = now + TimeUnit.MILLISECONDS.toNanos(jitter);
        bridgeGraceUntilNanos = now + TimeUnit.MILLISECONDS.toNanos(settings.bridgeStateGraceMillis());
        drain.reset(now);
        LOG.info("Uplink connected to {} as {} (bdSeq {}); draining starts in {} ms", settings.brokerUrl(), gatewayId, bdSeq, jitter);
        try {
            client.subscribe(subscriptions, new int[] {1, 1, 1, 1, 1, 1}, null, callbacks.listener(() -> { }, e -> lost(gen, e)));
            publishBirth(gen);
        } catch (MqttException e) {
            lost(gen, e);
            return;
        }
        scheduleAckCheck(gen);
        requestDrain();
    }

    private void publishBirth(int gen) throws MqttException {
        byte[] payload;
        try {
            payload = lifecycle.encodeBirth(births.birth(stats.bdSeq(), System.currentTimeMillis())
                    .withCertificateChain(credentials.certificateChain()));
        } catch (RuntimeException e) {
            LOG.error("The birth message could not be made; the bridge will not know this gateway's inventory", e);
            return;
        }
        client.publish(birthTopic, payload, 1, false, null, callbacks.listener(() -> { }, e -> lost(gen, e)));
        stats.births.incrementAndGet();
    }

    /** The connection is gone (or never came): release what was in flight and try again after a backoff. */
    private void lost(int gen, Throwable cause) {
        if (gen != generation || (stats.state() != State.CONNECTED && stats.state() != State.CONNECTING)) {
            return;
        }
        try {
            if (client.isConnected()) {
                client.disconnectForcibly(0, 1000, false);
            }
        } catch (MqttException e) {
            LOG.debug("Dropping the connection: {}", e.getMessage());
        }
        queue.releaseAll();
        drain.reset(System.nanoTime());
        long delay = backoff.nextDelayMillis();
        String error = LinkStats.describe(cause);
        stats.lost(error, System.currentTimeMillis() + delay);
        if (backoff.attempts() <= 1 || backoff.attempts() % 20 == 0) {
            LOG.warn("Uplink to {} lost or refused: {}. Retrying in {} ms (attempt {}); records are kept", settings.brokerUrl(), error,
                    delay, backoff.attempts());
        }
        generation++;
        loop.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private void onMessage(int gen, String topic, byte[] payload) {
        if (gen == generation && stats.state() == State.CONNECTED) {
            inbound.onMessage(topic, payload);
        }
    }

    private void rebirth() {
        int gen = generation;
        try {
            publishBirth(gen);
        } catch (MqttException e) {
            lost(gen, e);
        }
    }

    /**
     * The gateway's inventory (its devices) changed: while connected, a new birth (same {@code bdSeq}) tells the bridge,
     * since the birth of the connect may have been made before a device registered. Changes within
     * {@value #INVENTORY_SETTLE_MILLIS} ms make one birth; while disconnected nothing is sent (the next connect's birth has
     * them). Returns at once.
     */
    void inventoryChanged() {
        if (rebirthQueued.compareAndSet(false, true)) {
            callbacks.run(() -> loop.schedule(this::rebirthIfConnected, INVENTORY_SETTLE_MILLIS, TimeUnit.MILLISECONDS));
        }
    }

    private void rebirthIfConnected() {
        rebirthQueued.set(false);
        if (stats.state() == State.CONNECTED) {
            rebirth();
        }
    }

    /** Asks for a drain step on the uplink's thread; many requests before it runs make one step. */
    private void requestDrain() {
        if (drainQueued.compareAndSet(false, true)) {
            callbacks.run(this::drainStep);
        }
    }

    private void drainStep() {
        drainQueued.set(false);
        if (stats.state() != State.CONNECTED) {
            return;
        }
        long now = System.nanoTime();
        if (now - drainNotBeforeNanos < 0) {
            later(drainNotBeforeNanos - now);
            return;
        }
        if (stats.bridge() == BridgeView.OFFLINE) {
            stats.drainHeld.incrementAndGet();
            return;
        }
        if (stats.bridge() == BridgeView.UNKNOWN && now - bridgeGraceUntilNanos < 0) {
            later(bridgeGraceUntilNanos - now);
            return;
        }
        int gen = generation;
        try {
            long next = drain.step(payload -> client.publish(dataTopic, payload, 1, false, null,
                    callbacks.listener(() -> published(gen), e -> lost(gen, e))), connectedAtMillis, now);
            if (next == Drain.AGAIN) {
                requestDrain();
            } else if (next > 0) {
                later(next);
            }
        } catch (Exception e) {
            lost(gen, e);
        }
    }

    private void published(int gen) {
        if (gen == generation) {
            drain.published();
            requestDrain();
        }
    }

    /** Schedules a drain step, keeping one timer: the earlier of the pending one and this. */
    private void later(long nanos) {
        if (drainTimer != null && !drainTimer.isDone()) {
            if (drainTimer.getDelay(TimeUnit.NANOSECONDS) <= nanos) {
                return;
            }
            drainTimer.cancel(false);
        }
        drainTimer = loop.schedule(this::requestDrain, nanos, TimeUnit.NANOSECONDS);
    }

    private void scheduleAckCheck(int gen) {
        long period = Math.max(250, settings.ackTimeout().toMillis() / 4);
        loop.schedule(() -> {
            if (gen != generation || stats.state() != State.CONNECTED) {
                return;
            }
            if (drain.ackOverdue(System.nanoTime())) {
                stats.ackTimeouts.incrementAndGet();
                LOG.warn("The bridge did not acknowledge {} records within {} s; sending them again. Is the bridge ingesting?",
                        drain.unacknowledged(), settings.ackTimeout().toSeconds());
                drain.forgetUnacknowledged();
                queue.releaseAll();
                requestDrain();
            }
            scheduleAckCheck(gen);
        }, period, TimeUnit.MILLISECONDS);
    }

    /** @return the {@code uplink} health report */
    public HealthReport health() {
        return stats.health(queue.inFlight());
    }

    LinkStats stats() {
        return stats;
    }

    /** Publishes the death and disconnects cleanly (so the broker does not send the will), then stops. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        queue.onRecordsAvailable(null);
        try {
            loop.submit(this::shutdown).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("The uplink did not stop cleanly: {}", e.toString());
        }
        loop.shutdownNow();
        queue.releaseAll();
    }

    private void shutdown() {
        State was = stats.state();
        stats.state(State.CLOSED);
        generation++;
        if (client == null) {
            return;
        }
        boolean clean = false;
        try {
            if (was == State.CONNECTED && client.isConnected()) {
                client.publish(deathTopic, lifecycle.encodeDeath(new Death(1, gatewayId, stats.bdSeq())), 1, false).waitForCompletion(3000);
                client.disconnect(1000).waitForCompletion(3000);
                clean = true;
            }
        } catch (MqttException e) {
            LOG.warn("Clean disconnect from {} failed: {}", settings.brokerUrl(), e.getMessage());
        }
        if (!clean) {
            // also when a connect is in flight: Paho refuses to close a connecting client, whose receiver thread would then
            // outlive this bundle (after a framework restart it dies on a class of the stopped bundle)
            try {
                client.disconnectForcibly(0, 1000, false);
            } catch (MqttException e) {
                LOG.debug("Dropping the connection: {}", e.getMessage());
            }
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("Closing the MQTT client: {}", e.getMessage());
        }
    }
}
