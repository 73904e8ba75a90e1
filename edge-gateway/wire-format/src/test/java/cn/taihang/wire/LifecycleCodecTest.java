package cn.taihang.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class LifecycleCodecTest {

    private final LifecycleCodec codec = new LifecycleCodec();

    @Test
    void birthRoundTrips() throws Exception {
        Birth birth = new Birth(1, "gw-hsr-east-1", "jincheng-hsr-east", "晋城高铁东站 Jincheng HSR East", 7, 1_732_860_000_000L, "0.1.0",
                Map.of("cn.taihang.store", "0.1.0"), List.of(new Birth.DeviceEntry("lane-1", "vehicle-counter", "北向 northbound")),
                "https://127.0.0.1:8443/", "abc123");
        assertThat(codec.decodeBirth(codec.encodeBirth(birth))).isEqualTo(birth);
    }

    @Test
    void aBirthWithASealingKeyRoundTripsAndOneWithoutStillDecodes() throws Exception {
        byte[] key = new byte[32];
        key[0] = 9;
        Birth unsealed = new Birth(1, "gw-1", "site-1", "", 7, 1, "0.1.0", null, null, null, null);
        assertThat(codec.decodeBirth(codec.encodeBirth(unsealed.withSealingKey(key))).sealingKey()).isEqualTo(key);
        assertThat(codec.decodeBirth(codec.encodeBirth(unsealed)).sealingKey()).as("a birth of a gateway before sealed commands").isNull();
        Birth wrong = unsealed.withSealingKey(new byte[31]);
        assertThatThrownBy(() -> codec.decodeBirth(codec.encodeBirth(wrong))).hasMessageContaining("32-byte X25519");
    }

    @Test
    void aBirthCarriesTheGatewaysCertificateChainAndRefusesAnOversizedOne() throws Exception {
        Birth plain = new Birth(1, "gw-1", "post-3", "", 1, 0, "0.1.0", null, null, null, null);
        byte[] leaf = new byte[600];
        byte[] issuer = new byte[500];
        leaf[0] = 0x30;
        issuer[499] = 0x7f;
        Birth decoded = codec.decodeBirth(codec.encodeBirth(plain.withCertificateChain(List.of(leaf, issuer))));
        assertThat(decoded.certificateChain()).containsExactly(leaf, issuer);
        assertThat(codec.decodeBirth(codec.encodeBirth(plain)).certificateChain()).as("a gateway without an identity").isEmpty();
        Birth both = plain.withCertificateChain(List.of(leaf, issuer)).withSealingKey(new byte[32]);
        assertThat(codec.decodeBirth(codec.encodeBirth(both))).as("chain and sealing key together").isEqualTo(both);
        Birth oversized = plain.withCertificateChain(List.of(new byte[Birth.MAX_CERTIFICATE_BYTES + 1]));
        assertThatThrownBy(() -> codec.decodeBirth(codec.encodeBirth(oversized))).isInstanceOf(WireFormatException.class)
                .hasMessageContaining("certificates");
        Birth tooMany = plain.withCertificateChain(java.util.Collections.nCopies(Birth.MAX_CHAIN_CERTIFICATES + 1, leaf));
        assertThatThrownBy(() -> codec.decodeBirth(codec.encodeBirth(tooMany))).isInstanceOf(WireFormatException.class);
    }

    @Test
    void aBirthSaysWhetherTheClockIsSynchronisedAndAnOlderOneDoesNotSay() throws Exception {
        Birth birth = new Birth(1, "gw-1", "site-1", "", 7, 1, "0.1.0", null, null, null, null);
        assertThat(codec.decodeBirth(codec.encodeBirth(birth.withClockSynchronised(false))).clockSynchronised()).isFalse();
        assertThat(codec.decodeBirth(codec.encodeBirth(birth.withClockSynchronised(true)))).isEqualTo(birth.withClockSynchronised(true));
        java.util.Map<String, Object> older = new java.util.HashMap<>(java.util.Map.of("version", 1, "gateway", "gw-1", "site", "site-1",
                "siteName", "", "bdSeq", 7, "timeMillis", 1, "software", "0.1.0"));
        byte[] olderPayload = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.cbor.CBORFactory())
                .writeValueAsBytes(older);
        assertThat(codec.decodeBirth(olderPayload).clockSynchronised()).as("a gateway before this field").isNull();
    }

    @Test
    void deathAndBridgeStateRoundTrip() throws Exception {
        assertThat(codec.decodeDeath(codec.encodeDeath(new Death(1, "gw-a", 9)))).isEqualTo(new Death(1, "gw-a", 9));
        assertThat(codec.decodeBridgeState(codec.encodeBridgeState(new BridgeState(1, true, 5)))).isEqualTo(new BridgeState(1, true, 5));
    }

    @Test
    void refusesBirthWithBadIdsOrVersion() {
        Birth bad = new Birth(1, "GW with spaces", "site", "", 1, 0, "", null, null, null, null);
        assertThatThrownBy(() -> codec.decodeBirth(codec.encodeBirth(bad))).isInstanceOf(WireFormatException.class);
        Birth future = new Birth(2, "gw", "site", "", 1, 0, "", null, null, null, null);
        assertThatThrownBy(() -> codec.decodeBirth(codec.encodeBirth(future))).isInstanceOf(WireFormatException.class)
                .extracting(e -> ((WireFormatException) e).reason()).isEqualTo(WireFormatException.Reason.UNSUPPORTED_VERSION);
    }

    @Test
    void refusesGarbage() {
        for (byte[] junk : List.of(new byte[0], new byte[] {(byte) 0xff}, new byte[] {0x1a, 0x00}, "not cbor".getBytes())) {
            assertThatThrownBy(() -> codec.decodeBirth(junk)).isInstanceOf(WireFormatException.class);
        }
    }
}
