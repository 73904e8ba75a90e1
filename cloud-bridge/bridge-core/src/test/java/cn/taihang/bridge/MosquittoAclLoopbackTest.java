package cn.taihang.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.bridge.ca.testing.TestPki;
import cn.taihang.bridge.testing.MosquittoBroker;
import cn.taihang.bridge.testing.TestGateway;
import cn.taihang.identity.IdentityFiles;
import cn.taihang.identity.Kind;
import cn.taihang.identity.TlsContext;
import cn.taihang.wire.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's real mosquitto with the configuration and ACL {@link cn.taihang.bridge.broker.MosquittoConf} generates, and
 * real certificates of the test CA: a gateway cannot publish as another (not even connecting with the other's client
 * id), cannot forge acks or commands, and reads nothing of another's, not even subscribed to {@code #}.
 */
@Tag("loopback")
class MosquittoAclLoopbackTest {

    private static final String SITE = "wangmangling";
    private static final String BRIDGE = "bridge-acl";

    @RegisterExtension
    static final TestPki PKI = new TestPki();

    @TempDir
    Path dir;

    MosquittoBroker broker;
    MqttClient bridge;
    MqttClient victim;
    MqttClient intruder;
    final List<String> atBridge = new CopyOnWriteArrayList<>();
    final List<String> atVictim = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        Assertions.assertTrue(MosquittoBroker.installed(), "Debian package mosquitto not installed (apt-get install mosquitto); run ./taihang tools --install (./taihang test does it first)");
        broker = new MosquittoBroker(dir, PKI, BRIDGE).start();
        bridge = connect(broker, PKI.bridge(BRIDGE), BRIDGE);
        victim = connect(broker, PKI.gateway("gw-victim", SITE), "gw-victim");
        intruder = connect(broker, PKI.gateway("gw-intruder", SITE), "gw-intruder");
    }

    @AfterEach
    void stop() throws Exception {
        for (MqttClient c : new MqttClient[] {bridge, victim, intruder}) {
            if (c != null) {
                c.disconnect();
                c.close();
            }
        }
        if (broker != null) {
            broker.close();
        }
    }

    private static MqttClient connect(MosquittoBroker broker, Path identity, String clientId) throws Exception {
        TlsContext tls = TlsContext.client(IdentityFiles.in(identity)).accept(Kind.BRIDGE, Kind.BROKER).build();
        MqttClient client = new MqttClient(broker.url(), clientId, new MemoryPersistence());
        client.setTimeToWait(10_000);
        client.connect(TestGateway.connectOptions(tls, clientId));
        return client;
    }

    private static void publish(MqttClient client, String topic, String text) throws MqttException {
        client.publish(topic, text.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    @Test
    void aGatewayCannotPublishAsAnotherNorForgeAcksOrCommands() throws Exception {
        MqttClient impostor = connect(broker, PKI.gateway("gw-intruder-2", SITE), "gw-victim-2");
        bridge.subscribe(Topics.allGateways(Topics.Kind.DATA), 1, (t, m) -> atBridge.add(t + " " + new String(m.getPayload(), StandardCharsets.UTF_8)));
        victim.subscribe(new String[] {Topics.ack(SITE, "gw-victim"), Topics.fleetCommandFilter()}, new int[] {1, 1},
                new org.eclipse.paho.client.mqttv3.IMqttMessageListener[] {
                    (t, m) -> atVictim.add(t + " " + new String(m.getPayload(), StandardCharsets.UTF_8)),
                    (t, m) -> atVictim.add(t + " " + new String(m.getPayload(), StandardCharsets.UTF_8))});

        publish(intruder, Topics.data(SITE, "gw-victim"), "forged data");
        publish(intruder, Topics.ack(SITE, "gw-victim"), "forged ack");
        publish(intruder, "taihang/v1/fleet/cmd/ticket-keyring", "forged keyring");
        publish(impostor, Topics.data(SITE, "gw-victim-2"), "forged data as client id gw-victim-2");
        publish(intruder, Topics.data(SITE, "gw-intruder"), "own data");
        publish(victim, Topics.data(SITE, "gw-victim"), "victim's own data");
        publish(bridge, Topics.ack(SITE, "gw-victim"), "bridge's ack");

        await().until(() -> atBridge.size() >= 2 && atVictim.contains(Topics.ack(SITE, "gw-victim") + " bridge's ack"));
        assertThat(atBridge).containsExactlyInAnyOrder(Topics.data(SITE, "gw-intruder") + " own data",
                Topics.data(SITE, "gw-victim") + " victim's own data");
        await().until(() -> broker.log().contains("Denied PUBLISH from gw-victim-2"));
        String log = broker.log();
        assertThat(log).contains("Denied PUBLISH from gw-intruder").contains("'" + Topics.ack(SITE, "gw-victim") + "'")
                .contains("'taihang/v1/fleet/cmd/ticket-keyring'").contains("'" + Topics.data(SITE, "gw-victim") + "'");
        assertThat(atVictim).containsExactly(Topics.ack(SITE, "gw-victim") + " bridge's ack");
        impostor.disconnect();
        impostor.close();
    }

    /**
     * mosquitto 2.0 grants a SUBSCRIBE to {@code #} but delivers through it only what the ACL lets that identity read:
     * the intruder gets the fleet's command, and none of the victim's data, acks or commands routed before it.
     */
    @Test
    void aGatewaySubscribedToEverythingReceivesOnlyWhatItMayRead() throws Exception {
        List<String> atIntruder = new CopyOnWriteArrayList<>();
        bridge.subscribe(Topics.allGateways(Topics.Kind.DATA), 1, (t, m) -> atBridge.add(t));
        victim.subscribe(new String[] {Topics.ack(SITE, "gw-victim"), "taihang/v1/" + SITE + "/gw-victim/cmd/+"}, new int[] {1, 1},
                new org.eclipse.paho.client.mqttv3.IMqttMessageListener[] {(t, m) -> atVictim.add(t), (t, m) -> atVictim.add(t)});
        for (String filter : List.of("#", Topics.allGateways(Topics.Kind.DATA), "taihang/v1/" + SITE + "/gw-victim/cmd/+",
                Topics.ack(SITE, "gw-victim"))) {
            intruder.subscribe(filter, 1, (t, m) -> atIntruder.add(t));
        }

        publish(victim, Topics.data(SITE, "gw-victim"), "victim's data");
        publish(bridge, Topics.ack(SITE, "gw-victim"), "ack");
        publish(bridge, "taihang/v1/" + SITE + "/gw-victim/cmd/sign-message", "victim's command");
        await().until(() -> atBridge.size() == 1 && atVictim.size() == 2);
        publish(bridge, "taihang/v1/fleet/cmd/ping", "fleet command");

        await().until(() -> atIntruder.contains("taihang/v1/fleet/cmd/ping"));
        assertThat(atIntruder).as("delivered to the intruder, in routing order").containsOnly("taihang/v1/fleet/cmd/ping");
    }
}
