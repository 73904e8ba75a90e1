package cn.taihang.bridge.testing;

import cn.taihang.wire.Ack;
import cn.taihang.wire.BatchCodec;
import cn.taihang.wire.Birth;
import cn.taihang.wire.Command;
import cn.taihang.wire.CommandCodec;
import cn.taihang.wire.DataBatch;
import cn.taihang.wire.Death;
import cn.taihang.wire.LifecycleCodec;
import cn.taihang.wire.RecordFrame;
import cn.taihang.wire.SignedCommand;
import cn.taihang.wire.Topics;
import cn.taihang.wire.command.CommandRefusedException;
import cn.taihang.wire.command.SealedBody;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.X25519KeyPairGenerator;
import org.bouncycastle.crypto.params.X25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import cn.taihang.bridge.broker.CrlBroadcast;
import cn.taihang.bridge.ca.testing.TestPki;
import cn.taihang.identity.Identity;
import cn.taihang.identity.IdentityFiles;
import cn.taihang.identity.Kind;
import cn.taihang.identity.PemFiles;
import cn.taihang.identity.TlsContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The bridge tests' one MQTT test gateway: a gateway's MQTT side played by a Paho client, over TLS with a real gateway
 * certificate from the test CA, as a gateway connects (client id and user name = its id, a fresh random password).
 * It publishes births (carrying its certificate chain and its sealing key), deaths and data batches with the
 * wire-format codecs, collects the bridge's acks, and receives the commands a gateway gets — its own ({@code cmd/+})
 * and the fleet's, retained ones at once — decoding their signed envelopes (not verifying them: {@link #signedCommands()}
 * for that). It has an X25519 sealing key of its own and opens the bodies sealed to it. The CA's CRL, which travels
 * outside the command envelope, is kept apart ({@link #crls()}).
 *
 * <pre>{@code
 * TestGateway gw = TestGateway.online(PKI, bridge.brokerUrl(), "post-3", "gw-1");   // enrolled, connected, born
 * }</pre>
 */
public final class TestGateway implements AutoCloseable {

    /** The gateway's site. */
    public final String site;
    /** The gateway's id. */
    public final String gateway;
    private final MqttClient client;
    private final BatchCodec batches = new BatchCodec();
    private final LifecycleCodec lifecycle = new LifecycleCodec();
    private final CommandCodec commandCodec = new CommandCodec();
    private final List<Ack> acks = new CopyOnWriteArrayList<>();
    private final List<SignedCommand> commands = new CopyOnWriteArrayList<>();
    private final List<byte[]> crls = new CopyOnWriteArrayList<>();
    private final byte[] sealingPrivate;
    private final byte[] sealingPublic;
    private final List<String> decodeErrors = new CopyOnWriteArrayList<>();
    private final List<byte[]> chain;
    /** A publish the broker never acknowledges (refused by its ACL) fails the test instead of hanging it. */
    private static final long PUBLISH_WAIT_MILLIS = 15_000;
    /**
     * Moquette 0.17 marks a connection as connected only once its CONNACK's write has completed, and it may learn that
     * after the client's first SUBSCRIBE has arrived; it then drops the connection ("SUBSCRIBE received on already closed
     * connection"). A gateway's uplink reconnects by itself; this client connects again, a few times at most.
     */
    private static final int SUBSCRIBE_ATTEMPTS = 5;

    /**
     * A gateway of the test CA that has connected and sent its birth (bdSeq 0), as a gateway does on every connect.
     *
     * @see #TestGateway(String, Path)
     */
    public static TestGateway online(TestPki pki, String brokerUrl, String site, String gateway) throws MqttException {
        TestGateway gw = new TestGateway(brokerUrl, pki.gateway(gateway, site));
        gw.birth(0);
        return gw;
    }

    /**
     * Connects (TLS with the identity's certificate, clean session) and subscribes to its acks and commands; sends no birth.
     *
     * @param identityDir a gateway identity (e.g. {@code TestPki.gateway(id, site)}); its site and id are the certificate's
     */
    public TestGateway(String brokerUrl, Path identityDir) throws MqttException {
        this(brokerUrl, identityDir, null);
    }

    /**
     * Connects as {@link #TestGateway(String, Path)} does, but presents {@code claimedId} as client id and user name
     * (an impostor's CONNECT), e.g. to show the broker refuses it.
     */
    public TestGateway(String brokerUrl, Path identityDir, String claimedId) throws MqttException {
        TlsContext tls;
        Identity identity;
        try {
            tls = TlsContext.client(IdentityFiles.in(identityDir)).accept(Kind.BRIDGE, Kind.BROKER).build();
            identity = tls.identity();
            chain = new ArrayList<>();
            for (X509Certificate c : PemFiles.readCertificates(IdentityFiles.in(identityDir).certificate())) {
                chain.add(c.getEncoded());
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot use the test identity in " + identityDir + ": " + e.getMessage(), e);
        }
        this.site = identity.site();
        this.gateway = identity.id();
        X25519KeyPairGenerator generator = new X25519KeyPairGenerator();
        generator.init(new X25519KeyGenerationParameters(new SecureRandom()));
        AsymmetricCipherKeyPair sealing = generator.generateKeyPair();
        sealingPrivate = ((X25519PrivateKeyParameters) sealing.getPrivate()).getEncoded();
        sealingPublic = ((X25519PublicKeyParameters) sealing.getPublic()).getEncoded();
        String asWho = claimedId == null ? gateway : claimedId;
        client = new MqttClient(brokerUrl, asWho, new MemoryPersistence());
        client.setTimeToWait(PUBLISH_WAIT_MILLIS);
        for (int attempt = 1; ; attempt++) {
            client.connect(connectOptions(tls, asWho));
            try {
                client.subscribe(Topics.ack(site, gateway), 1, (topic, message) -> decoded("ack", () -> acks.add(batches.decodeAck(message.getPayload()))));
                client.subscribe(new String[] {Topics.commandFilter(site, gateway), Topics.fleetCommandFilter()}, new int[] {1, 1},
                        new org.eclipse.paho.client.mqttv3.IMqttMessageListener[] {this::command, this::command});
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttException.REASON_CODE_CONNECTION_LOST || attempt == SUBSCRIBE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * @return a bare client connected with any holder's certificate (a gateway's, or a bridge instance's as an intruder
     *     holding a stolen one would), presenting {@code clientId}; it subscribes to nothing
     * @throws MqttException if the broker refuses it
     */
    public static MqttClient connect(String brokerUrl, Path identityDir, String clientId) throws MqttException {
        TlsContext tls;
        try {
            tls = TlsContext.client(IdentityFiles.in(identityDir)).accept(Kind.BRIDGE, Kind.BROKER).build();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot use the test identity in " + identityDir + ": " + e.getMessage(), e);
        }
        MqttClient client = new MqttClient(brokerUrl, clientId, new MemoryPersistence());
        client.setTimeToWait(PUBLISH_WAIT_MILLIS);
        try {
            client.connect(connectOptions(tls, clientId));
        } catch (MqttException e) {
            client.close();
            throw e;
        }
        return client;
    }

    /** @return Paho options as a gateway's: TLS with the identity's certificate and TCP_NODELAY, its id, a random password */
    public static MqttConnectOptions connectOptions(TlsContext tls, String clientId) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);   // as gateways: no second attempt with 3.1
        options.setCleanSession(true);
        options.setMaxInflight(200);
        options.setSocketFactory(new NoDelaySocketFactory(tls.socketFactory()));
        options.setUserName(clientId);
        byte[] nonce = new byte[18];
        new SecureRandom().nextBytes(nonce);
        options.setPassword(Base64.getEncoder().encodeToString(nonce).toCharArray());
        return options;
    }

    /** @return the gateway's certificate chain, DER, as its births carry it */
    public List<byte[]> certificateChain() {
        return List.copyOf(chain);
    }

    /** @return whether the broker still has this gateway connected */
    public boolean isConnected() {
        return client.isConnected();
    }

    private void command(String topic, org.eclipse.paho.client.mqttv3.MqttMessage message) {
        if (topic.equals(Topics.fleetCommand(CrlBroadcast.COMMAND))) {
            crls.add(message.getPayload());
            return;
        }
        decoded("command on " + topic, () -> commands.add(commandCodec.decode(message.getPayload())));
    }

    /** A decoding step that may refuse its input. */
    private interface Decoding {
        void run() throws Exception;
    }

    private void decoded(String what, Decoding decode) {
        try {
            decode.run();
        } catch (Exception e) {
            decodeErrors.add(what + ": " + e);
        }
    }

    /** Publishes a data batch of these records (QoS 1). */
    public void send(List<RecordFrame> records) throws MqttException {
        sendRaw(Topics.data(site, gateway), batches.encode(new DataBatch(gateway, records)));
    }

    /** Publishes any payload on any topic (QoS 1), for malformed input. */
    public void sendRaw(String topic, byte[] payload) throws MqttException {
        client.publish(topic, payload, 1, false);
    }

    /** Publishes a birth ({@link #birthOf}). */
    public void birth(long bdSeq) throws MqttException {
        sendRaw(Topics.birth(site, gateway), lifecycle.encodeBirth(birthOf(bdSeq)));
    }

    /** Publishes this birth; one without a certificate chain gets this gateway's. */
    public void birth(Birth birth) throws MqttException {
        Birth signed = birth.certificateChain().isEmpty() ? birth.withCertificateChain(chain) : birth;
        sendRaw(Topics.birth(site, gateway), lifecycle.encodeBirth(signed));
    }

    /** @return a birth of this gateway with one vehicle-counter lane, carrying its certificate chain and sealing key */
    public Birth birthOf(long bdSeq) {
        return new Birth(1, gateway, site, "晋城高铁东站 Jincheng HSR East", bdSeq, System.currentTimeMillis(), "0.1.0-test",
                Map.of("cn.taihang.store", "0.1.0", "cn.taihang.vehicle-counter", "0.2.0"),
                List.of(new Birth.DeviceEntry("lane-1", "vehicle-counter", "北向 northbound")), "https://127.0.0.1:8443/", "cfg-" + bdSeq)
                .withCertificateChain(chain).withSealingKey(sealingPublic);
    }

    /** @return this gateway's X25519 sealing public key, as its births announce it */
    public byte[] sealingKey() {
        return sealingPublic.clone();
    }

    /** Publishes a death. */
    public void death(long bdSeq) throws MqttException {
        sendRaw(Topics.death(site, gateway), lifecycle.encodeDeath(new Death(1, gateway, bdSeq)));
    }

    /** @return the acks received; fails if one could not be decoded */
    public List<Ack> acks() {
        checkDecoded();
        return List.copyOf(acks);
    }

    /** @return every sequence number acknowledged so far */
    public Set<Long> ackedSeqs() {
        Set<Long> seqs = new TreeSet<>();
        for (Ack a : acks()) {
            for (long s : a.seqs()) {
                seqs.add(s);
            }
        }
        return seqs;
    }

    /** @return the commands received (this gateway's and the fleet's), in arrival order; fails if one could not be decoded */
    public List<Command> commands() {
        return signedCommands().stream().map(SignedCommand::command).toList();
    }

    /** @return the CRLs (DER, as the city CA signed them) the bridge handed out, in arrival order */
    public List<byte[]> crls() {
        return List.copyOf(crls);
    }

    /** @return the commands received with their signatures, to verify against the bridge's command anchor */
    public List<SignedCommand> signedCommands() {
        checkDecoded();
        return List.copyOf(commands);
    }

    /**
     * @return the command's body, opened with this gateway's sealing key if it was sealed
     * @throws CommandRefusedException if a sealed body does not open with it
     */
    public byte[] body(Command command) throws CommandRefusedException {
        return command.sealed() ? SealedBody.open(sealingPrivate, sealingPublic, gateway, command.id(), command.name(), command.body()) : command.body();
    }

    /** @return the command of that name with the highest id received, if any */
    public Optional<Command> latestCommand(String name) {
        Command found = null;
        for (Command c : commands()) {
            if (c.name().equals(name) && (found == null || c.id() > found.id())) {
                found = c;
            }
        }
        return Optional.ofNullable(found);
    }

    /** @return the body of the latest command of that name as UTF-8 text, if any */
    public Optional<String> latestCommandText(String name) {
        return latestCommand(name).map(c -> {
            try {
                return new String(body(c), java.nio.charset.StandardCharsets.UTF_8);
            } catch (CommandRefusedException e) {
                throw new AssertionError(e.getMessage(), e);
            }
        });
    }

    /** Receives the messages of a watched topic; may throw (Paho then drops the connection, and the test fails). */
    @FunctionalInterface
    public interface Listener {
        /** Handles one message. */
        void accept(String topic, byte[] payload) throws Exception;
    }

    /** Also hands every message on {@code filter} to {@code listener} (e.g. the bridge's retained state). */
    public void watch(String filter, Listener listener) throws MqttException {
        client.subscribe(filter, 1, (topic, message) -> listener.accept(topic, message.getPayload()));
    }

    private void checkDecoded() {
        if (!decodeErrors.isEmpty()) {
            throw new AssertionError("undecodable messages: " + decodeErrors);
        }
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }

    /** Paho does not set TCP_NODELAY; without it each QoS 1 publish waits for delayed ACKs. TLS sockets of an identity. */
    public static final class NoDelaySocketFactory extends SSLSocketFactory {
        private final SSLSocketFactory tls;

        /** @param tls the identity's socket factory ({@code TlsContext.socketFactory()}) */
        public NoDelaySocketFactory(SSLSocketFactory tls) {
            this.tls = tls;
        }

        @Override
        public Socket createSocket() throws IOException {
            return noDelay(tls.createSocket());
        }

        @Override
        public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
            s.setTcpNoDelay(true);
            return tls.createSocket(s, host, port, autoClose);
        }

        @Override
        public Socket createSocket(Socket s, InputStream consumed, boolean autoClose) throws IOException {
            s.setTcpNoDelay(true);
            return tls.createSocket(s, consumed, autoClose);
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(tls.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return noDelay(tls.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(tls.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            return noDelay(tls.createSocket(address, port, localAddress, localPort));
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return tls.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return tls.getSupportedCipherSuites();
        }

        private static Socket noDelay(Socket s) throws IOException {
            s.setTcpNoDelay(true);
            return s;
        }
    }
}
