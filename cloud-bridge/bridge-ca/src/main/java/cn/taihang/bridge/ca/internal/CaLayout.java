package cn.taihang.bridge.ca.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The files of the city CA:
 *
 * <pre>
 * &lt;dir&gt;/root/key.pem      the root's key (owner-only): used only by init; move it offline afterwards
 * &lt;dir&gt;/root/cert.pem     the root certificate
 * &lt;dir&gt;/issuing/key.pem   the online issuing CA's key (owner-only)
 * &lt;dir&gt;/issuing/cert.pem  the issuing CA certificate, signed by the root
 * &lt;dir&gt;/ca.pem            the root certificate again: what every holder trusts (its ca.pem)
 * &lt;dir&gt;/crl.pem           the issuing CA's current CRL (every holder's crl.pem)
 * &lt;dir&gt;/index.json        what was issued: serial, identity, validity, revocation
 * &lt;dir&gt;/issued/&lt;serial&gt;.pem every certificate issued
 * &lt;dir&gt;/.lock             held while the CA changes anything, so two pki commands cannot interleave
 * </pre>
 *
 * @param dir the CA directory
 */
public record CaLayout(Path dir) {

    /** A held lock of the CA directory. */
    public interface Lock extends AutoCloseable {
        @Override
        void close() throws IOException;
    }

    /** @return the root key file */
    public Path rootKey() {
        return dir.resolve("root").resolve("key.pem");
    }

    /** @return the root certificate file */
    public Path rootCertificate() {
        return dir.resolve("root").resolve("cert.pem");
    }

    /** @return the issuing CA key file */
    public Path issuingKey() {
        return dir.resolve("issuing").resolve("key.pem");
    }

    /** @return the issuing CA certificate file */
    public Path issuingCertificate() {
        return dir.resolve("issuing").resolve("cert.pem");
    }

    /** @return the file holders copy as their ca.pem */
    public Path trustAnchors() {
        return dir.resolve("ca.pem");
    }

    /** @return the current CRL */
    public Path crl() {
        return dir.resolve("crl.pem");
    }

    /** @return the index */
    public Path index() {
        return dir.resolve("index.json");
    }

    /** @return where a certificate issued with this serial is kept */
    public Path issued(BigInteger serial) {
        return dir.resolve("issued").resolve(serial.toString(16) + ".pem");
    }

    /** @return an exclusive lock on the CA directory, held until closed (blocks while another process holds it) */
    public Lock lock() throws IOException {
        FileChannel channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.lock();
            return () -> {
                lock.release();
                channel.close();
            };
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }
}
