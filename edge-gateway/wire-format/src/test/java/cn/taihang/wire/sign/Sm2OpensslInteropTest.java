package cn.taihang.wire.sign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SM2 with SM3 and the default user id agrees with Debian's OpenSSL 3 in both directions: a signature OpenSSL makes
 * verifies here (converted from DER to r ‖ s), and one made here verifies in OpenSSL.
 */
@Tag("loopback")
class Sm2OpensslInteropTest {

    private static final BigInteger N = Sm2Curve.DOMAIN.getN();
    private static final String DIST_ID = "distid:1234567812345678";

    @TempDir
    Path dir;

    @Test
    void aSignatureMadeByOpensslVerifiesHere() throws Exception {
        Path key = dir.resolve("key.pem");
        Path message = Files.writeString(dir.resolve("message"), "晋城 HSR East → 王莽岭");
        openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:SM2", "-out", key.toString());
        openssl("pkeyutl", "-sign", "-rawin", "-digest", "sm3", "-pkeyopt", DIST_ID, "-inkey", key.toString(), "-in", message.toString(),
                "-out", dir.resolve("sig.der").toString());
        openssl("pkey", "-in", key.toString(), "-pubout", "-outform", "DER", "-out", dir.resolve("pub.der").toString());
        byte[] spki = Files.readAllBytes(dir.resolve("pub.der"));
        byte[] point = SubjectPublicKeyInfo.getInstance(spki).getPublicKeyData().getBytes();
        BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(N, Files.readAllBytes(dir.resolve("sig.der")));
        byte[] plain = PlainDSAEncoding.INSTANCE.encode(N, rs[0], rs[1]);

        VerifyingKey verifying = VerifyingKey.of(40000, point);
        assertThat(verifying.verify(Files.readAllBytes(message), plain)).isTrue();
        byte[] other = Files.readAllBytes(message);
        other[0] ^= 1;
        assertThat(verifying.verify(other, plain)).isFalse();
    }

    @Test
    void aSignatureMadeHereVerifiesInOpenssl() throws Exception {
        SigningKey key = SigningKey.generate(40001, new SecureRandom());
        byte[] message = "taihang/v1/fleet/cmd/ticket-keyring".getBytes(StandardCharsets.UTF_8);
        byte[] plain = key.sign(message);
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(plain, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(plain, 32, 64));
        Files.write(dir.resolve("sig.der"), StandardDSAEncoding.INSTANCE.encode(N, r, s));
        Files.write(dir.resolve("message"), message);
        SubjectPublicKeyInfo spki = new SubjectPublicKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, GMObjectIdentifiers.sm2p256v1),
                key.publicKey());
        Files.write(dir.resolve("pub.der"), spki.getEncoded());

        String out = openssl("pkeyutl", "-verify", "-rawin", "-digest", "sm3", "-pkeyopt", DIST_ID, "-pubin", "-keyform", "DER",
                "-inkey", dir.resolve("pub.der").toString(), "-in", dir.resolve("message").toString(), "-sigfile", dir.resolve("sig.der").toString());
        assertThat(out).contains("Signature Verified Successfully");
    }

    private String openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("openssl %s: %s", String.join(" ", args), out).isZero();
        return out;
    }
}
