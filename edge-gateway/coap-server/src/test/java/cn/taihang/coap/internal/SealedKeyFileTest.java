package cn.taihang.coap.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.taihang.coap.api.SensorKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class SealedKeyFileTest {

    private static final byte[] SECRET = "a-gateway-secret-of-32-bytes-!!!".getBytes(StandardCharsets.US_ASCII);
    private static final SensorKeys KEYS = new SensorKeys(3, List.of(new SensorKeys.Entry("vis-zw-12", "vis-zw-12",
            "the-key-in-clear-16".getBytes(StandardCharsets.US_ASCII))));

    @TempDir
    Path dir;

    @Test
    void roundTripsWithoutTheKeysOrIdentitiesInClear() throws IOException {
        Path file = dir.resolve("sensor-keys.sealed");
        new SealedKeyFile(file, SECRET, "gw-1").write(KEYS);
        String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertThat(raw).startsWith("TKS1").doesNotContain("the-key-in-clear").doesNotContain("vis-zw-12").doesNotContain("dGhlLWtleS");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(new SealedKeyFile(file, SECRET, "gw-1").read()).contains(KEYS);
    }

    @Test
    void anotherSecretOrGatewayOrATamperedFileDoesNotOpen() throws IOException {
        Path file = dir.resolve("sensor-keys.sealed");
        new SealedKeyFile(file, SECRET, "gw-1").write(KEYS);
        assertThatThrownBy(() -> new SealedKeyFile(file, "another-secret-of-32-bytes-!!!!!".getBytes(StandardCharsets.US_ASCII), "gw-1").read())
                .isInstanceOf(IOException.class).hasMessageContaining("sensor-keys command again");
        assertThatThrownBy(() -> new SealedKeyFile(file, SECRET, "gw-2").read()).isInstanceOf(IOException.class);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 1;
        Files.write(file, bytes);
        assertThatThrownBy(() -> new SealedKeyFile(file, SECRET, "gw-1").read()).isInstanceOf(IOException.class);
        Files.write(file, new byte[] {'T', 'K'});
        assertThatThrownBy(() -> new SealedKeyFile(file, SECRET, "gw-1").read()).isInstanceOf(IOException.class).hasMessageContaining("not a sealed");
    }

    @Test
    void noFileMeansNoKeysAndAShortSecretIsRefused() throws IOException {
        assertThat(new SealedKeyFile(dir.resolve("absent"), SECRET, "gw-1").read()).isEmpty();
        assertThatThrownBy(() -> new SealedKeyFile(dir.resolve("x"), new byte[8], "gw-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDefaultSecretIsCreatedOnceOwnerOnly() throws IOException {
        Path secret = dir.resolve("secrets/sealing.key");
        byte[] first = SealedKeyFile.readSecret(secret, true);
        assertThat(first).hasSize(32);
        assertThat(SealedKeyFile.readSecret(secret, true)).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
        assertThatThrownBy(() -> SealedKeyFile.readSecret(dir.resolve("configured-but-missing"), false)).isInstanceOf(IOException.class);
    }

    @Test
    void theSecretLivesInTheIdentityDirectoryNeverBesideTheSealedFile() throws IOException {
        Path data = dir.resolve("data");
        Path identity = dir.resolve("identity");
        assertThat(SealingSecret.locate("", data, identity)).isEqualTo(identity.toAbsolutePath().resolve(SealingSecret.FILE_NAME));
        assertThatThrownBy(() -> SealingSecret.locate(data.resolve("secrets/mine.key").toString(), data, identity))
                .isInstanceOf(IOException.class).hasMessageContaining("inside the data directory");
        assertThatThrownBy(() -> SealingSecret.locate("", data, data.resolve("identity"))).isInstanceOf(IOException.class)
                .hasMessageContaining("must not sit beside");
        assertThat(SealingSecret.locate("/etc/taihang/sealing.key", data, identity)).isEqualTo(Path.of("/etc/taihang/sealing.key"));

        byte[] old = SealedKeyFile.readSecret(data.resolve("secrets/sealing.key"), true);
        Path moved = SealingSecret.locate(null, data, identity);
        assertThat(data.resolve("secrets/sealing.key")).as("the old default, moved away from the data").doesNotExist();
        assertThat(SealedKeyFile.readSecret(moved, true)).isEqualTo(old);
    }

    @Test
    void hkdfMatchesRfc5869TestCase1() {
        HexFormat hex = HexFormat.of();
        byte[] okm = SealedKeyFile.hkdfSha256(hex.parseHex("0b".repeat(22)), hex.parseHex("000102030405060708090a0b0c"),
                hex.parseHex("f0f1f2f3f4f5f6f7f8f9"), 32);
        assertThat(hex.formatHex(okm)).isEqualTo("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf");
    }
}
