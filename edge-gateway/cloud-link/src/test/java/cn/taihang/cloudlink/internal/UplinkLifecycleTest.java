package cn.taihang.cloudlink.internal;

import cn.taihang.testkit.net.TcpRelay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.gateway.api.HealthReport;
import cn.taihang.gateway.api.Priority;
import cn.taihang.wire.Birth;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Birth, death, will and reconnects, against a real broker. */
@Tag("loopback")
class UplinkLifecycleTest extends LoopbackFixture {

    @Test
    void birthOnEveryConnectWithANewBdSeqAndDeathOnCleanStop() throws Exception {
        bridge.state(true);
        Uplink first = uplink(settings(broker.url()));
        await().atMost(10, TimeUnit.SECONDS).until(() -> bridge.births.size() == 1);
        Birth birth = bridge.births.get(0);
        assertThat(birth.gateway()).isEqualTo(GATEWAY);
        assertThat(birth.site()).isEqualTo(SITE);
        assertThat(birth.siteName()).isEqualTo("晋城高铁东站 Jincheng HSR East");
        assertThat(birth.bdSeq()).isEqualTo(1);
        assertThat(birth.devices()).extracting(Birth.DeviceEntry::id).containsExactly("post-zw-03/lane-1");
        assertThat(first.health().details()).containsEntry("bdSeq", 1L);

        first.close();
        await().atMost(10, TimeUnit.SECONDS).until(() -> bridge.deaths.size() == 1);
        assertThat(bridge.deaths.get(0).bdSeq()).isEqualTo(1);
        assertThat(first.health().status()).isEqualTo(HealthReport.Status.DOWN);

        uplink(settings(broker.url()));
        await().atMost(10, TimeUnit.SECONDS).until(() -> bridge.births.size() == 2);
        assertThat(bridge.births.get(1).bdSeq()).isEqualTo(2);
        assertThat(bridge.deaths).hasSize(1);
    }

    @Test
    void aChangedInventoryIsAnnouncedWithOneNewBirthPerBurst() throws Exception {
        bridge.state(true);
        Uplink uplink = uplink(settings(broker.url()));
        await().atMost(10, TimeUnit.SECONDS).until(() -> bridge.births.size() == 1);

        for (int i = 0; i < 5; i++) {
            uplink.inventoryChanged();
        }
        await().atMost(10, TimeUnit.SECONDS).until(() -> bridge.births.size() == 2);
        assertThat(bridge.births.get(1).bdSeq()).as("the same session").isEqualTo(bridge.births.get(0).bdSeq());
        uplink.inventoryChanged();
        await().atMost(10, TimeUnit.SECONDS).until(() -> bridge.births.size() == 3);
        assertThat(uplink.stats().births.get()).as("the burst of five made one birth, published before the later one").isEqualTo(3);
    }

    @Test
    void theBrokerPublishesTheDeathWhenTheConnectionDiesAndTheUplinkComesBack() throws Exception {
        bridge.state(true);
        try (TcpRelay proxy = new TcpRelay(broker.port())) {
            Uplink uplink = uplink(settings(proxy.url()));
            await().atMost(10, TimeUnit.SECONDS).until(() -> bridge.births.size() == 1);
            long bdSeq = bridge.births.get(0).bdSeq();

            proxy.cutAll();
            await().atMost(10, TimeUnit.SECONDS).until(() -> bridge.deaths.size() == 1);
            assertThat(bridge.deaths.get(0).bdSeq()).as("the will carries the lost session's bdSeq").isEqualTo(bdSeq);

            await().atMost(10, TimeUnit.SECONDS).until(() -> bridge.births.size() == 2);
            assertThat(bridge.births.get(1).bdSeq()).isGreaterThan(bdSeq);
            long seq = publish(Priority.CRITICAL, 3);
            await().atMost(10, TimeUnit.SECONDS).until(() -> backlog() == 0);
            assertThat(bridge.receivedSeqs()).contains(seq);
            assertThat(uplink.stats().connects.get()).isEqualTo(2);
        }
    }

    @Test
    void reconnectsAfterABrokerRestartAndResendsWhatWasNotAcknowledged() throws Exception {
        bridge.state(true);
        bridge.autoAck = false;
        long a = publish(Priority.HIGH, 1);
        long b = publish(Priority.NORMAL, 2);
        Uplink uplink = uplink(settings(broker.url()).withTimings(100, 1000, 0, Duration.ofSeconds(2)));
        await().atMost(10, TimeUnit.SECONDS).until(() -> bridge.received.size() == 2);

        broker.stop();
        await().atMost(10, TimeUnit.SECONDS).until(() -> uplink.health().status() == HealthReport.Status.DOWN
                && uplink.health().details().containsKey("lastError"));
        HealthReport down = uplink.health();
        assertThat(down.status()).isEqualTo(HealthReport.Status.DOWN);
        assertThat(down.summary()).as("between attempts or while retrying, the crew reads what failed and what to check")
                .containsPattern("Not connected to|last attempt failed").contains(broker.url(), "Check");
        assertThat(down.details()).containsKey("lastError");
        assertThat(store.queue().inFlight()).as("released for resending").isZero();
        assertThat(backlog()).isEqualTo(2);
        long whileDown = publish(Priority.CRITICAL, 3);

        broker.start();
        bridge.autoAck = true;
        bridge.connect();
        bridge.state(true);
        await().atMost(20, TimeUnit.SECONDS).until(() -> backlog() == 0);
        assertThat(bridge.receivedSeqs()).contains(a, b, whileDown);
        assertThat(bridge.receivedSeqs().stream().filter(s -> s == a)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(uplink.stats().connectAttempts.get()).isGreaterThanOrEqualTo(2);
        assertThat(uplink.health().status()).isEqualTo(HealthReport.Status.UP);
    }

    @Test
    void anUnreachableBrokerIsReportedDownWithWhatToCheck() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        Uplink uplink = uplink(settings("tcp://127.0.0.1:" + closedPort));
        await().atMost(10, TimeUnit.SECONDS).until(() -> uplink.stats().connectAttempts.get() >= 3);
        HealthReport health = uplink.health();
        assertThat(health.status()).isEqualTo(HealthReport.Status.DOWN);
        assertThat(health.summary()).contains("127.0.0.1:" + closedPort).contains(CloudLinkConfig.PID);
        assertThat(store.counters().incrementAndGet("bdSeq")).as("one bdSeq per connect attempt").isGreaterThan(3);
    }
}
