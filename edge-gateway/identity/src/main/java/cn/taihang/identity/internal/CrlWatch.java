package cn.taihang.identity.internal;

import cn.taihang.identity.PemFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The holder's CRL file, re-read when it changes (checked with one {@code stat} per use, so a fresh CRL copied in
 * takes effect at the next handshake without a restart). A CRL is taken only if one of the holder's CA certificates
 * signed it; a replacement that cannot be read or verified is refused with one error log and the previous CRL
 * stays in force.
 */
public final class CrlWatch {

    private static final Logger LOG = LoggerFactory.getLogger(CrlWatch.class);

    private final Path file;
    private final List<X509Certificate> signers;
    private Object stamp;
    private X509CRL crl;
    private Object refusedStamp;

    /**
     * @param file the CRL file
     * @param signers the CA certificates that may have signed it
     * @throws IOException if the file cannot be read, holds no CRL, or none of the signers signed it
     */
    public CrlWatch(Path file, List<X509Certificate> signers) throws IOException {
        this.file = file;
        this.signers = List.copyOf(signers);
        this.stamp = stamp(file);
        this.crl = load(file, this.signers);
    }

    /** @return the file, for messages */
    public Path file() {
        return file;
    }

    /** @return the current CRL, re-read first if the file changed */
    public synchronized X509CRL current() {
        Object now;
        try {
            now = stamp(file);
        } catch (IOException e) {
            now = e.getClass().getSimpleName();
        }
        if (!Objects.equals(now, stamp) && !Objects.equals(now, refusedStamp)) {
            try {
                crl = load(file, signers);
                stamp = now;
                LOG.info("CRL {} reloaded: {} revoked, next update {}", file, revokedCount(crl),
                        crl.getNextUpdate() == null ? "none" : crl.getNextUpdate().toInstant());
            } catch (IOException e) {
                refusedStamp = now;
                LOG.error("CRL {} changed but cannot be used, keeping the previous one (issued {}): {}", file,
                        crl.getThisUpdate().toInstant(), e.getMessage());
            }
        }
        return crl;
    }

    private static int revokedCount(X509CRL crl) {
        return crl.getRevokedCertificates() == null ? 0 : crl.getRevokedCertificates().size();
    }

    private static Object stamp(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return List.of(attributes.lastModifiedTime(), attributes.size(), String.valueOf(attributes.fileKey()));
    }

    /**
     * @return the CRL in the file, verified against the signers
     * @throws IOException if it cannot be read or none of the signers signed it
     */
    public static X509CRL load(Path file, List<X509Certificate> signers) throws IOException {
        return verified(PemFiles.readCrl(file), signers, "CRL " + file);
    }

    /**
     * @param crl a CRL
     * @param signers the CA certificates that may have signed it
     * @param source where it came from, for the message
     * @return the CRL, if one of the signers signed it
     * @throws IOException if none did
     */
    public static X509CRL verified(X509CRL crl, List<X509Certificate> signers, String source) throws IOException {
        for (X509Certificate signer : signers) {
            if (signer.getSubjectX500Principal().equals(crl.getIssuerX500Principal())) {
                try {
                    crl.verify(signer.getPublicKey());
                    return crl;
                } catch (GeneralSecurityException e) {
                    LOG.debug("{} does not verify with {}: {}", source, signer.getSubjectX500Principal(), e.getMessage());
                }
            }
        }
        throw new IOException(source + " from '" + crl.getIssuerX500Principal().getName()
                + "' is signed by none of this holder's CA certificates; use the crl.pem of the CA that issued cert.pem");
    }
}
