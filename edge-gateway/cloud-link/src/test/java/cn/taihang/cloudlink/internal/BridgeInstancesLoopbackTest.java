package cn.taihang.cloudlink.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.gateway.api.HealthReport;
import cn.taihang.gateway.api.Priority;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Several bridge instances, each with its own retained state, over a real broker: the drain holds only when all are offline. */
@Tag("loopback")
class BridgeInstancesLoopbackTest extends LoopbackFixture {

    @Test
    void oneInstanceStoppingNeitherHoldsTheDrainNorMakesTheGatewayResend() throws Exception {
        bridge.instanceState("bridge-a", true, 1_000);
        bridge.instanceState("bridge-b", true, 2_000);
        bridge.autoAck = false;
        long first = publish(Priority.HIGH, 1);
        Uplink uplink = uplink(settings(broker.url()).withTimings(50, 500, 0, Duration.ofMinutes(10)));
        await().atMost(10, TimeUnit.SECONDS).until(() -> bridge.received.size() == 1);

        bridge.instanceState("bridge-a", false, 1_000);
        long second = publish(Priority.HIGH, 2);
        await().atMost(10, TimeUnit.SECONDS).until(() -> bridge.received.size() == 2);
        bridge.instanceState("bridge-a", true, 3_000);
        long third = publish(Priority.HIGH, 3);
        await().atMost(10, TimeUnit.SECONDS).until(() -> bridge.received.size() == 3);
        assertThat(bridge.receivedSeqs()).as("nothing held, nothing resent").containsExactly(first, second, third);
        assertThat(uplink.stats().drainHeld.get()).isZero();
        assertThat(uplink.health().status()).isEqualTo(HealthReport.Status.UP);
        assertThat(uplink.health().details()).containsEntry("resentAfterBridgeRestart", 0L);

        bridge.instanceState("bridge-a", false, 3_000);
        bridge.instanceState("bridge-b", false, 2_000);
        await().atMost(10, TimeUnit.SECONDS).until(() -> uplink.health().status() == HealthReport.Status.DEGRADED);
        long held = publish(Priority.HIGH, 4);
        await().atMost(10, TimeUnit.SECONDS).until(() -> uplink.stats().drainHeld.get() > 0);
        assertThat(bridge.receivedSeqs()).as("every instance offline: the drain holds").doesNotContain(held);

        bridge.autoAck = true;
        bridge.instanceState("bridge-b", true, 4_000);
        await().atMost(10, TimeUnit.SECONDS).until(() -> backlog() == 0);
        assertThat(bridge.receivedSeqs()).as("the bridge back: what it had not acknowledged, then the held record")
                .containsExactlyInAnyOrder(first, second, third, first, second, third, held);
        assertThat(uplink.health().details()).containsEntry("resentAfterBridgeRestart", 3L);
    }

    @Test
    void aStaleLegacyOfflineStateDoesNotHoldWhileAnInstanceIsOnline() throws Exception {
        bridge.state(false);
        bridge.instanceState("bridge-a", true, 1_000);
        long seq = publish(Priority.CRITICAL, 1);
        Uplink uplink = uplink(settings(broker.url()));
        await().atMost(10, TimeUnit.SECONDS).until(() -> backlog() == 0);
        assertThat(bridge.receivedSeqs()).contains(seq);
        assertThat(uplink.health().status()).isEqualTo(HealthReport.Status.UP);
    }
}
