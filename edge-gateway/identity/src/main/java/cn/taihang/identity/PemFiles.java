package cn.taihang.identity;

import cn.taihang.identity.internal.FileModes;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/**
 * Certificates and CRLs in PEM files, the format OpenSSL, mosquitto and this project's holders share. Public files
 * are replaced atomically, so a reader (a TLS context re-reading its CRL) never sees half a file.
 */
public final class PemFiles {

    private PemFiles() {
    }

    /**
     * @return the certificates of a PEM file, in file order (a chain file lists the holder's certificate first)
     * @throws IOException if the file cannot be read or holds no certificate, naming the file
     */
    public static List<X509Certificate> readCertificates(Path file) throws IOException {
        return read(file, PemFiles::parseCertificates);
    }

    /**
     * @param pem one or more {@code CERTIFICATE} blocks; other blocks are skipped
     * @return the certificates, in order
     * @throws IOException if there is no certificate or one cannot be decoded
     */
    public static List<X509Certificate> parseCertificates(String pem) throws IOException {
        List<X509Certificate> certificates = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                if (object instanceof X509CertificateHolder holder) {
                    certificates.add(converter.getCertificate(holder));
                }
            }
        } catch (CertificateException | RuntimeException e) {
            throw new IOException("cannot decode a certificate: " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new IOException("no PEM CERTIFICATE found");
        }
        return certificates;
    }

    /**
     * @return the CRL of a PEM file
     * @throws IOException if the file cannot be read or holds no CRL, naming the file
     */
    public static X509CRL readCrl(Path file) throws IOException {
        return read(file, PemFiles::parseCrl);
    }

    /**
     * @param pem an {@code X509 CRL} block
     * @return the CRL
     * @throws IOException if there is no CRL or it cannot be decoded
     */
    public static X509CRL parseCrl(String pem) throws IOException {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                if (object instanceof X509CRLHolder holder) {
                    return new JcaX509CRLConverter().getCRL(holder);
                }
            }
        } catch (CRLException | RuntimeException e) {
            throw new IOException("cannot decode a CRL: " + e.getMessage(), e);
        }
        throw new IOException("no PEM X509 CRL found");
    }

    /**
     * @param objects certificates, CRLs or anything else BouncyCastle's PEM writer takes
     * @return them as PEM, in order
     */
    public static String toPem(Iterable<?> objects) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            for (Object object : objects) {
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write as PEM: " + e.getMessage(), e);
        }
        return out.toString();
    }

    /** @return one object as PEM */
    public static String toPem(Object object) {
        return toPem(List.of(object));
    }

    /** Decodes PEM text. */
    interface Decoder<T> {
        T decode(String pem) throws IOException;
    }

    /** Reads a PEM file and decodes it; a decoding failure names the file, a missing file is reported as it is. */
    static <T> T read(Path file, Decoder<T> decoder) throws IOException {
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        try {
            return decoder.decode(text);
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Replaces (or creates) a public file atomically ({@code rw-r--r--}; missing directories are made owner-only).
     *
     * @param text the new content, e.g. from {@link #toPem}
     */
    public static void write(Path file, String text) throws IOException {
        FileModes.replacePublic(file, text.getBytes(StandardCharsets.UTF_8));
    }
}
