package cn.taihang.cloudlink.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.taihang.cloudlink.internal.LinkStats.BridgeView;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The any-instance rule and when a state asks for an early resend. */
@Tag("unit")
class BridgeInstancesTest {

    private final BridgeInstances bridges = new BridgeInstances();

    @Test
    void theBridgeIsOnlineWhileAnyInstanceIsAndOfflineOnlyWhenEveryInstanceHeardIs() {
        assertThat(bridges.view()).isEqualTo(BridgeView.UNKNOWN);
        assertThat(bridges.update("bridge-a", true, 1_000).now()).isEqualTo(BridgeView.ONLINE);
        assertThat(bridges.update("bridge-b", true, 2_000).now()).isEqualTo(BridgeView.ONLINE);
        assertThat(bridges.online()).isEqualTo(2);

        BridgeInstances.Change aStops = bridges.update("bridge-a", false, 1_000);
        assertThat(aStops.now()).as("one instance stopping does not make the gateway hold").isEqualTo(BridgeView.ONLINE);
        assertThat(bridges.online()).isEqualTo(1);
        assertThat(bridges.update("bridge-b", false, 2_000).now()).isEqualTo(BridgeView.OFFLINE);
    }

    @Test
    void theLegacySingleStateCountsAsOneInstance() {
        assertThat(bridges.update("", false, 1_000).now()).isEqualTo(BridgeView.OFFLINE);
        assertThat(bridges.update("bridge-a", true, 2_000).now()).as("an old bridge's stale offline does not hold a new one").isEqualTo(BridgeView.ONLINE);
        assertThat(bridges.update("bridge-a", false, 2_000).now()).isEqualTo(BridgeView.OFFLINE);
        BridgeInstances.Change legacyBack = bridges.update("", true, 3_000);
        assertThat(legacyBack.now()).isEqualTo(BridgeView.ONLINE);
        assertThat(legacyBack.bridgeRestarted()).as("the single bridge came back").isTrue();
    }

    @Test
    void oneInstanceOfSeveralRestartingDoesNotAskEveryGatewayToResend() {
        bridges.update("bridge-a", true, 1_000);
        bridges.update("bridge-b", true, 2_000);
        assertThat(bridges.update("bridge-a", false, 1_000).bridgeRestarted()).isFalse();
        assertThat(bridges.update("bridge-a", true, 3_000).bridgeRestarted()).as("bridge-b carried on").isFalse();
        assertThat(bridges.update("bridge-a", true, 4_000).bridgeRestarted()).as("a new session of a, b still online").isFalse();
    }

    @Test
    void theLastInstanceBackOrANewSessionOfTheOnlyOneAsksForAResend() {
        bridges.update("bridge-a", true, 1_000);
        assertThat(bridges.update("bridge-a", true, 1_000).bridgeRestarted()).as("the same session again").isFalse();
        assertThat(bridges.update("bridge-a", true, 2_000).bridgeRestarted()).as("the only instance has a new session").isTrue();
        bridges.update("bridge-a", false, 2_000);
        assertThat(bridges.update("bridge-b", true, 5_000).bridgeRestarted()).as("a new instance while the bridge was offline").isTrue();
    }

    @Test
    void reconnectingTheGatewayForgetsWhoWasHeardButNotTheirSessions() {
        bridges.update("bridge-a", false, 1_000);
        bridges.update("bridge-b", true, 2_000);
        bridges.connected();
        assertThat(bridges.view()).isEqualTo(BridgeView.UNKNOWN);
        assertThat(bridges.update("bridge-a", false, 1_000).now()).as("retained states arrive one by one").isEqualTo(BridgeView.OFFLINE);
        BridgeInstances.Change b = bridges.update("bridge-b", true, 2_000);
        assertThat(b.now()).isEqualTo(BridgeView.ONLINE);
        assertThat(b.bridgeRestarted()).as("b's session did not change while the gateway was away").isFalse();
    }
}
