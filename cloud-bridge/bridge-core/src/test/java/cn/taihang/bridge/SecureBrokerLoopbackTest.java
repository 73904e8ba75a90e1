package cn.taihang.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.taihang.bridge.ca.testing.TestPki;
import cn.taihang.bridge.testing.ApiClient;
import cn.taihang.bridge.testing.Frames;
import cn.taihang.bridge.testing.Meters;
import cn.taihang.bridge.testing.TestBridges;
import cn.taihang.bridge.testing.TestGateway;
import cn.taihang.bridge.testing.TestSecurity;
import cn.taihang.bridge.module.Scopes;
import cn.taihang.identity.Kind;
import cn.taihang.identity.TlsContext;
import cn.taihang.wire.Ack;
import cn.taihang.wire.BatchCodec;
import cn.taihang.wire.Birth;
import cn.taihang.wire.BridgeState;
import cn.taihang.wire.DataBatch;
import cn.taihang.wire.LifecycleCodec;
import cn.taihang.wire.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's attacks on the embedded broker and the ingest, one test each, with real certificates of the test CA over
 * real TLS on 127.0.0.1: what an intruder (no certificate, a foreign, expired or revoked one) and a compromised gateway
 * (a valid certificate of its own) try, and what each gets.
 */
@Tag("loopback")
class SecureBrokerLoopbackTest {

    @RegisterExtension
    static final TestSecurity SECURITY = new TestSecurity();
    static final TestPki PKI = SECURITY.pki();
    private static final String SITE = "post-3";

    @TempDir
    Path dir;
    Path bridgeIdentity;
    RunningBridge bridge;
    TestGateway victim;
    ApiClient http;

    @BeforeEach
    void start() throws Exception {
        bridgeIdentity = PKI.bridge("bridge-sec");
        bridge = BridgeCore.start(SECURITY.secure(BridgeOptions.ephemeral(dir)).withIdentityDir(bridgeIdentity), List.of()).toCompletableFuture().get();
        http = SECURITY.client(bridge, Scopes.TELEMETRY_READ);
        victim = TestGateway.online(PKI, bridge.brokerUrl(), SITE, "gw-victim");
        await().until(() -> gateways() == 1);
    }

    @AfterEach
    void stop() throws Exception {
        victim.close();
        http.close();
        bridge.close();
    }

    private int gateways() {
        return http.json("/api/v1/gateways").getJsonArray("items").size();
    }

    private double events(String source, String reason) {
        return Meters.count(bridge, "bridge.security.events", "source", source, "reason", reason);
    }

    /** Connects with a holder's certificate (as a gateway connects, or claiming another id); throws if refused. */
    private MqttClient connect(Path identity, String clientId) throws Exception {
        TlsContext tls = TestPki.clientTls(identity, Kind.BRIDGE, Kind.BROKER);
        MqttClient client = new MqttClient(bridge.brokerUrl(), clientId, new MemoryPersistence());
        client.setTimeToWait(3_000);
        try {
            client.connect(TestGateway.connectOptions(tls, clientId));
        } catch (MqttException e) {
            client.close();
            throw e;
        }
        return client;
    }

    @Test
    void thereIsNoPlainPortAndAClientWithoutACertificateIsRefused() throws Exception {
        assertThat(bridge.brokerUrl()).startsWith("ssl://");
        MqttClient plain = new MqttClient(bridge.brokerUrl().replace("ssl://", "tcp://"), "gw-plain", new MemoryPersistence());
        assertThatThrownBy(() -> plain.connect()).as("MQTT in clear on the TLS port").isInstanceOf(MqttException.class);
        plain.close();

        SSLContext anonymous = SSLContext.getInstance("TLS");
        anonymous.init(null, TestPki.clientTls(PKI.gateway("gw-anon", SITE), Kind.BRIDGE).trustManagerFactory().getTrustManagers(), null);
        MqttClient noCertificate = new MqttClient(bridge.brokerUrl(), "gw-anon", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setSocketFactory(anonymous.getSocketFactory());
        options.setUserName("gw-anon");
        options.setPassword("x".toCharArray());
        assertThatThrownBy(() -> noCertificate.connect(options)).isInstanceOf(MqttException.class);
        noCertificate.close();
        await().until(() -> events("tls", "NO_CERTIFICATE") == 1);
        assertThat(bridge.embeddedBroker()).isTrue();
    }

    @Test
    void foreignExpiredAndRevokedCertificatesAreRefusedWithTheirReason() throws Exception {
        assertThatThrownBy(() -> connect(PKI.foreignGateway("gw-intruder", SITE), "gw-intruder")).isInstanceOf(MqttException.class);
        await().until(() -> events("tls", "UNTRUSTED") == 1);

        assertThatThrownBy(() -> connect(PKI.expiredGateway("gw-old", SITE), "gw-old")).isInstanceOf(MqttException.class);
        await().until(() -> events("tls", "EXPIRED") == 1);

        Path revoked = PKI.revokedGateway("gw-stolen", SITE);
        PKI.publishCrl(bridgeIdentity);
        assertThatThrownBy(() -> connect(revoked, "gw-stolen")).isInstanceOf(MqttException.class);
        await().until(() -> events("tls", "REVOKED") == 1);
        assertThat(gateways()).as("none of them got in").isEqualTo(1);
    }

    @Test
    void aGatewayConnectingAsAnotherIsRefused() throws Exception {
        Path intruder = PKI.gateway("gw-compromised", SITE);
        assertThatThrownBy(() -> connect(intruder, "gw-victim")).isInstanceOf(MqttException.class);
        assertThat(events("connect", "OTHER_IDENTITY")).isEqualTo(1);
        assertThat(victim.isConnected()).as("the victim's session was not taken over").isTrue();
        victim.send(Frames.range(1, 1));
        await().until(() -> victim.acks().size() == 1);
    }

    @Test
    void aGatewayPublishingOnAnotherGatewaysTopicsIsDropped() throws Exception {
        MqttClient intruder = connect(PKI.gateway("gw-compromised", SITE), "gw-compromised");
        byte[] batch = new BatchCodec().encode(new DataBatch("gw-victim", Frames.range(1, 3)));
        intruder.getTopic(Topics.data(SITE, "gw-victim")).publish(new MqttMessage(batch));
        await().until(() -> events("acl", "PUBLISH_DENIED") == 1);
        intruder.getTopic(Topics.birth("other-site", "gw-compromised")).publish(new MqttMessage(new byte[] {1}));
        await().until(() -> events("acl", "PUBLISH_DENIED") == 2);
        assertThat(http.json("/api/v1/telemetry").getJsonArray("items")).as("nothing stored as the victim").isEmpty();
        intruder.disconnectForcibly(0, 1000);
        intruder.close();
    }

    @Test
    void aGatewayCannotPublishAcksCommandsFleetCommandsOrTheBridgeState() throws Exception {
        LifecycleCodec codec = new LifecycleCodec();
        List<Boolean> states = new CopyOnWriteArrayList<>();
        victim.watch(Topics.bridgeStateFilter(), (topic, payload) -> states.add(codec.decodeBridgeState(payload).online()));
        await().until(() -> states.contains(true));

        MqttClient intruder = connect(PKI.gateway("gw-compromised", SITE), "gw-compromised");
        String[] forbidden = {Topics.ack(SITE, "gw-victim"), Topics.command(SITE, "gw-victim", "sign-message"),
                Topics.fleetCommand("ticket-keyring"), Topics.bridgeState("bridge-1")};
        byte[][] payloads = {new cn.taihang.wire.BatchCodec().encodeAck(new Ack(new long[] {1, 2, 3})), new byte[] {1}, new byte[] {1},
                codec.encodeBridgeState(new BridgeState(1, false, 0))};
        for (int i = 0; i < forbidden.length; i++) {
            MqttMessage message = new MqttMessage(payloads[i]);
            message.setRetained(true);
            intruder.getTopic(forbidden[i]).publish(message);
            int denied = i + 1;
            await().until(() -> events("acl", "PUBLISH_DENIED") == denied);
        }
        // the broker checks before it routes: once counted, nothing was delivered
        assertThat(victim.acks()).as("no fake ack").isEmpty();
        assertThat(victim.commands()).as("no forged command, only the bridge's CRL").extracting(c -> c.name()).doesNotContain("sign-message", "ticket-keyring");
        assertThat(states).as("no forged bridge state").doesNotContain(false);
        intruder.disconnectForcibly(0, 1000);
        intruder.close();
    }

    @Test
    void aGatewayCannotSubscribeToEverythingOrToAnotherGatewaysTopics() throws Exception {
        MqttClient intruder = connect(PKI.gateway("gw-compromised", SITE), "gw-compromised");
        for (String filter : List.of("#", "taihang/v1/#", Topics.allGateways(Topics.Kind.DATA), Topics.commandFilter(SITE, "gw-victim"),
                Topics.ack(SITE, "gw-victim"))) {
            int[] granted = intruder.subscribeWithResponse(filter, 1).getGrantedQos();
            assertThat(granted).as(filter).containsExactly(0x80);
        }
        assertThat(events("acl", "SUBSCRIBE_DENIED")).isEqualTo(5);
        assertThat(intruder.subscribeWithResponse(Topics.commandFilter(SITE, "gw-compromised"), 1).getGrantedQos())
                .as("its own commands").containsExactly(1);
        intruder.disconnect();
        intruder.close();
    }

    @Test
    void aPayloadNamingAnotherGatewayIsRefusedAndCounted() throws Exception {
        try (TestGateway liar = TestGateway.online(PKI, bridge.brokerUrl(), SITE, "gw-liar")) {
            await().until(() -> gateways() == 2);
            liar.sendRaw(Topics.data(SITE, "gw-liar"), new BatchCodec().encode(new DataBatch("gw-victim", Frames.range(1, 3))));
            Birth asVictim = victim.birthOf(9);
            liar.sendRaw(Topics.birth(SITE, "gw-liar"), new LifecycleCodec().encodeBirth(asVictim));
            await().until(() -> events("ingest", "OTHER_GATEWAY") == 2);
            Birth stolenChain = liar.birthOf(10).withCertificateChain(victim.certificateChain());
            liar.sendRaw(Topics.birth(SITE, "gw-liar"), new LifecycleCodec().encodeBirth(stolenChain));
            await().until(() -> events("ingest", "OTHER_IDENTITY") == 1);
            liar.send(Frames.range(4, 4));
            await().until(() -> liar.acks().size() == 1);
            assertThat(liar.ackedSeqs()).as("the lies are not acknowledged").containsExactly(4L);
            assertThat(http.json("/api/v1/telemetry").getJsonArray("items")).hasSize(1);
            assertThat(http.json("/api/v1/gateways").getJsonArray("items").stream().map(g -> ((io.vertx.core.json.JsonObject) g).getLong("bdSeq")))
                    .as("the victim's fleet entry is untouched").containsExactlyInAnyOrder(0L, 0L);
        }
    }

    @Test
    void aGatewayRevokedWhileConnectedIsCutOffAndNotLetBackIn() throws Exception {
        Path stolen = PKI.gateway("gw-stolen-later", SITE);
        try (TestGateway gw = new TestGateway(bridge.brokerUrl(), stolen)) {
            gw.birth(0);
            await().until(() -> gateways() == 2);
            PKI.ca().revoke("gw-stolen-later", cn.taihang.bridge.ca.RevocationReason.KEY_COMPROMISE);
            PKI.publishCrl(bridgeIdentity);
            bridge.recheckBrokerConnections();
            await().until(() -> !gw.isConnected());
            assertThat(events("dropped", "REVOKED")).isEqualTo(1);
            assertThatThrownBy(() -> connect(stolen, "gw-stolen-later")).isInstanceOf(MqttException.class);
            assertThat(victim.isConnected()).isTrue();
        }
    }

    @Test
    void aWillOnAnotherGatewaysTopicAndAPersistentSessionAreRefused() throws Exception {
        Path own = PKI.gateway("gw-willful", SITE);
        TlsContext tls = TestPki.clientTls(own, Kind.BRIDGE);
        MqttClient client = new MqttClient(bridge.brokerUrl(), "gw-willful", new MemoryPersistence());
        MqttConnectOptions will = TestGateway.connectOptions(tls, "gw-willful");
        will.setWill(Topics.death(SITE, "gw-victim"), new byte[] {1}, 1, false);
        assertThatThrownBy(() -> client.connect(will)).isInstanceOf(MqttException.class);
        assertThat(events("connect", "WILL_DENIED")).isEqualTo(1);
        MqttConnectOptions persistent = TestGateway.connectOptions(tls, "gw-willful");
        persistent.setCleanSession(false);
        assertThatThrownBy(() -> client.connect(persistent)).isInstanceOf(MqttException.class);
        assertThat(events("connect", "PERSISTENT_SESSION")).isEqualTo(1);
        client.connect(TestGateway.connectOptions(tls, "gw-willful"));
        assertThat(client.isConnected()).isTrue();
        client.disconnect();
        client.close();
    }
}
