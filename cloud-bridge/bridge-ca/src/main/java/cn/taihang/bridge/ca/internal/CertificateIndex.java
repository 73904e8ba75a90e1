package cn.taihang.bridge.ca.internal;

import cn.taihang.bridge.ca.CertificateRecord;
import cn.taihang.bridge.ca.RevocationReason;
import cn.taihang.identity.IdentityName;
import cn.taihang.identity.Kind;
import cn.taihang.identity.PemFiles;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The CA's record of what it issued ({@code index.json}): every certificate with its identity, validity and
 * revocation, and the number of the last CRL. Read and rewritten whole (atomically) under the CA's lock; a city
 * has thousands of gateways, not millions.
 *
 * @param crlNumber the number of the last CRL issued
 * @param certificates every certificate issued, oldest first
 */
public record CertificateIndex(long crlNumber, List<CertificateRecord> certificates) {

    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Copies the list. */
    public CertificateIndex {
        certificates = List.copyOf(certificates);
    }

    /** The JSON form of one certificate. */
    record Entry(String serial, String kind, String id, String site, List<String> serverNames, String notBefore,
                 String notAfter, String revokedAt, String reason) {
    }

    /** The JSON form of the index. */
    record File(int format, long crlNumber, List<Entry> certificates) {
    }

    /** @return the index in the file */
    public static CertificateIndex read(Path file) throws IOException {
        File read;
        try {
            read = JSON.readValue(Files.readString(file), File.class);
        } catch (IOException e) {
            throw new IOException("the CA index " + file + " cannot be read: " + e.getMessage()
                    + " (restore it from the CA's backup)", e);
        }
        if (read.format() != FORMAT) {
            throw new IOException("the CA index " + file + " has format " + read.format() + ", this tool reads format " + FORMAT);
        }
        try {
            return new CertificateIndex(read.crlNumber(), read.certificates().stream().map(CertificateIndex::record).toList());
        } catch (RuntimeException e) {
            throw new IOException("the CA index " + file + " holds a bad entry: " + e.getMessage(), e);
        }
    }

    /** Writes the index, replacing the file atomically. */
    public void write(Path file) throws IOException {
        PemFiles.write(file, JSON.writeValueAsString(new File(FORMAT, crlNumber, certificates.stream().map(CertificateIndex::entry).toList())));
    }

    private static CertificateRecord record(Entry e) {
        IdentityName name = new IdentityName(Kind.fromLabel(e.kind()), e.id(), e.site());
        return new CertificateRecord(new BigInteger(e.serial(), 16), name, e.serverNames() == null ? List.of() : e.serverNames(),
                Instant.parse(e.notBefore()), Instant.parse(e.notAfter()), e.revokedAt() == null ? null : Instant.parse(e.revokedAt()),
                e.reason() == null ? null : RevocationReason.fromLabel(e.reason()));
    }

    private static Entry entry(CertificateRecord r) {
        return new Entry(r.serialHex(), r.name().kind().label(), r.name().id(), r.name().site(), r.serverNames(),
                r.notBefore().toString(), r.notAfter().toString(), r.revokedAt() == null ? null : r.revokedAt().toString(),
                r.revocationReason() == null ? null : r.revocationReason().label());
    }
}
