package cn.taihang.cloudlink.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.taihang.cloudlink.embedded.EmbeddedUplink;
import cn.taihang.cloudlink.embedded.UplinkOptions;
import cn.taihang.gateway.api.HealthReport;
import cn.taihang.gateway.api.Priority;
import cn.taihang.wire.Birth;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The embedding API: an embedded store drained over a real broker to a test bridge, as a gateway drains it. */
@Tag("loopback")
class EmbeddedUplinkTest extends LoopbackFixture {

    @Test
    void optionsStartFromTheMetatypeDefaultsAndValidateWhatIsChanged() {
        UplinkOptions options = UplinkOptions.defaults("tcp://127.0.0.1:1883");
        assertThat(options.inflightRecords()).isEqualTo(500);
        assertThat(options.batchMaxRecords()).isEqualTo(200);
        assertThat(options.maxInflightMessages()).isEqualTo(200);
        UplinkOptions changed = options.withWindow(1000, 50).withBrokerUrl("ssl://bridge.example:8883");
        assertThat(changed.brokerUrl()).isEqualTo("ssl://bridge.example:8883");
        assertThat(changed.inflightRecords()).isEqualTo(1000);
        assertThat(changed.batchMaxRecords()).isEqualTo(50);
        assertThatThrownBy(() -> options.withBrokerUrl("http://bridge")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("brokerUrl");
        assertThatThrownBy(() -> options.withWindow(10, 5000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> options.withDrainRate(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void drainsTheQueueAnnouncesItsSoftwareAndSaysGoodbye() throws Exception {
        bridge.state(true);
        for (int i = 0; i < 30; i++) {
            publish(Priority.NORMAL, i);
        }
        UplinkOptions options = UplinkOptions.defaults(broker.url()).withReconnectJitter(0).withWindow(100, 7).withDrainRate(10_000);
        try (EmbeddedUplink uplink = EmbeddedUplink.start(options, IDENTITY, store.queue(), store.counters(), "bench-1")) {
            await().atMost(10, TimeUnit.SECONDS).until(() -> backlog() == 0);
            assertThat(bridge.received).hasSize(30);
            assertThat(uplink.health().status()).isEqualTo(HealthReport.Status.UP);
            assertThat(uplink.health().details()).containsEntry("recordsSent", 30L).containsEntry("batchesSent", 5L);
            Birth birth = bridge.births.get(0);
            assertThat(birth.gateway()).isEqualTo(GATEWAY);
            assertThat(birth.siteName()).isEqualTo(IDENTITY.siteName());
            assertThat(birth.software()).isEqualTo("bench-1");
            assertThat(birth.bundles()).isEmpty();
        }
        await().atMost(10, TimeUnit.SECONDS).until(() -> bridge.deaths.size() == 1);
        assertThat(bridge.deaths.get(0).bdSeq()).isEqualTo(bridge.births.get(0).bdSeq());
    }
}
