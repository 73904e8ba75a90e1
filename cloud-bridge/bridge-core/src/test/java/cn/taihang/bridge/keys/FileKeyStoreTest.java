package cn.taihang.bridge.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.taihang.bridge.module.SigningKeyStore;
import cn.taihang.wire.sign.Signer;
import cn.taihang.wire.sign.SigningKey;
import cn.taihang.wire.sign.VerifyingKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signing keys at rest: encrypted under a key file apart from the data, bound to their row, refused when misplaced. */
@Tag("unit")
class FileKeyStoreTest {

    private static final byte[] MESSAGE = "taihang/v1/fleet/cmd/ticket-keyring".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void aKeyIsStoredEncryptedAndSignsAfterReopening() throws Exception {
        Path keyFile = dir.resolve("secrets/signing.key");
        FileKeyStore store = FileKeyStore.open(keyFile, dir.resolve("data"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile.getParent()))).isEqualTo("rwx------");
        for (int keyId : new int[] {1, 32768}) {
            SigningKeyStore.ProtectedKey stored = store.generate("command-key", keyId);
            assertThat(SigningKeyStore.isClear(stored.handle())).isFalse();
            Signer signer = FileKeyStore.open(keyFile, dir.resolve("data")).open("command-key", keyId, stored.handle());
            assertThat(VerifyingKey.of(keyId, stored.publicKey()).verify(MESSAGE, signer.sign(MESSAGE))).isTrue();
        }
    }

    @Test
    void aHandleOpensOnlyWithItsKeyFileLabelAndKeyId() throws Exception {
        FileKeyStore store = FileKeyStore.open(dir.resolve("a/signing.key"), dir.resolve("data"));
        SigningKey clear = SigningKey.generate(3, new SecureRandom());
        byte[] handle = store.protect("ticket-key", clear).handle();
        assertThat(java.util.HexFormat.of().formatHex(handle)).doesNotContain(java.util.HexFormat.of().formatHex(clear.privateKey()));
        assertThat(store.open("ticket-key", 3, handle).publicKey()).isEqualTo(clear.publicKey());
        assertThatThrownBy(() -> store.open("command-key", 3, handle)).hasMessageContaining("does not open");
        assertThatThrownBy(() -> store.open("ticket-key", 4, handle)).hasMessageContaining("does not open");
        FileKeyStore other = FileKeyStore.open(dir.resolve("b/signing.key"), dir.resolve("data"));
        assertThatThrownBy(() -> other.open("ticket-key", 3, handle)).hasMessageContaining("another bridge's key file");
    }

    @Test
    void aKeyFileInsideTheDataDirectoryOrReadableByAllIsRefused() throws Exception {
        assertThatThrownBy(() -> FileKeyStore.open(dir.resolve("data/secrets/signing.key"), dir.resolve("data")))
                .hasMessageContaining("inside the data directory");
        Path open = Files.write(dir.resolve("open.key"), new byte[32]);
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> FileKeyStore.open(open, dir.resolve("data"))).hasMessageContaining("every local user");
        Path short16 = Files.write(dir.resolve("short.key"), new byte[16]);
        Files.setPosixFilePermissions(short16, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> FileKeyStore.open(short16, dir.resolve("data"))).hasMessageContaining("16 bytes, not 32");
    }
}
