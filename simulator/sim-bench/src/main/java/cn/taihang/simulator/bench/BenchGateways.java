package cn.taihang.simulator.bench;

import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.identity.IdentityFiles;
import cn.taihang.identity.PemFiles;
import cn.taihang.simulator.run.BridgeAccess;
import cn.taihang.wire.Ack;
import cn.taihang.wire.BatchCodec;
import cn.taihang.wire.Birth;
import cn.taihang.wire.DataBatch;
import cn.taihang.wire.LifecycleCodec;
import cn.taihang.wire.RecordFrame;
import cn.taihang.wire.Topics;
import cn.taihang.wire.WireFormatException;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gateways reduced to the wire, for the ingest benchmark: each sends its share of the records as CBOR data batches
 * (QoS 1, vertx-mqtt with TCP_NODELAY, over TLS with its own certificate of the run's city CA, after a birth carrying its
 * chain, as a real gateway connects), keeps {@code window} batches waiting for the bridge's acknowledgement, and sends
 * the next batch when one is acknowledged. Like a real gateway it starts only once the bridge's retained state says
 * online (the bridge may still be re-subscribing after Moquette dropped its first SUBSCRIBE). Done when the bridge has
 * acknowledged every record, i.e. committed it.
 */
final class BenchGateways implements AutoCloseable {

    private static final String SITE = "bench-site";

    private final Path runDir;
    private final Vertx vertx = Vertx.vertx();

    /** @param runDir the run whose city CA enrols the gateways ({@code <runDir>/pki}) */
    BenchGateways(Path runDir) {
        this.runDir = runDir;
    }
    private final List<MqttClient> clients = new ArrayList<>();
    private final BatchCodec batches = new BatchCodec();
    private final LifecycleCodec lifecycle = new LifecycleCodec();

    /** @return a gateway id of the given run */
    static String gateway(int run, int g) {
        return "gw-bench-" + run + "-" + g;
    }

    /** @return the records as frames, each with its body the store's SenML CBOR */
    static List<RecordFrame> frames(BenchRows rows) {
        List<RecordFrame> frames = new ArrayList<>(rows.records().size());
        long seq = 1;
        for (OutboundRecord r : rows.records()) {
            frames.add(new RecordFrame(seq++, r.time().toEpochMilli(), r.device(), r.kind(), r.priority().code(), false, rows.body(r)));
        }
        return frames;
    }

    /**
     * Sends {@code frames} spread over {@code gateways} gateways of run {@code run} to the broker and waits for every ack.
     *
     * @return seconds from the first publish to the last acknowledgement
     */
    double send(String host, int port, int run, int gateways, List<RecordFrame> frames, int batch, int window) throws Exception {
        AtomicLong acked = new AtomicLong();
        CompletableFuture<Void> done = new CompletableFuture<>();
        List<List<List<RecordFrame>>> shares = new ArrayList<>();
        for (int g = 0; g < gateways; g++) {
            shares.add(new ArrayList<>());
        }
        for (int i = 0, b = 0; i < frames.size(); i += batch, b++) {
            shares.get(b % gateways).add(frames.subList(i, Math.min(frames.size(), i + batch)));
        }
        List<Runnable> starts = new ArrayList<>();
        List<CompletableFuture<Void>> online = new ArrayList<>();
        for (int g = 0; g < gateways; g++) {
            String id = gateway(run, g);
            List<List<RecordFrame>> mine = shares.get(g);
            Path identity = BridgeAccess.enrolGateway(runDir, id, SITE);
            MqttClient client = connectSubscribed(host, port, id, identity);
            clients.add(client);
            client.publish(Topics.birth(SITE, id), Buffer.buffer(lifecycle.encodeBirth(birth(id, identity))), MqttQoS.AT_LEAST_ONCE, false, false);
            AtomicInteger next = new AtomicInteger();
            Runnable sendNext = () -> {
                int k = next.getAndIncrement();
                if (k < mine.size()) {
                    client.publish(Topics.data(SITE, id), Buffer.buffer(batches.encode(new DataBatch(id, mine.get(k)))), MqttQoS.AT_LEAST_ONCE, false, false);
                }
            };
            CompletableFuture<Void> bridgeOnline = new CompletableFuture<>();
            online.add(bridgeOnline);
            client.publishHandler(message -> {
                try {
                    if (Topics.bridgeInstanceOf(message.topicName()) != null) {
                        if (lifecycle.decodeBridgeState(message.payload().getBytes()).online()) {
                            bridgeOnline.complete(null);
                        }
                        return;
                    }
                    Ack ack = batches.decodeAck(message.payload().getBytes());
                    if (acked.addAndGet(ack.seqs().length) >= frames.size()) {
                        done.complete(null);
                    }
                    sendNext.run();
                } catch (WireFormatException e) {
                    done.completeExceptionally(e);
                }
            });
            client.subscribe(Topics.bridgeStateFilter(), 1);
            starts.add(() -> {
                for (int w = 0; w < window; w++) {
                    sendNext.run();
                }
            });
        }
        CompletableFuture.allOf(online.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        long t0 = System.nanoTime();
        vertx.runOnContext(v -> starts.forEach(Runnable::run));
        try {
            done.get(5, TimeUnit.MINUTES);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the bridge acknowledged " + acked.get() + " of " + frames.size() + " records within 5 minutes", e);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Future.join(clients.stream().map(MqttClient::disconnect).toList()).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        clients.clear();
        return seconds;
    }

    /**
     * @return a client connected and subscribed to the gateway's acks (SUBACK received); Moquette may drop a connection
     *     whose SUBSCRIBE overtakes its own CONNECT handling, so a few attempts are made
     */
    private MqttClient connectSubscribed(String host, int port, String id, Path identity) throws Exception {
        for (int attempt = 1; ; attempt++) {
            MqttClientOptions options = new MqttClientOptions().setClientId(id).setCleanSession(true).setMaxInflightQueue(65_535)
                    .setMaxMessageSize(4 * 1024 * 1024);
            options.setTcpNoDelay(true);
            MqttTls.present(options, identity);
            MqttClient client = MqttClient.create(vertx, options);
            CompletableFuture<Void> subscribed = new CompletableFuture<>();
            client.subscribeCompletionHandler(ack -> subscribed.complete(null));
            client.closeHandler(v -> subscribed.completeExceptionally(new IllegalStateException("the broker closed " + id + "'s connection")));
            client.connect(port, host).compose(c -> client.subscribe(Topics.ack(SITE, id), 1)).onFailure(subscribed::completeExceptionally);
            try {
                subscribed.get(10, TimeUnit.SECONDS);
                return client;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                client.disconnect();
                if (attempt == 5) {
                    throw new IllegalStateException("gateway " + id + " could not subscribe to its acks in 5 attempts: " + e.getMessage(), e);
                }
            }
        }
    }

    private static Birth birth(String id, Path identity) throws Exception {
        List<byte[]> chain = new ArrayList<>();
        for (X509Certificate certificate : PemFiles.readCertificates(IdentityFiles.in(identity).certificate())) {
            chain.add(certificate.getEncoded());
        }
        return new Birth(1, id, SITE, "bench", 0, System.currentTimeMillis(), "bench", Map.of(), List.of(), null, null)
                .withCertificateChain(chain);
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
