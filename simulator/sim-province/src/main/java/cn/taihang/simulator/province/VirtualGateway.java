package cn.taihang.simulator.province;

import cn.taihang.wire.Ack;
import cn.taihang.wire.BatchCodec;
import cn.taihang.wire.Birth;
import cn.taihang.wire.DataBatch;
import cn.taihang.wire.Death;
import cn.taihang.wire.LifecycleCodec;
import cn.taihang.wire.RecordFrame;
import cn.taihang.wire.SenmlCodec;
import cn.taihang.wire.SenmlRecord;
import cn.taihang.wire.Topics;
import cn.taihang.wire.WireFormatException;
import cn.taihang.wire.records.CounterInterval;
import cn.taihang.wire.records.RecordKind;
import cn.taihang.wire.records.RecordKinds;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.TrustOptions;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.mqtt.messages.MqttPublishMessage;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One lightweight virtual gateway: a Vert.x MQTT client on its own event-loop context, with its own certificate over
 * mutual TLS, speaking the cloud link's protocol — a birth with its certificate chain on every connect, its death as
 * the will and on a clean stop, {@code counter.interval} records of its lanes in version-1 data batches within an
 * in-flight window, held while the bridge says it is offline, forgotten only on the bridge's acknowledgement and sent
 * again when that is overdue or the connection was lost ({@link Outbox}).
 */
public final class VirtualGateway extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(VirtualGateway.class);
    private static final int LANES = 4;
    private static final int WINDOW_RECORDS = 256;
    private static final int BATCH_RECORDS = 64;
    private static final int MAX_UNCONFIRMED_PUBLISHES = 16;
    private static final long BRIDGE_STATE_GRACE_MILLIS = 3_000;
    private static final String SOFTWARE = "taihang-province-sim 0.1.0";

    private final ProvinceRoster.GatewaySpec spec;
    private final GatewayCredential credential;
    private final String host;
    private final int port;
    private final double recordsPerSecond;
    private final long ackTimeoutNanos;
    private final LoadMeter meter;
    private final BatchCodec batches;
    private final LifecycleCodec lifecycle;
    private final SenmlCodec senml;
    private final Outbox outbox = new Outbox();
    private final SplittableRandom random;
    private MqttClient client;
    private boolean connected;
    private boolean bridgeOnline;
    /** Bridge instances that said they are online ({@code ""}: the legacy single-bridge topic); the bridge is online while any is. */
    private final Set<String> onlineInstances = new HashSet<>();
    private boolean producing;
    private boolean stopping;
    private long bdSeq;
    private long connectedAtMillis;
    private int unconfirmedPublishes;
    private double owed;
    private final List<Long> timers = new ArrayList<>();
    private volatile Context home;

    /**
     * @param spec its place in the province
     * @param credential its identity
     * @param codecs the wire codecs (thread-safe, shared by every gateway of a run)
     * @param host the broker's address
     * @param port the broker's TLS port
     * @param recordsPerSecond records it makes per second
     * @param ackTimeoutMillis how long it waits for the bridge's acknowledgement before sending again
     * @param meter where it counts
     */
    public VirtualGateway(ProvinceRoster.GatewaySpec spec, GatewayCredential credential, Codecs codecs, String host, int port, double recordsPerSecond,
                          long ackTimeoutMillis, LoadMeter meter) {
        this.spec = spec;
        this.credential = credential;
        this.batches = codecs.batches();
        this.lifecycle = codecs.lifecycle();
        this.senml = codecs.senml();
        this.host = host;
        this.port = port;
        this.recordsPerSecond = recordsPerSecond;
        this.ackTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(ackTimeoutMillis);
        this.meter = meter;
        this.random = new SplittableRandom(spec.gatewayId().hashCode());
    }

    /**
     * The wire codecs the gateways of a run share.
     *
     * @param batches data batches and acknowledgements
     * @param lifecycle births, deaths, the bridge's state
     * @param senml record bodies
     */
    public record Codecs(BatchCodec batches, LifecycleCodec lifecycle, SenmlCodec senml) {

        /** @return a fresh set */
        public static Codecs create() {
            return new Codecs(new BatchCodec(), new LifecycleCodec(), new SenmlCodec());
        }
    }

    /** Deployed: connects (and keeps reconnecting) on its own event-loop context and makes records once a second. */
    @Override
    public Future<?> start() {
        home = context;
        producing = true;
        timers.add(vertx.setPeriodic(random.nextLong(1, 1000), 1000, id -> produce()));
        timers.add(vertx.setPeriodic(1000, id -> checkAcks()));
        connect();
        return Future.succeededFuture();
    }

    /** Stops making records; the ones made go on being sent until acknowledged. */
    public void stopProducing() {
        Context on = home;
        if (on != null) {
            on.runOnContext(v -> producing = false);
        }
    }

    /** @return completes on its context with the records not acknowledged yet */
    public Future<Integer> unacknowledged() {
        Context on = home;
        if (on == null) {
            return Future.succeededFuture(outbox.unacknowledged());
        }
        Promise<Integer> result = Promise.promise();
        on.runOnContext(v -> result.complete(outbox.unacknowledged()));
        return result.future();
    }

    /**
     * Publishes its death and disconnects cleanly, then stays down.
     *
     * @return completes with the ground truth (what the bridge acknowledged) once it is down; never fails
     */
    public Future<BitSet> shutDown() {
        Context on = home;
        if (on == null) {
            return Future.succeededFuture(outbox.acknowledged());
        }
        Promise<BitSet> done = Promise.promise();
        on.runOnContext(v -> {
            stopping = true;
            producing = false;
            timers.forEach(vertx::cancelTimer);
            Future<?> end = Future.succeededFuture();
            if (connected) {
                byte[] death = lifecycle.encodeDeath(new Death(1, spec.gatewayId(), bdSeq));
                meter.bytes.add(death.length);
                MqttClient c = client;
                end = c.publish(Topics.death(spec.site(), spec.gatewayId()), Buffer.buffer(death), MqttQoS.AT_LEAST_ONCE, false, false)
                        .compose(id -> c.disconnect());
            }
            end.onComplete(ignored -> done.complete(outbox.acknowledged()));
        });
        return done.future();
    }

    /** @return its place in the province */
    public ProvinceRoster.GatewaySpec spec() {
        return spec;
    }

    /** @return records made (read after {@link #shutDown}) */
    public long made() {
        return outbox.made();
    }

    private void connect() {
        if (stopping) {
            return;
        }
        bdSeq++;
        MqttClientOptions options = new MqttClientOptions().setClientId(spec.gatewayId()).setCleanSession(true).setKeepAliveInterval(60)
                .setMaxInflightQueue(MAX_UNCONFIRMED_PUBLISHES * 2).setAckTimeout(30).setMaxMessageSize(1 << 20)
                .setWillFlag(true).setWillQoS(1).setWillRetain(false).setWillTopic(Topics.death(spec.site(), spec.gatewayId()))
                .setWillMessageBytes(Buffer.buffer(lifecycle.encodeDeath(new Death(1, spec.gatewayId(), bdSeq))));
        options.setSsl(true).setHostnameVerificationAlgorithm("HTTPS")
                .setKeyCertOptions(KeyCertOptions.wrap(credential.keys())).setTrustOptions(TrustOptions.wrap(credential.trust()));
        options.setTcpNoDelay(true);
        MqttClient c = MqttClient.create(vertx, options);
        client = c;
        c.publishHandler(this::onMessage);
        c.publishCompletionHandler(id -> confirmed(c));
        c.publishCompletionExpirationHandler(id -> confirmed(c));
        c.closeHandler(v -> lost(c, null));
        c.connect(port, host).compose(ack -> c.subscribe(Map.of(Topics.ack(spec.site(), spec.gatewayId()), 1, Topics.BRIDGE_STATE, 1, Topics.bridgeStateFilter(), 1)))
                .onSuccess(granted -> connected(c))
                .onFailure(e -> lost(c, e));
    }

    private void connected(MqttClient c) {
        if (c != client) {
            return;
        }
        connected = true;
        bridgeOnline = false;
        onlineInstances.clear();
        unconfirmedPublishes = 0;
        connectedAtMillis = System.currentTimeMillis();
        meter.connected.incrementAndGet();
        Birth birth = new Birth(1, spec.gatewayId(), spec.site(), spec.siteName(), bdSeq, connectedAtMillis, SOFTWARE, Map.of(), lanes(), null,
                "province", credential.chainDer(), null, true);
        byte[] payload = lifecycle.encodeBirth(birth);
        c.publish(Topics.birth(spec.site(), spec.gatewayId()), Buffer.buffer(payload), MqttQoS.AT_LEAST_ONCE, false, false);
        meter.births.increment();
        meter.bytes.add(payload.length);
        long at = connectedAtMillis;
        vertx.setTimer(BRIDGE_STATE_GRACE_MILLIS, id -> {
            if (c == client && connected && connectedAtMillis == at && !bridgeOnline) {
                bridgeOnline = true;
                drain();
            }
        });
    }

    private void lost(MqttClient c, Throwable cause) {
        if (c != client) {
            return;
        }
        if (connected) {
            meter.connected.decrementAndGet();
            meter.connectionsLost.increment();
        }
        connected = false;
        client = null;
        meter.resent.add(outbox.requeueAll());
        if (stopping) {
            return;
        }
        if (cause != null) {
            LOG.debug("virtual gateway {} could not connect: {}", spec.gatewayId(), cause.toString());
        }
        vertx.setTimer(random.nextLong(1000, 5000), id -> connect());
    }

    private void confirmed(MqttClient c) {
        if (c == client) {
            unconfirmedPublishes = Math.max(0, unconfirmedPublishes - 1);
            drain();
        }
    }

    private void onMessage(MqttPublishMessage message) {
        byte[] payload = message.payload().getBytes();
        try {
            String instance = Topics.bridgeInstanceOf(message.topicName());
            if (instance != null) {
                if (lifecycle.decodeBridgeState(payload).online()) {
                    onlineInstances.add(instance);
                } else {
                    onlineInstances.remove(instance);
                }
                bridgeOnline = !onlineInstances.isEmpty();
            } else {
                Ack ack = batches.decodeAck(payload);
                long now = System.currentTimeMillis();
                meter.acked.add(outbox.acknowledge(ack.seqs(), time -> meter.latency(time, now)));
            }
        } catch (WireFormatException e) {
            LOG.warn("virtual gateway {} got a malformed message on {}: {}", spec.gatewayId(), message.topicName(), e.getMessage());
        }
        drain();
    }

    private void produce() {
        if (!producing) {
            return;
        }
        owed += recordsPerSecond;
        long now = System.currentTimeMillis();
        for (; owed >= 1; owed--) {
            int lane = random.nextInt(LANES) + 1;
            int count = random.nextInt(40);
            byte[] body = senml.encodeCbor(List.of(SenmlRecord.of(CounterInterval.INTERVAL, 60), SenmlRecord.of(CounterInterval.COUNT, count),
                    SenmlRecord.of(CounterInterval.OCCUPANCY, Math.min(100, count * 1.7))));
            outbox.add(now, "lane-" + lane, body);
            meter.made.increment();
        }
        drain();
    }

    private void checkAcks() {
        int again = outbox.resendOverdue(System.nanoTime(), ackTimeoutNanos);
        if (again > 0) {
            meter.resent.add(again);
            drain();
        }
    }

    private void drain() {
        if (!connected || !bridgeOnline) {
            return;
        }
        while (unconfirmedPublishes < MAX_UNCONFIRMED_PUBLISHES && outbox.inFlight() < WINDOW_RECORDS) {
            List<Outbox.Entry> entries = outbox.take(Math.min(BATCH_RECORDS, WINDOW_RECORDS - outbox.inFlight()), System.nanoTime());
            if (entries.isEmpty()) {
                return;
            }
            List<RecordFrame> frames = new ArrayList<>(entries.size());
            for (Outbox.Entry e : entries) {
                frames.add(new RecordFrame(e.seq(), e.timeMillis(), e.device(), RecordKinds.COUNTER_INTERVAL, RecordKind.NORMAL, e.timeMillis() < connectedAtMillis, e.body()));
            }
            byte[] payload = batches.encode(new DataBatch(spec.gatewayId(), frames));
            unconfirmedPublishes++;
            MqttClient c = client;
            c.publish(Topics.data(spec.site(), spec.gatewayId()), Buffer.buffer(payload), MqttQoS.AT_LEAST_ONCE, false, false)
                    .onFailure(e -> confirmed(c));
            meter.sent.add(frames.size());
            meter.bytes.add(payload.length);
        }
    }

    private static List<Birth.DeviceEntry> lanes() {
        List<Birth.DeviceEntry> lanes = new ArrayList<>(LANES);
        for (int i = 1; i <= LANES; i++) {
            lanes.add(new Birth.DeviceEntry("lane-" + i, "vehicle-counter", "counting lane " + i + " 计数车道"));
        }
        return lanes;
    }
}
