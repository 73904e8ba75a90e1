package cn.taihang.bridge.broker;

import cn.taihang.identity.TlsContext;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.TrustOptions;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.mqtt.messages.MqttPublishMessage;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge's MQTT client (vertx-mqtt): connects with a will, subscribes QoS 1, hands each message to the
 * {@link Inbound} handler and sends the PUBACK only when the handler is done (so the broker's in-flight window is
 * the bridge's back-pressure), and reconnects with capped, jittered exponential backoff. Over TLS it presents the bridge
 * instance's certificate, checks the broker's (a bridge or broker identity of the city CA, for the host dialled), and
 * connects with its certificate's id as user name and a fresh random password (which binds the CONNECT to its TLS
 * connection at the embedded broker; mosquitto ignores it). Must be used from one Vert.x context (the ingest verticle's).
 */
public final class BrokerConnection {

    /** Handles one received message; the returned future must not fail. */
    @FunctionalInterface
    public interface Inbound {
        /** @return completes when the message is handled */
        Future<Void> handle(String topic, byte[] payload);
    }

    /**
     * A retained message the connection publishes on connect, and whose counterpart it leaves as its will.
     *
     * @param topic topic of the state
     * @param online payload published once connected and subscribed
     * @param offline payload of the will, and published on a clean stop
     */
    public record State(String topic, byte[] online, byte[] offline) {}

    private static final Logger LOG = LoggerFactory.getLogger(BrokerConnection.class);
    private static final long MIN_BACKOFF_MS = 250;
    private static final long MAX_BACKOFF_MS = 30_000;
    private static final long STOP_TIMEOUT_MS = 3_000;
    private static final int MAX_INFLIGHT = 1024;
    private static final long CONNECT_TIMEOUT_MS = 15_000;
    private static final long PUBACK_TIMEOUT_MS = 10_000;
    private static final Throwable NO_FAILURE = new Throwable("acknowledged", null, false, false) { };

    private final Vertx vertx;
    private final BrokerAddress address;
    private final String clientId;
    private final List<String> filters;
    private final java.util.function.Supplier<State> state;
    private final int maxMessageBytes;
    private final Inbound inbound;
    private final TlsContext tls;
    private final SecureRandom random = new SecureRandom();

    /** One MQTT connection and what waits on it; events of an older session are ignored. */
    private static final class Session {
        final MqttClient client;
        final Map<Integer, Promise<Void>> pubacks = new ConcurrentHashMap<>();
        /**
         * PUBACKs that arrived before the publish call's callback registered its promise (the caller may run on another
         * Vert.x context than the client); guarded, with {@link #pubacks}, by the session's monitor.
         */
        final Map<Integer, Throwable> earlyPubacks = new ConcurrentHashMap<>();
        /** Packet ids of fire-and-forget publishes: their PUBACKs are dropped, never kept for a later publish with the id. */
        final java.util.Set<Integer> unawaited = ConcurrentHashMap.newKeySet();
        final Map<Integer, Promise<List<Integer>>> subacks = new ConcurrentHashMap<>();

        Session(MqttClient client) {
            this.client = client;
        }
    }

    private Session current;
    private volatile boolean connected;
    private boolean stopping;
    private long reconnectTimer = -1;
    private int failures;

    /**
     * @param vertx the Vert.x instance
     * @param address the broker
     * @param clientId MQTT client id, unique per bridge instance
     * @param filters topic filters to subscribe, QoS 1
     * @param state makes the retained state messages (called at each connect, so timestamps are fresh)
     * @param maxMessageBytes largest message accepted
     * @param inbound handler of received messages
     * @param tls the bridge instance's client context, for an {@code ssl://} broker; null for a plain one
     * @throws IllegalArgumentException for an {@code ssl://} broker without a TLS context
     */
    public BrokerConnection(Vertx vertx, BrokerAddress address, String clientId, List<String> filters,
                            java.util.function.Supplier<State> state, int maxMessageBytes, Inbound inbound, TlsContext tls) {
        if (address.tls() && tls == null) {
            throw new IllegalArgumentException("the broker " + address + " speaks TLS: the bridge needs its identity (--identity DIR)");
        }
        this.tls = tls;
        this.vertx = vertx;
        this.address = address;
        this.clientId = clientId;
        this.filters = List.copyOf(filters);
        this.state = state;
        this.maxMessageBytes = maxMessageBytes;
        this.inbound = inbound;
    }

    /**
     * Connects, subscribes and publishes the online state. If the broker cannot be reached the returned future
     * still succeeds and the connection keeps retrying in the background ({@link #isConnected()} says which).
     */
    public Future<Void> start() {
        return connect().recover(err -> {
            LOG.warn("cannot reach the MQTT broker at {} yet ({}); retrying in the background. Check --broker and that the broker runs.",
                    address, err.getMessage());
            scheduleReconnect();
            return Future.succeededFuture();
        });
    }

    /** @return whether the client is connected and subscribed */
    public boolean isConnected() {
        return connected;
    }

    /** Publishes QoS 1 without waiting for the PUBACK; dropped (logged at debug) while disconnected. */
    public void publish(String topic, byte[] payload) {
        if (!publish(topic, payload, err -> LOG.debug("could not publish on {}: {}", topic, err.getMessage()))) {
            LOG.debug("not connected; dropped a message for {}", topic);
        }
    }

    /**
     * Publishes QoS 1 without waiting for the PUBACK.
     *
     * @param failed told if the client could not send it
     * @return {@code false} (and nothing sent) while disconnected
     */
    public boolean publish(String topic, byte[] payload, java.util.function.Consumer<Throwable> failed) {
        Session session = current;
        if (!connected || session == null) {
            return false;
        }
        session.client.publish(topic, Buffer.buffer(payload), MqttQoS.AT_LEAST_ONCE, false, false)
                .onSuccess(id -> {
                    synchronized (session) {
                        if (session.earlyPubacks.remove(id) == null) {
                            session.unawaited.add(id);
                        }
                    }
                })
                .onFailure(failed::accept);
        return true;
    }

    /**
     * Publishes QoS 1 and completes when the broker has acknowledged it.
     *
     * @return fails at once when not connected, saying so
     */
    public Future<Void> publishConfirmed(String topic, byte[] payload, boolean retain) {
        Session session = current;
        if (!connected || session == null) {
            return Future.failedFuture("the bridge is not connected to the MQTT broker; the command was not sent, try again");
        }
        return publishAwaitingPuback(session, topic, payload, retain);
    }

    /** Publishes the offline state (waiting for its PUBACK, bounded) and disconnects cleanly; stops reconnecting. */
    public Future<Void> stop() {
        stopping = true;
        if (reconnectTimer != -1) {
            vertx.cancelTimer(reconnectTimer);
        }
        Session session = current;
        if (session == null || !connected) {
            return Future.succeededFuture();
        }
        MqttClient c = session.client;
        State s = state.get();
        return publishAwaitingPuback(session, s.topic(), s.offline(), true)
                .timeout(STOP_TIMEOUT_MS, java.util.concurrent.TimeUnit.MILLISECONDS)
                .recover(err -> {
                    LOG.warn("could not confirm the offline state before disconnecting: {}", err.getMessage());
                    return Future.succeededFuture();
                })
                .compose(v -> c.disconnect())
                .onComplete(ar -> connected = false)
                .recover(err -> Future.succeededFuture());
    }

    private Future<Void> connect() {
        State s = state.get();
        MqttClientOptions options = new MqttClientOptions()
                .setClientId(clientId)
                .setCleanSession(true)
                .setMaxInflightQueue(MAX_INFLIGHT)
                .setMaxMessageSize(maxMessageBytes)
                .setWillFlag(true).setWillTopic(s.topic()).setWillMessageBytes(Buffer.buffer(s.offline()))
                .setWillQoS(MqttQoS.AT_LEAST_ONCE.value()).setWillRetain(true);
        options.setAutoAck(false);
        if (address.tls()) {
            byte[] nonce = new byte[18];
            random.nextBytes(nonce);
            options.setSsl(true).setHostnameVerificationAlgorithm("HTTPS")
                    .setKeyCertOptions(KeyCertOptions.wrap(tls.keyManagerFactory()))
                    .setTrustOptions(TrustOptions.wrap(tls.trustManagerFactory()));
            options.setEnabledSecureTransportProtocols(new LinkedHashSet<>(tls.protocols()));
            tls.cipherSuites().forEach(options::addEnabledCipherSuite);
            options.setUsername(tls.identity().id()).setPassword(Base64.getEncoder().encodeToString(nonce));
        }
        MqttClient c = MqttClient.create(vertx, options);
        Session session = new Session(c);
        c.publishHandler(this::onMessage);
        c.publishCompletionHandler(id -> completePuback(session, id, null));
        c.publishCompletionExpirationHandler(id -> completePuback(session, id, new IllegalStateException("no PUBACK for packet " + id)));
        c.subscribeCompletionHandler(ack -> {
            Promise<List<Integer>> p = session.subacks.remove(ack.messageId());
            if (p != null) {
                p.complete(ack.grantedQoSLevels());
            }
        });
        c.exceptionHandler(err -> LOG.debug("MQTT connection to {}: {}", address, err.toString()));
        c.closeHandler(v -> onClosed(session));
        return c.connect(address.port(), address.host()).compose(connAck -> {
            if (connAck.code() != MqttConnectReturnCode.CONNECTION_ACCEPTED) {
                return Future.failedFuture("broker refused the connection: " + connAck.code());
            }
            current = session;
            return subscribe(session);
        }).compose(v -> {
            if (stopping) {
                return Future.failedFuture("stopped while connecting");
            }
            connected = current == session;
            return publishAwaitingPuback(session, s.topic(), s.online(), true);
        }).timeout(CONNECT_TIMEOUT_MS, java.util.concurrent.TimeUnit.MILLISECONDS).compose(v -> {
            if (current != session || !c.isConnected()) {
                return Future.failedFuture("the connection closed while the bridge announced itself");
            }
            failures = 0;
            LOG.info("connected to the MQTT broker at {} as {}, subscribed to {}", address, clientId, filters);
            return Future.<Void>succeededFuture();
        }).onFailure(err -> {
            LOG.debug("connecting to {} failed: {}", address, err.getMessage());
            if (current == session) {
                current = null;
                connected = false;
            }
            if (c.isConnected()) {
                c.disconnect();
            }
        });
    }

    private Future<Void> subscribe(Session session) {
        Map<String, Integer> topics = new java.util.LinkedHashMap<>();
        filters.forEach(f -> topics.put(f, MqttQoS.AT_LEAST_ONCE.value()));
        Promise<List<Integer>> granted = Promise.promise();
        return session.client.subscribe(topics).compose(id -> {
            session.subacks.put(id, granted);
            return granted.future();
        }).compose(levels -> levels.stream().anyMatch(q -> q == null || q < 0 || q > 2)
                ? Future.failedFuture("broker refused a subscription of " + filters + ": granted " + levels
                        + " (check the broker's ACLs, or turn off the shared-subscription group)")
                : Future.succeededFuture());
    }

    private Future<Void> publishAwaitingPuback(Session session, String topic, byte[] payload, boolean retain) {
        return session.client.publish(topic, Buffer.buffer(payload), MqttQoS.AT_LEAST_ONCE, false, retain).compose(id -> {
            Promise<Void> acked = Promise.promise();
            Throwable early;
            synchronized (session) {
                early = session.earlyPubacks.remove(id);
                if (early == null) {
                    session.pubacks.put(id, acked);
                }
            }
            if (early != null) {
                settle(acked, early == NO_FAILURE ? null : early);
            }
            return acked.future();
        }).timeout(PUBACK_TIMEOUT_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private static void settle(Promise<Void> p, Throwable failure) {
        if (failure == null) {
            p.tryComplete();
        } else {
            p.tryFail(failure);
        }
    }

    private void completePuback(Session session, int packetId, Throwable failure) {
        Promise<Void> p;
        synchronized (session) {
            p = session.pubacks.remove(packetId);
            if (p == null && !session.unawaited.remove(packetId)) {
                session.earlyPubacks.put(packetId, failure == null ? NO_FAILURE : failure);
            }
        }
        if (p != null) {
            settle(p, failure);
        }
    }

    private void onMessage(MqttPublishMessage message) {
        byte[] payload = message.payload().getBytes();
        inbound.handle(message.topicName(), payload).onComplete(ar -> {
            try {
                message.ack();
            } catch (RuntimeException e) {
                LOG.debug("PUBACK not sent (connection gone): {}", e.getMessage());
            }
        });
    }

    private void onClosed(Session session) {
        IllegalStateException closed = new IllegalStateException("connection to the broker closed");
        List<Promise<Void>> unacknowledged;
        synchronized (session) {
            unacknowledged = List.copyOf(session.pubacks.values());
            session.pubacks.clear();
            session.earlyPubacks.clear();
            session.unawaited.clear();
        }
        unacknowledged.forEach(p -> p.tryFail(closed));
        session.subacks.values().forEach(p -> p.tryFail(closed));
        session.subacks.clear();
        if (session != current) {
            LOG.debug("an earlier MQTT connection to {} closed", address);
            return;
        }
        boolean wasConnected = connected;
        connected = false;
        current = null;
        if (!stopping) {
            if (wasConnected) {
                LOG.warn("lost the connection to the MQTT broker at {}; reconnecting", address);
            }
            scheduleReconnect();
        }
    }

    private void scheduleReconnect() {
        if (stopping || reconnectTimer != -1) {
            return;
        }
        long ceiling = Math.min(MAX_BACKOFF_MS, MIN_BACKOFF_MS << Math.min(failures, 16));
        long delay = Math.max(MIN_BACKOFF_MS, (long) (ceiling * (0.5 + 0.5 * ThreadLocalRandom.current().nextDouble())));
        failures++;
        reconnectTimer = vertx.setTimer(delay, id -> {
            reconnectTimer = -1;
            if (!stopping) {
                connect().onFailure(err -> {
                    LOG.debug("reconnect to {} failed: {}", address, err.getMessage());
                    scheduleReconnect();
                });
            }
        });
    }
}
