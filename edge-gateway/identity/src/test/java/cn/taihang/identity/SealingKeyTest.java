package cn.taihang.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway's X25519 sealing key: made once, owner-only, never overwritten, and the same format OpenSSL reads. */
@Tag("unit")
class SealingKeyTest {

    @TempDir
    Path dir;

    @Test
    void isMadeOnceOwnerOnlyAndReadBackTheSame() throws Exception {
        Path identity = dir.resolve("identity");
        SealingKey made = SealingKey.loadOrCreate(identity);
        assertThat(made.publicKey()).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(identity.resolve(SealingKey.FILE_NAME)))).isEqualTo("rw-------");
        SealingKey again = SealingKey.loadOrCreate(identity);
        assertThat(again.privateKey()).isEqualTo(made.privateKey());
        assertThat(again.publicKey()).isEqualTo(made.publicKey());
    }

    @Test
    void opensslReadsItAndAWorldReadableOneIsRefused() throws Exception {
        SealingKey made = SealingKey.loadOrCreate(dir);
        Process openssl = new ProcessBuilder("openssl", "pkey", "-in", dir.resolve(SealingKey.FILE_NAME).toString(), "-noout", "-text")
                .redirectErrorStream(true).start();
        String out = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(openssl.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains("X25519");
        Files.setPosixFilePermissions(dir.resolve(SealingKey.FILE_NAME), PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> SealingKey.read(dir)).hasMessageContaining("readable by every user");
        assertThat(made.publicKey()).hasSize(32);
    }
}
