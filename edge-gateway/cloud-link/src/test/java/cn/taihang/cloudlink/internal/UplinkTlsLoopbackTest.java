package cn.taihang.cloudlink.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.bridge.BridgeCore;
import cn.taihang.bridge.BridgeOptions;
import cn.taihang.bridge.RunningBridge;
import cn.taihang.bridge.ca.RevocationReason;
import cn.taihang.bridge.ca.testing.TestPki;
import cn.taihang.bridge.testing.Meters;
import cn.taihang.gateway.api.GatewayIdentity;
import cn.taihang.gateway.api.Priority;
import cn.taihang.identity.IdentityFiles;
import cn.taihang.identity.PemFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The uplink as a gateway runs it, to a real bridge over TLS: its own certificate of the test CA, the bridge's
 * embedded broker checking it; its births carry the chain the bridge believes; the CRL the bridge hands out lands in
 * the gateway's identity directory.
 */
@Tag("loopback")
class UplinkTlsLoopbackTest extends LoopbackFixture {

    @RegisterExtension
    static final TestPki PKI = new TestPki();

    private Uplink tlsUplink(RunningBridge secure, GatewayIdentity identity) {
        Uplink uplink = new Uplink(settings(secure.brokerUrl()), identity, store.queue(), store.counters(), BIRTHS);   // no command anchor: only the CRL gets in
        uplink.start();
        return uplink;
    }

    @Test
    void drainsOverTlsWithItsOwnCertificateAndInstallsTheCrlTheBridgeHandsOut() throws Exception {
        Path bridgeIdentity = PKI.bridge("bridge-tls");
        Path gatewayIdentity = PKI.gateway(GATEWAY, SITE);
        try (RunningBridge secure = BridgeCore.start(BridgeOptions.ephemeral(dir.resolve("bridge")).withIdentityDir(bridgeIdentity), List.of())
                .toCompletableFuture().get();
             Uplink uplink = tlsUplink(secure, enrolledAs(GATEWAY, SITE, gatewayIdentity))) {
            for (int i = 0; i < 3; i++) {
                publish(Priority.NORMAL, i);
            }
            await().until(() -> backlog() == 0);
            assertThat(Meters.count(secure, "bridge.ingest.records", "outcome", "new")).isEqualTo(3);
            assertThat(Meters.count(secure, "bridge.lifecycle.messages", "kind", "birth", "outcome", "accepted"))
                    .as("its birth carried a chain the bridge believed").isPositive();

            Path other = PKI.gateway("gw-lost", SITE);
            PKI.ca().revoke("gw-lost", RevocationReason.KEY_COMPROMISE);
            PKI.publishCrl(bridgeIdentity);
            var lost = PemFiles.readCertificates(IdentityFiles.in(other).certificate()).get(0);
            Path gatewayCrl = IdentityFiles.in(gatewayIdentity).crl().orElseThrow();
            await().until(() -> Files.exists(gatewayCrl) && PemFiles.readCrl(gatewayCrl).isRevoked(lost));
            assertThat(uplink.health().details()).containsEntry("state", "CONNECTED");
        }
    }

    @Test
    void withoutAnIdentityOrWithAnotherGatewaysItDoesNotConnectAndSaysWhy() throws Exception {
        Path bridgeIdentity = PKI.bridge("bridge-tls-2");
        try (RunningBridge secure = BridgeCore.start(BridgeOptions.ephemeral(dir.resolve("bridge")).withIdentityDir(bridgeIdentity), List.of())
                .toCompletableFuture().get()) {
            try (Uplink none = tlsUplink(secure, enrolledAs(GATEWAY, SITE, dir.resolve("not-enrolled")))) {
                await().until(() -> String.valueOf(none.health().details().get("lastError")).contains("pki make-gateway-csr"));
            }
            try (Uplink other = tlsUplink(secure, enrolledAs(GATEWAY, SITE, PKI.gateway("gw-someone-else", SITE)))) {
                await().until(() -> String.valueOf(other.health().details().get("lastError")).contains("configured as " + GATEWAY));
            }
            assertThat(Meters.count(secure, "bridge.lifecycle.messages", "kind", "birth", "outcome", "accepted")).isZero();
        }
    }
}
