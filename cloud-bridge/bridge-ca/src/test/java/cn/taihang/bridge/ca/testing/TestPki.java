package cn.taihang.bridge.ca.testing;

import cn.taihang.bridge.ca.CaException;
import cn.taihang.bridge.ca.CaPolicy;
import cn.taihang.bridge.ca.CityCa;
import cn.taihang.bridge.ca.IssuedCertificate;
import cn.taihang.bridge.ca.RevocationReason;
import cn.taihang.identity.CertificateRequest;
import cn.taihang.identity.IdentityFiles;
import cn.taihang.identity.IdentityName;
import cn.taihang.identity.Kind;
import cn.taihang.identity.PemFiles;
import cn.taihang.identity.TlsContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test CA: a real {@link CityCa} in a temporary directory, made on first use, deleted after the test class, that
 * hands out holder identity directories ({@link IdentityFiles#in} layout) — valid ones and deliberately bad ones.
 * Register it once per test class:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TestPki PKI = new TestPki();
 *
 * Path gateway = PKI.gateway("gw-1", "post-3");
 * TlsContext server = PKI.serverTls(PKI.bridge("bridge-1"), Kind.GATEWAY);
 * }</pre>
 *
 * Each call makes a fresh directory (ids may repeat; an id used for two kinds is refused, as the CA does). A bad
 * identity is bad in exactly one way. Making a CA takes a few milliseconds (EC P-256), so each class gets its own.
 */
public final class TestPki implements AfterAllCallback, AutoCloseable {

    private static final Duration PAST = Duration.ofDays(800);
    private static final Duration FUTURE = Duration.ofDays(30);

    private final AtomicInteger holders = new AtomicInteger();
    private Path root;
    private CityCa ca;
    private CityCa foreign;

    /** @return the city CA (made on first use) */
    public synchronized CityCa ca() {
        if (ca == null) {
            try {
                root = Files.createTempDirectory("taihang-pki-");
                ca = CityCa.create(root.resolve("ca"));
            } catch (IOException | CaException e) {
                throw new IllegalStateException("cannot make the test CA: " + e.getMessage(), e);
            }
        }
        return ca;
    }

    /** @return the directory everything lives in */
    public Path directory() {
        ca();
        return root;
    }

    /** @return a valid gateway identity */
    public Path gateway(String id, String site) {
        return holder(id, dir -> ca().enrolGateway(dir, id, site));
    }

    /** @return a valid bridge instance identity; its server names are localhost, 127.0.0.1 and ::1 */
    public Path bridge(String id) {
        return holder(id, dir -> ca().enrolBridge(dir, id, List.of()));
    }

    /** @return a valid broker identity (server only); its server names are localhost, 127.0.0.1 and ::1 */
    public Path broker(String id) {
        return holder(id, dir -> ca().enrolBroker(dir, id, List.of()));
    }

    /** @return a gateway whose certificate expired (issued as if 800 days ago, valid for the policy's 730) */
    public Path expiredGateway(String id, String site) {
        return skewed(id, site, Clock.offset(Clock.systemUTC(), PAST.negated()));
    }

    /** @return a gateway whose certificate becomes valid only in 30 days */
    public Path notYetValidGateway(String id, String site) {
        return skewed(id, site, Clock.offset(Clock.systemUTC(), FUTURE));
    }

    /**
     * @return a gateway whose certificate the CA revoked (key compromise; every valid certificate of the id is
     *     revoked); only this directory has the CRL listing it: {@link #publishCrl} gives it to the others
     */
    public Path revokedGateway(String id, String site) {
        Path dir = gateway(id, site);
        try {
            ca().revoke(id, RevocationReason.KEY_COMPROMISE);
            ca().publishCrl(dir);
        } catch (IOException | CaException e) {
            throw new IllegalStateException("cannot revoke " + id + ": " + e.getMessage(), e);
        }
        return dir;
    }

    /**
     * @return a gateway certified by a foreign CA that copies the city CA's names (an intruder's), holding the city's
     *     {@code ca.pem} so that it trusts the city's servers; it has no CRL
     */
    public Path foreignGateway(String id, String site) {
        return holder(id, dir -> {
            IdentityFiles files = IdentityFiles.in(dir);
            IssuedCertificate issued = foreign().enrolGateway(files.createRequest(IdentityName.gateway(id, site)), id, site);
            writeBadIdentity(files, issued);
        });
    }

    /** Gives holders the CA's current CRL (after a revocation). */
    public void publishCrl(Path... identityDirs) {
        for (Path dir : identityDirs) {
            try {
                ca().publishCrl(dir);
            } catch (IOException | CaException e) {
                throw new IllegalStateException("cannot give " + dir + " the CRL: " + e.getMessage(), e);
            }
        }
    }

    /** Puts a CRL of the city's issuing CA whose next update has passed into a holder's directory. */
    public void staleCrl(Path identityDir) {
        try {
            CityCa past = CityCa.open(ca().directory(), CaPolicy.defaults().withClock(Clock.offset(Clock.systemUTC(), PAST.negated())));
            String stale = PemFiles.toPem(past.issueCrl());
            ca().issueCrl();
            PemFiles.write(IdentityFiles.in(identityDir).crl().orElseThrow(), stale);
        } catch (IOException | CaException e) {
            throw new IllegalStateException("cannot make a stale CRL: " + e.getMessage(), e);
        }
    }

    /** @return a client context of a holder that accepts servers of these kinds */
    public static TlsContext clientTls(Path identityDir, Kind... servers) throws IOException, GeneralSecurityException {
        return TlsContext.client(IdentityFiles.in(identityDir)).accept(servers).build();
    }

    /** @return a server context of a holder that requires clients of these kinds */
    public static TlsContext serverTls(Path identityDir, Kind... clients) throws IOException, GeneralSecurityException {
        return TlsContext.server(IdentityFiles.in(identityDir)).accept(clients).build();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Deletes the CA and every holder directory. */
    @Override
    public synchronized void close() {
        if (root == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        root = null;
        ca = null;
        foreign = null;
    }

    private synchronized CityCa foreign() throws IOException, CaException {
        if (foreign == null) {
            foreign = CityCa.create(directory().resolve("foreign-ca"));
        }
        return foreign;
    }

    private Path skewed(String id, String site, Clock clock) {
        return holder(id, dir -> {
            IdentityFiles files = IdentityFiles.in(dir);
            CityCa skewed = CityCa.open(ca().directory(), CaPolicy.defaults().withClock(clock));
            CertificateRequest request = files.createRequest(IdentityName.gateway(id, site));
            writeBadIdentity(files, skewed.enrolGateway(request, id, site));
            PemFiles.write(files.crl().orElseThrow(), PemFiles.toPem(ca().currentCrl()));
        });
    }

    /** Writes what the holder's own install would refuse (it checks the chain against ca.pem and the validity). */
    private void writeBadIdentity(IdentityFiles files, IssuedCertificate issued) throws IOException {
        PemFiles.write(files.caCertificates(), PemFiles.toPem(ca().rootCertificate()));
        PemFiles.write(files.certificate(), issued.chainPem());
    }

    private interface Enrolment {
        void into(Path dir) throws IOException, GeneralSecurityException, CaException;
    }

    private Path holder(String id, Enrolment enrolment) {
        Path dir = directory().resolve("holders").resolve(id + "-" + holders.incrementAndGet());
        try {
            enrolment.into(dir);
        } catch (IOException | GeneralSecurityException | CaException e) {
            throw new IllegalStateException("cannot make the identity of " + id + ": " + e.getMessage(), e);
        }
        return dir;
    }
}
