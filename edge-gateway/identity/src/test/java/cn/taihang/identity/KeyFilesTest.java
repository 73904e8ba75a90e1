package cn.taihang.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PublicKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OutputEncryptor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

@Tag("unit")
class KeyFilesTest {

    @TempDir
    Path dir;

    @Test
    void aNewKeyFileIsOwnerOnlyPkcs8InAnOwnerOnlyDirectoryAndReadsBack() throws Exception {
        Path file = dir.resolve("holder/key.pem");
        KeyPair pair = KeyFiles.create(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(KeyFiles.read(file)).isEqualTo(pair.getPrivate());
        assertThat(KeyFiles.readKeyPair(file).getPublic()).isEqualTo(pair.getPublic());
        assertThat(KeyFiles.matches(KeyFiles.read(file), pair.getPublic())).isTrue();
        assertThat(KeyFiles.matches(KeyFiles.read(file), KeyFiles.generate().getPublic())).isFalse();
    }

    @Test
    void anExistingKeyIsNeverOverwritten() throws Exception {
        Path file = dir.resolve("key.pem");
        KeyFiles.create(file);
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> KeyFiles.create(file)).isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining("never overwritten");
        assertThatThrownBy(() -> KeyFiles.write(file, KeyFiles.generate().getPrivate())).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aKeyEveryUserCanReadIsRefusedAndAGroupReadableOneWarned() throws Exception {
        Path file = dir.resolve("key.pem");
        KeyPair pair = KeyFiles.create(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> KeyFiles.read(file)).hasMessageContaining("readable by every user").hasMessageContaining("chmod 600");

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(KeyFiles.class);
        log.start();
        logger.addAppender(log);
        try {
            assertThat(KeyFiles.read(file)).isEqualTo(pair.getPrivate());
        } finally {
            logger.detachAppender(log);
        }
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).singleElement().asString().contains("readable by its group");
    }

    @Test
    void readsTheSec1FormOpensslWritesAndRefusesEncryptedOrMissingKeys() throws Exception {
        Path sec1 = dir.resolve("sec1.pem");
        try (InputStream in = getClass().getResourceAsStream("/openssl-sec1-key.pem")) {
            Files.copy(in, sec1);
        }
        Files.setPosixFilePermissions(sec1, PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(sec1)).startsWith("-----BEGIN EC PRIVATE KEY-----");
        PublicKey opensslPublic;
        try (PEMParser parser = new PEMParser(new InputStreamReader(getClass().getResourceAsStream("/openssl-sec1-key.pub.pem"), StandardCharsets.US_ASCII))) {
            opensslPublic = new JcaPEMKeyConverter().getPublicKey((SubjectPublicKeyInfo) parser.readObject());
        }
        assertThat(KeyFiles.readKeyPair(sec1).getPublic()).isEqualTo(opensslPublic);
        KeyPair pair = KeyFiles.generate();

        Path encrypted = dir.resolve("encrypted.pem");
        OutputEncryptor encryptor = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC).setProvider(new BouncyCastleProvider()).setPassword("secret".toCharArray()).build();
        StringWriter encryptedPem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(encryptedPem)) {
            writer.writeObject(new JcaPKCS8Generator(pair.getPrivate(), encryptor));
        }
        Files.writeString(encrypted, encryptedPem.toString());
        Files.setPosixFilePermissions(encrypted, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> KeyFiles.read(encrypted)).hasMessageContaining("is encrypted").hasMessageContaining("starts unattended");

        Path notAKey = dir.resolve("cert.pem");
        Files.writeString(notAKey, "hello", StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(notAKey, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> KeyFiles.read(notAKey)).hasMessageContaining("holds no private key");
    }
}
