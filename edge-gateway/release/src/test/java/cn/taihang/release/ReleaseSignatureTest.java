package cn.taihang.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.taihang.release.testing.TestBundles;

import cn.taihang.release.build.ReleaseBuilder;
import cn.taihang.release.build.ReleaseDirectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class ReleaseSignatureTest {

    @TempDir
    Path dir;

    final SecureRandom random = new SecureRandom();
    final ReleaseSigner signer = new ReleaseSigner(ReleaseKeys.newPrivateKey(random));
    final ReleaseCodec codec = new ReleaseCodec();
    ReleaseManifest manifest;
    Path bundles;

    @BeforeEach
    void build() throws Exception {
        bundles = dir.resolve("bundles");
        TestBundles.jar(bundles, "cn.taihang.test", "one", TestBundles.METATYPE);
        TestBundles.jar(bundles, "cn.taihang.other", "two", null);
        TestBundles.frameworkProperties(bundles, "slf4j.api, org.osgi.service.cm");
        manifest = new ReleaseBuilder().build(bundles, "2026.12.1", List.of("raspberry-pi-4"), "test", Instant.parse("2026-12-01T00:00:00Z"));
    }

    @Test
    void theBuilderNamesEveryBundleByContentAndReadsTheSchemaAndSharedApis() throws Exception {
        assertThat(manifest.bundles()).extracting(BundleEntry::symbolicName).containsExactly("cn.taihang.other", "cn.taihang.test");
        BundleEntry test = manifest.bundle("cn.taihang.test").orElseThrow();
        assertThat(test.sha256()).isEqualTo(ReleaseBuilder.sha256(bundles.resolve("cn.taihang.test.jar")));
        assertThat(test.size()).isEqualTo(Files.size(bundles.resolve("cn.taihang.test.jar")));
        assertThat(test.version()).isEqualTo("0.1.0.SNAPSHOT");
        assertThat(manifest.sharedApis()).containsExactly("slf4j.api", "org.osgi.service.cm");
        assertThat(manifest.configSchema().pids()).containsOnlyKeys("cn.taihang.test", "cn.taihang.test.lane");
        assertThat(manifest.configSchema().forKey("cn.taihang.test.lane~l1")).isPresent();
        assertThat(manifest.configSchema().forKey("cn.taihang.test.lane")).as("a factory PID alone is no configuration").isEmpty();
        AttributeSchema limits = manifest.configSchema().pids().get("cn.taihang.test").attribute("limits").orElseThrow();
        assertThat(limits.defaults()).containsExactly("2.5", "5.6,7");
        assertThat(limits.cardinality()).isEqualTo(Integer.MAX_VALUE);
        assertThat(manifest.configSchema().pids().get("cn.taihang.test").attribute(".password").orElseThrow().secret()).isTrue();
    }

    @Test
    void aSignedManifestVerifiesAndDecodesToWhatWasSigned() throws Exception {
        SignedManifest signed = codec.openEnvelope(codec.envelope(signer.sign(manifest)));
        ReleaseManifest verified = new ReleaseVerifier(List.of(signer.publicKey())).verify(signed);
        assertThat(verified).isEqualTo(manifest);
        assertThat(signed.keyId()).isEqualTo(ReleaseKeys.keyId(signer.publicKey())).hasSize(16);
    }

    @Test
    void oneChangedByteIsABadSignature() {
        SignedManifest signed = signer.sign(manifest);
        byte[] bytes = signed.manifest();
        String text = new String(bytes, StandardCharsets.UTF_8).replace("raspberry-pi-4", "raspberry-pi-5");
        SignedManifest altered = new SignedManifest(text.getBytes(StandardCharsets.UTF_8), signed.keyId(), signed.signature());
        assertThatThrownBy(() -> new ReleaseVerifier(List.of(signer.publicKey())).verify(altered))
                .isInstanceOfSatisfying(ReleaseException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ReleaseException.Reason.BAD_SIGNATURE);
                    assertThat(e.code()).isEqualTo("bad-signature");
                    assertThat(e.getMessage()).contains("altered or forged");
                });
    }

    @Test
    void anotherKeyIsUnknownAndATicketKeyCannotStandIn() {
        ReleaseSigner intruder = new ReleaseSigner(ReleaseKeys.newPrivateKey(random));
        assertThatThrownBy(() -> new ReleaseVerifier(List.of(signer.publicKey())).verify(intruder.sign(manifest)))
                .isInstanceOfSatisfying(ReleaseException.class, e -> assertThat(e.reason()).isEqualTo(ReleaseException.Reason.UNKNOWN_KEY));
        SignedManifest claimed = intruder.sign(manifest);
        SignedManifest relabelled = new SignedManifest(claimed.manifest(), signer.keyId(), claimed.signature());
        assertThatThrownBy(() -> new ReleaseVerifier(List.of(signer.publicKey())).verify(relabelled))
                .isInstanceOfSatisfying(ReleaseException.class, e -> assertThat(e.reason()).isEqualTo(ReleaseException.Reason.BAD_SIGNATURE));
    }

    @Test
    void malformedTruncatedAndOversizedEnvelopesAreRefusedWithTheReason() {
        byte[] envelope = codec.envelope(signer.sign(manifest));
        for (byte[] bad : List.of(new byte[0], Arrays.copyOf(envelope, envelope.length / 2), "[]".getBytes(StandardCharsets.UTF_8),
                "{\"format\":\"zip\"}".getBytes(StandardCharsets.UTF_8), new byte[ReleaseCodec.MAX_BYTES + 1],
                "{\"format\":\"taihang-release/1\",\"keyId\":\"00\",\"signature\":\"AA==\",\"manifest\":\"AA==\"}".getBytes(StandardCharsets.UTF_8))) {
            assertThatThrownBy(() -> codec.openEnvelope(bad)).isInstanceOfSatisfying(ReleaseException.class,
                    e -> assertThat(e.reason()).isEqualTo(ReleaseException.Reason.MALFORMED));
        }
    }

    @Test
    void aSignedButMalformedManifestIsMalformedNotAccepted() {
        SignedManifest signed = signer.sign("{\"format\":1,\"version\":\"x\",\"bundles\":[]}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> new ReleaseVerifier(List.of(signer.publicKey())).verify(signed))
                .isInstanceOfSatisfying(ReleaseException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ReleaseException.Reason.MALFORMED);
                    assertThat(e.getMessage()).contains("configSchema");
                });
    }

    @Test
    void boardAndLauncherAreChecked() throws Exception {
        manifest.requireBoard("raspberry-pi-4");
        assertThatThrownBy(() -> manifest.requireBoard("raspberry-pi-5")).isInstanceOfSatisfying(ReleaseException.class, e -> {
            assertThat(e.reason()).isEqualTo(ReleaseException.Reason.WRONG_BOARD);
            assertThat(e.getMessage()).contains("raspberry-pi-5", "raspberry-pi-4");
        });
        manifest.requireSharedApis(Set.of("slf4j.api", "org.osgi.service.cm", "more"));
        assertThatThrownBy(() -> manifest.requireSharedApis(Set.of("slf4j.api"))).isInstanceOfSatisfying(ReleaseException.class,
                e -> assertThat(e.getMessage()).contains("org.osgi.service.cm"));
    }

    @Test
    void keyFilesAreOwnerOnlyNeverOverwrittenAndAWorldReadableKeyIsRefused() throws Exception {
        Path key = dir.resolve("keys/release.key");
        byte[] privateKey = ReleaseKeys.newPrivateKey(random);
        ReleaseKeys.writeKeyPair(key, privateKey);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(ReleaseKeys.readPrivateKey(key)).isEqualTo(privateKey);
        assertThat(ReleaseKeys.readPublicKeys(ReleaseKeys.publicKeyFile(key))).singleElement().isEqualTo(ReleaseKeys.publicKey(privateKey));
        assertThatThrownBy(() -> ReleaseKeys.writeKeyPair(key, ReleaseKeys.newPrivateKey(random))).hasMessageContaining("never overwritten");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> ReleaseKeys.readPrivateKey(key)).hasMessageContaining("owner-only");
        Files.writeString(dir.resolve("bad.pub"), "# pinned\nnot-hex\n");
        assertThatThrownBy(() -> ReleaseKeys.readPublicKeys(dir.resolve("bad.pub"))).hasMessageContaining("32-byte");
    }

    @Test
    void aReleaseDirectoryRoundTripsAndCatchesAChangedBundle() throws Exception {
        SignedManifest signed = signer.sign(manifest);
        Path out = dir.resolve("release");
        ReleaseDirectory written = ReleaseDirectory.write(out, signed, manifest, bundles);
        ReleaseDirectory read = ReleaseDirectory.read(out);
        assertThat(read.signed()).isEqualTo(signed);
        assertThat(read.bundles()).containsOnlyKeys(written.bundles().keySet());
        Files.writeString(out.resolve("bundles/cn.taihang.test-0.1.0.SNAPSHOT.jar"), "tampered");
        assertThatThrownBy(() -> ReleaseDirectory.read(out)).hasMessageContaining("differs from the manifest");
    }
}
