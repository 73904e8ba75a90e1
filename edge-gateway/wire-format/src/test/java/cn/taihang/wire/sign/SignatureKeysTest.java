package cn.taihang.wire.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class SignatureKeysTest {

    private static final byte[] MESSAGE = "太行一号旅游公路 0 km".getBytes(StandardCharsets.UTF_8);
    private final SecureRandom random = new SecureRandom();

    @Test
    void theKeyIdSaysTheAlgorithm() {
        assertThat(SignatureAlgorithm.ofKeyId(0)).isEqualTo(SignatureAlgorithm.ED25519);
        assertThat(SignatureAlgorithm.ofKeyId(32767)).isEqualTo(SignatureAlgorithm.ED25519);
        assertThat(SignatureAlgorithm.ofKeyId(32768)).isEqualTo(SignatureAlgorithm.SM2_SM3);
        assertThat(SignatureAlgorithm.ofKeyId(65535)).isEqualTo(SignatureAlgorithm.SM2_SM3);
        assertThat(SignatureAlgorithm.SM2_SM3.lastKeyId()).isEqualTo(65535);
        assertThat(SignatureAlgorithm.ED25519.lastKeyId()).isEqualTo(32767);
        assertThatThrownBy(() -> SignatureAlgorithm.ofKeyId(65536)).hasMessageContaining("0-65535");
        assertThat(SignatureAlgorithm.ofLabel("SM2")).isEqualTo(SignatureAlgorithm.SM2_SM3);
        assertThatThrownBy(() -> SignatureAlgorithm.ofLabel("rsa")).hasMessageContaining("ed25519 or sm2");
    }

    @Test
    void bothAlgorithmsRoundTripWithSixtyFourByteSignatures() {
        for (int keyId : new int[] {3, 32771}) {
            SigningKey key = SigningKey.generate(keyId, random);
            byte[] signature = key.sign(MESSAGE);
            assertThat(signature).hasSize(64);
            VerifyingKey verifying = VerifyingKey.of(keyId, key.publicKey());
            assertThat(verifying.verify(MESSAGE, signature)).as(key.algorithm().label()).isTrue();
            byte[] altered = MESSAGE.clone();
            altered[0] ^= 1;
            assertThat(verifying.verify(altered, signature)).isFalse();
            assertThat(SigningKey.of(keyId, key.privateKey()).publicKey()).as("the private key alone makes the same key").isEqualTo(key.publicKey());
        }
        assertThat(SigningKey.generate(32768, random).publicKey()).hasSize(65).startsWith((byte) 0x04);
    }

    @Test
    void aSignatureOfOneAlgorithmDoesNotVerifyAsTheOther() {
        SigningKey ed = SigningKey.generate(1, random);
        SigningKey sm2 = SigningKey.generate(32769, random);
        assertThat(VerifyingKey.of(32769, sm2.publicKey()).verify(MESSAGE, ed.sign(MESSAGE))).isFalse();
        assertThat(VerifyingKey.of(1, ed.publicKey()).verify(MESSAGE, sm2.sign(MESSAGE))).isFalse();
        assertThat(VerifyingKey.of(1, ed.publicKey()).verify(MESSAGE, new byte[63])).isFalse();
    }

    @Test
    void aPublicKeyOfTheWrongShapeOrOffTheCurveIsRefused() {
        SigningKey ed = SigningKey.generate(1, random);
        SigningKey sm2 = SigningKey.generate(32769, random);
        assertThatThrownBy(() -> VerifyingKey.of(32769, ed.publicKey())).hasMessageContaining("sm2 key, which has 65 bytes, not 32");
        assertThatThrownBy(() -> VerifyingKey.of(1, sm2.publicKey())).hasMessageContaining("ed25519 key, which has 32 bytes, not 65");
        byte[] offCurve = sm2.publicKey();
        offCurve[64] ^= 1;
        assertThatThrownBy(() -> VerifyingKey.of(32769, offCurve)).hasMessageContaining("not a valid SM2 public key");
        byte[] compressed = new byte[65];
        compressed[0] = 0x02;
        assertThatThrownBy(() -> VerifyingKey.of(32769, compressed)).hasMessageContaining("uncompressed");
        assertThatThrownBy(() -> SigningKey.of(32769, new byte[32])).hasMessageContaining("outside 1..n-2");
        assertThatThrownBy(() -> SigningKey.of(1, new byte[31])).hasMessageContaining("32 bytes");
    }
}
