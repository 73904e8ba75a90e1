package cn.taihang.bridge.ca.cli;

import cn.taihang.bridge.ca.CaException;
import cn.taihang.bridge.ca.CaPolicy;
import cn.taihang.bridge.ca.CertificateRecord;
import cn.taihang.bridge.ca.CityCa;
import cn.taihang.bridge.ca.IssuedCertificate;
import cn.taihang.bridge.ca.RevocationReason;
import cn.taihang.identity.CertificateRequest;
import cn.taihang.identity.Kind;
import cn.taihang.identity.PemFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The CA's side of the {@code pki} command line; each command works on the CA in {@code --dir}. */
public final class CaCommands {

    private CaCommands() {
    }

    /** What every CA command has: the CA directory. */
    abstract static class CaCommand extends PkiCommand {
        @Option(names = "--dir", required = true, description = "the CA directory")
        Path dir;

        CityCa open() throws IOException, CaException {
            return CityCa.open(dir);
        }

        @Override
        public Integer call() throws IOException, GeneralSecurityException, CaException {
            run();
            return 0;
        }

        abstract void run() throws IOException, GeneralSecurityException, CaException;
    }

    /** What the enrolment commands have: the request, the output file and a validity. */
    abstract static class Enrol extends CaCommand {
        @Option(names = "--id", required = true, description = "the holder's id (the certificate's CN)")
        String id;
        @Option(names = "--csr", required = true, description = "the holder's request (its csr.pem)")
        Path csr;
        @Option(names = "--out", required = true, description = "where to write the certificate chain (the holder's cert.pem)")
        Path target;
        @Option(names = "--days", description = "validity in days (default: the CA policy's)")
        Integer days;

        CityCa open(Kind kind) throws IOException, CaException {
            if (days == null) {
                return open();
            }
            if (days < 1) {
                throw new CaException("--days must be at least 1, was " + days);
            }
            return CityCa.open(dir, CaPolicy.defaults().withValidity(kind, Duration.ofDays(days)));
        }

        void written(CityCa ca, IssuedCertificate issued) throws IOException {
            PemFiles.write(target, issued.chainPem());
            Path ca1 = ca.directory().resolve("ca.pem");
            Path crl = ca.directory().resolve("crl.pem");
            out().printf("certified %s until %s%n", issued.identity(), issued.identity().notAfter());
            out().printf("wrote %s; give it to the holder with %s and %s:%n", target, ca1, crl);
            out().printf("  pki install --dir <identity dir> --cert %s --ca %s --crl %s%n", target.getFileName(), ca1.getFileName(), crl.getFileName());
        }
    }

    /** {@code pki init}. */
    @Command(name = "init", description = "Create the city CA: a root and an online issuing CA, an empty index and a first CRL.")
    public static final class Init extends CaCommand {
        @Option(names = "--org", description = "organisation named in the CA certificates (default: Taihang Edge)")
        String org;

        @Override
        void run() throws IOException, GeneralSecurityException, CaException {
            CityCa ca = CityCa.create(dir, org == null ? CaPolicy.defaults() : CaPolicy.defaults().withOrganisation(org));
            PrintWriter out = out();
            out.printf("city CA created in %s%n", dir);
            out.printf("  root        %s, valid until %s%n", ca.rootCertificate().getSubjectX500Principal().getName(),
                    ca.rootCertificate().getNotAfter().toInstant());
            out.printf("  SHA-256     %s%n", HexFormat.ofDelimiter(":").withUpperCase().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(ca.rootCertificate().getEncoded())));
            out.printf("  issuing CA  valid until %s%n", ca.issuingCertificate().getNotAfter().toInstant());
            out.printf("every holder trusts %s (its ca.pem) and keeps %s (its crl.pem) current%n", dir.resolve("ca.pem"), dir.resolve("crl.pem"));
            out.printf("next: move the root key %s to offline storage; the CA issues without it%n", dir.resolve("root/key.pem"));
        }
    }

    /** {@code pki enrol-gateway}. */
    @Command(name = "enrol-gateway", description = "Certify a gateway (clientAuth) from the request its own key signed.")
    public static final class EnrolGateway extends Enrol {
        @Option(names = "--site", required = true, description = "the gateway's site id")
        String site;

        @Override
        void run() throws IOException, CaException {
            CityCa ca = open(Kind.GATEWAY);
            written(ca, ca.enrolGateway(CertificateRequest.read(csr), id, site));
        }
    }

    /** What the enrolments of servers have: their DNS names and IP addresses. */
    abstract static class EnrolServer extends Enrol {
        @Option(names = "--dns", description = "a DNS name or IP address clients dial it by, besides localhost, 127.0.0.1, ::1 (repeatable)")
        List<String> names = List.of();

        private final Kind kind;

        EnrolServer(Kind kind) {
            this.kind = kind;
        }

        Kind kind() {
            return kind;
        }

        @Override
        void run() throws IOException, CaException {
            CityCa ca = open(kind());
            CertificateRequest request = CertificateRequest.read(csr);
            written(ca, kind() == Kind.BRIDGE ? ca.enrolBridge(request, id, names) : ca.enrolBroker(request, id, names));
        }
    }

    /** {@code pki enrol-bridge}. */
    @Command(name = "enrol-bridge", description = "Certify a bridge instance (clientAuth + serverAuth) from its request.")
    public static final class EnrolBridge extends EnrolServer {
        /** Makes the command. */
        public EnrolBridge() {
            super(Kind.BRIDGE);
        }
    }

    /** {@code pki enrol-broker}. */
    @Command(name = "enrol-broker", description = "Certify an external MQTT broker (serverAuth), e.g. mosquitto, from its request.")
    public static final class EnrolBroker extends EnrolServer {
        /** Makes the command. */
        public EnrolBroker() {
            super(Kind.BROKER);
        }
    }

    /** {@code pki renew}. */
    @Command(name = "renew", description = {"Certify a new request of a certified holder, with the names of its last certificate.",
            "The old certificate stays valid until it expires, unless revoked."})
    public static final class Renew extends Enrol {
        @Override
        void run() throws IOException, CaException {
            Kind kind = open().list().stream().filter(r -> r.name().id().equals(id)).map(r -> r.name().kind()).findFirst().orElse(Kind.GATEWAY);
            CityCa ca = open(kind);
            written(ca, ca.renew(id, CertificateRequest.read(csr)));
        }
    }

    /** Which certificates {@code pki revoke} revokes. */
    static final class Target {
        @Option(names = "--serial", required = true, description = "the serial, in hex as `pki list` shows it")
        String serial;
        @Option(names = "--id", required = true, description = "every valid certificate of this holder")
        String id;
    }

    /** {@code pki revoke}. */
    @Command(name = "revoke", description = "Revoke by serial or by holder, and issue a fresh CRL.")
    public static final class Revoke extends CaCommand {
        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;
        @Option(names = "--reason", defaultValue = "unspecified",
                description = "unspecified, key-compromise, affiliation-changed, superseded, cessation-of-operation (default ${DEFAULT-VALUE})")
        String reason;

        @Override
        void run() throws IOException, CaException {
            RevocationReason why;
            try {
                why = RevocationReason.fromLabel(reason);
            } catch (IllegalArgumentException e) {
                throw new CaException(e.getMessage(), e);
            }
            CityCa ca = open();
            List<CertificateRecord> revoked;
            if (target.serial != null) {
                try {
                    revoked = List.of(ca.revoke(new BigInteger(target.serial.replaceFirst("^0[xX]", "").replace(":", ""), 16), why));
                } catch (NumberFormatException e) {
                    throw new CaException("--serial " + target.serial + " is not a hex number", e);
                }
            } else {
                revoked = ca.revoke(target.id, why);
            }
            for (CertificateRecord record : revoked) {
                out().printf("revoked %s: %s on %s (%s)%n", record.serialHex(), record.name(), record.revokedAt(), record.revocationReason().label());
            }
            crlWritten(out(), dir, ca.currentCrl());
        }
    }

    /** {@code pki crl}. */
    @Command(name = "crl", description = "Issue a fresh CRL (daily, and copy crl.pem to every holder well before its next update).")
    public static final class Crl extends CaCommand {
        @Override
        void run() throws IOException, CaException {
            crlWritten(out(), dir, open().issueCrl());
        }
    }

    /** {@code pki list}. */
    @Command(name = "list", description = "List every certificate the CA issued: serial, kind, id, site, not-after, status.")
    public static final class ListCertificates extends CaCommand {
        @Override
        void run() throws IOException, CaException {
            CityCa ca = open();
            Instant now = ca.now();
            String format = "%-33s %-8s %-36s %-28s %-21s %s%n";
            out().printf(format, "serial", "kind", "id", "site", "not after", "status");
            for (CertificateRecord r : ca.list()) {
                out().printf(format, r.serialHex(), r.name().kind().label(), r.name().id(), r.name().site() == null ? "-" : r.name().site(),
                        r.notAfter(), r.status(now).name().toLowerCase(Locale.ROOT)
                                + (r.revocationReason() == null ? "" : " (" + r.revocationReason().label() + ")"));
            }
            if (ca.rootKeyOnline()) {
                out().printf("note: the root key is still in %s; move it to offline storage%n", dir.resolve("root/key.pem"));
            }
        }
    }

    private static void crlWritten(PrintWriter out, Path dir, X509CRL crl) {
        out.printf("CRL written to %s (next update %s); copy it to every holder's crl.pem%n", dir.resolve("crl.pem"),
                crl.getNextUpdate().toInstant());
    }
}
