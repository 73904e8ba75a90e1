package cn.taihang.bridge;

import cn.taihang.bridge.testing.TestSecurity;
import cn.taihang.bridge.module.Scopes;
import org.junit.jupiter.api.extension.RegisterExtension;
import cn.taihang.bridge.testing.TestGateway;
import cn.taihang.bridge.testing.Frames;
import cn.taihang.bridge.testing.ApiClient;
import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.bridge.broker.BrokerAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second bridge using the first one's broker as its external broker, as a scaled-out bridge would. */
@Tag("loopback")
class ExternalBrokerLoopbackTest {

    @RegisterExtension
    static final TestSecurity SECURITY = new TestSecurity();

    @TempDir
    Path dirA;
    @TempDir
    Path dirB;

    @Test
    void ingestsThroughAnExternalBroker() throws Exception {
        try (RunningBridge host = BridgeCore.start(SECURITY.options(dirA), List.of()).toCompletableFuture().get();
             RunningBridge external = BridgeCore.start(SECURITY.options(dirB)
                     .withExternalBroker(BrokerAddress.parse(host.brokerUrl())), List.of()).toCompletableFuture().get();
             ApiClient api = SECURITY.client(external, Scopes.TELEMETRY_READ, Scopes.METRICS_READ);
             TestGateway gw = TestGateway.online(SECURITY.pki(), host.brokerUrl(), "wangmangling", "gw-wml-1")) {
            assertThat(external.embeddedBroker()).isFalse();
            assertThat(external.brokerUrl()).isEqualTo(host.brokerUrl());
            assertThat(api.json("/health").getString("brokerMode")).isEqualTo("external");
            gw.send(Frames.range(1, 3));
            // both bridges subscribe without a share group: each stores the batch in its own database and acks it
            await().until(() -> gw.acks().size() == 2);
            assertThat(api.json("/api/v1/telemetry").getJsonArray("items")).hasSize(3);
        }
    }
}
