package cn.taihang.bridge.ca.cli;

import cn.taihang.bridge.ca.CaException;
import cn.taihang.identity.CertificateRequest;
import cn.taihang.identity.Identity;
import cn.taihang.identity.IdentityFiles;
import cn.taihang.identity.IdentityName;
import cn.taihang.identity.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The holder's side of the {@code pki} command line, run where the holder lives (its key never leaves): make the key
 * and request, install what the CA sent back, show what is installed. It is the gateway's own code ({@link IdentityFiles}).
 */
public final class HolderCommands {

    private HolderCommands() {
    }

    /** What every holder command has: the identity directory. */
    abstract static class HolderCommand extends PkiCommand {
        @Option(names = "--dir", required = true, description = "the holder's identity directory (key.pem, csr.pem, cert.pem, ca.pem, crl.pem)")
        Path dir;
    }

    /** What the request commands have. */
    abstract static class MakeRequest extends HolderCommand {
        @Option(names = "--id", description = "the holder's id (not with --rekey)")
        String id;
        @Option(names = "--rekey", description = "renewal with a new key: make key.next.pem and a request for the installed identity")
        boolean rekey;

        abstract IdentityName name();

        abstract String enrolCommand();

        @Override
        public Integer call() throws IOException, GeneralSecurityException, CaException {
            IdentityFiles files = IdentityFiles.in(dir);
            CertificateRequest request;
            String next;
            if (rekey) {
                request = files.createRekeyRequest();
                next = "renew --id " + files.identity().id();
            } else {
                try {
                    request = files.createRequest(name());
                } catch (IllegalArgumentException e) {
                    throw new CaException(e.getMessage() + " (give --id" + (this instanceof MakeGatewayCsr ? " and --site" : "") + ")", e);
                }
                next = enrolCommand();
            }
            out().printf("wrote %s (%s); the key stays in %s%n", files.request(), request.subject(), dir);
            out().printf("next: carry csr.pem to the CA and run there: pki %s --dir <CA dir> --csr csr.pem --out cert.pem%n", next);
            return 0;
        }
    }

    /** {@code pki make-gateway-csr}. */
    @Command(name = "make-gateway-csr", description = "Make a gateway's key (owner-only; an existing key is reused) and its certificate request.")
    public static final class MakeGatewayCsr extends MakeRequest {
        @Option(names = "--site", description = "the gateway's site id (not with --rekey)")
        String site;

        @Override
        IdentityName name() {
            return IdentityName.gateway(id, site);
        }

        @Override
        String enrolCommand() {
            return "enrol-gateway --id " + id + " --site " + site;
        }
    }

    /** What the requests of servers have: a kind and no site. */
    abstract static class MakeServerCsr extends MakeRequest {
        private final Kind kind;

        MakeServerCsr(Kind kind) {
            this.kind = kind;
        }

        Kind kind() {
            return kind;
        }

        @Override
        IdentityName name() {
            return new IdentityName(kind(), id, null);
        }

        @Override
        String enrolCommand() {
            return "enrol-" + kind().label() + " --id " + id + " [--dns NAME]";
        }
    }

    /** {@code pki make-bridge-csr}. */
    @Command(name = "make-bridge-csr", description = "Make a bridge instance's key (owner-only) and its certificate request.")
    public static final class MakeBridgeCsr extends MakeServerCsr {
        /** Makes the command. */
        public MakeBridgeCsr() {
            super(Kind.BRIDGE);
        }
    }

    /** {@code pki make-broker-csr}. */
    @Command(name = "make-broker-csr", description = "Make an MQTT broker's key (owner-only) and its certificate request.")
    public static final class MakeBrokerCsr extends MakeServerCsr {
        /** Makes the command. */
        public MakeBrokerCsr() {
            super(Kind.BROKER);
        }
    }

    /** {@code pki install}. */
    @Command(name = "install", description = "Install the certificate the CA sent back, after checking it belongs to this holder's key and CA.")
    public static final class Install extends HolderCommand {
        @Option(names = "--cert", required = true, description = "the certificate chain from the CA")
        Path cert;
        @Option(names = "--ca", required = true, description = "the CA's ca.pem")
        Path ca;
        @Option(names = "--crl", description = "the CA's crl.pem")
        Path crl;

        @Override
        public Integer call() throws IOException, GeneralSecurityException {
            Identity identity = IdentityFiles.in(dir).install(cert, ca, crl);
            out().printf("installed %s, valid until %s, in %s%n", identity, identity.notAfter(), dir);
            return 0;
        }
    }

    /** {@code pki show}. */
    @Command(name = "show", description = "Show the identity installed in a holder's directory.")
    public static final class Show extends HolderCommand {
        @Override
        public Integer call() throws IOException, GeneralSecurityException {
            IdentityFiles files = IdentityFiles.in(dir);
            Identity identity = files.identity();
            out().printf("%s%n  kind %s, id %s%s%n  valid %s .. %s%n  CRL %s%n", identity, identity.kind().label(), identity.id(),
                    identity.site() == null ? "" : ", site " + identity.site(), identity.notBefore(), identity.notAfter(),
                    files.crl().filter(Files::exists).map(Path::toString).orElse("none (the revocation of peers is not checked)"));
            return 0;
        }
    }
}
