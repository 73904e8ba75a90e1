package cn.taihang.wire.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.taihang.wire.command.CommandRefusedException.Reason;
import cn.taihang.wire.sign.SigningKey;
import cn.taihang.wire.sign.VerifyingKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.X25519KeyPairGenerator;
import org.bouncycastle.crypto.params.X25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The anchor file, the rotation body and sealed bodies. */
@Tag("unit")
class CommandTrustFilesTest {

    private final SecureRandom random = new SecureRandom();

    @TempDir
    Path dir;

    @Test
    void theAnchorFileRoundTripsAndIsReplacedWhole() throws Exception {
        assertThat(CommandAnchor.read(dir)).isEmpty();
        VerifyingKey one = VerifyingKey.of(1, SigningKey.generate(1, random).publicKey());
        VerifyingKey two = VerifyingKey.of(32768, SigningKey.generate(32768, random).publicKey());
        CommandAnchor.of(one).write(dir);
        assertThat(CommandAnchor.read(dir)).contains(CommandAnchor.of(one));
        CommandAnchor rotated = CommandAnchor.of(one).rotatedTo(two, 77);
        rotated.write(dir);
        assertThat(CommandAnchor.read(dir)).contains(rotated);
        assertThat(Files.readString(dir.resolve(CommandAnchor.FILE_NAME))).contains("\"algorithm\" : \"sm2\"", "\"acceptUpToId\" : 77");
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file left").hasSize(1);
        }
    }

    @Test
    void aBrokenAnchorFileSaysWhatIsWrong() throws Exception {
        Files.writeString(dir.resolve(CommandAnchor.FILE_NAME), "{\"format\": 1, \"keys\": []}");
        assertThatThrownBy(() -> CommandAnchor.read(dir)).hasMessageContaining("no current key");
        byte[] pub = SigningKey.generate(1, random).publicKey();
        String lying = "{\"format\":1,\"keys\":[{\"id\":1,\"algorithm\":\"sm2\",\"publicKey\":\"" + java.util.Base64.getEncoder().encodeToString(pub)
                + "\",\"acceptUpToId\":0}]}";
        Files.writeString(dir.resolve(CommandAnchor.FILE_NAME), lying);
        assertThatThrownBy(() -> CommandAnchor.read(dir)).hasMessageContaining("marked sm2");
        Files.writeString(dir.resolve(CommandAnchor.FILE_NAME), "not json");
        assertThatThrownBy(() -> CommandAnchor.read(dir)).hasMessageContaining("not a command anchor");
    }

    @Test
    void aRotationBodyRoundTripsAndRefusesGarbage() {
        VerifyingKey next = VerifyingKey.of(32769, SigningKey.generate(32769, random).publicKey());
        assertThat(CommandKeyRotation.decode(new CommandKeyRotation(next).encode()).next()).isEqualTo(next);
        assertThatThrownBy(() -> CommandKeyRotation.decode(new byte[] {(byte) 0x83, 1, 1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommandKeyRotation.decode(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSealedBodyOpensOnlyForItsGatewayCommandAndName() throws Exception {
        AsymmetricCipherKeyPair gateway = x25519();
        byte[] pub = ((X25519PublicKeyParameters) gateway.getPublic()).getEncoded();
        byte[] priv = ((X25519PrivateKeyParameters) gateway.getPrivate()).getEncoded();
        byte[] psk = "{\"version\":3,\"sensors\":[{\"identity\":\"vis-1\",\"key\":\"c2VjcmV0LXBzaw==\"}]}".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = SealedBody.seal(pub, "gw-1", 42, "sensor-keys", psk);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("c2VjcmV0LXBzaw", "vis-1");
        assertThat(SealedBody.open(priv, pub, "gw-1", 42, "sensor-keys", sealed)).isEqualTo(psk);

        AsymmetricCipherKeyPair other = x25519();
        byte[] otherPub = ((X25519PublicKeyParameters) other.getPublic()).getEncoded();
        byte[] otherPriv = ((X25519PrivateKeyParameters) other.getPrivate()).getEncoded();
        assertUnreadable(() -> SealedBody.open(otherPriv, otherPub, "gw-1", 42, "sensor-keys", sealed));
        assertUnreadable(() -> SealedBody.open(priv, pub, "gw-2", 42, "sensor-keys", sealed));
        assertUnreadable(() -> SealedBody.open(priv, pub, "gw-1", 43, "sensor-keys", sealed));
        assertUnreadable(() -> SealedBody.open(priv, pub, "gw-1", 42, "sign-message", sealed));
        assertUnreadable(() -> SealedBody.open(priv, pub, "gw-1", 42, "sensor-keys", java.util.Arrays.copyOf(sealed, 40)));
    }

    private AsymmetricCipherKeyPair x25519() {
        X25519KeyPairGenerator generator = new X25519KeyPairGenerator();
        generator.init(new X25519KeyGenerationParameters(random));
        return generator.generateKeyPair();
    }

    private interface Opening {
        byte[] open() throws CommandRefusedException;
    }

    private static void assertUnreadable(Opening opening) {
        assertThatThrownBy(opening::open).isInstanceOfSatisfying(CommandRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.UNREADABLE_SEALED_BODY));
    }
}
