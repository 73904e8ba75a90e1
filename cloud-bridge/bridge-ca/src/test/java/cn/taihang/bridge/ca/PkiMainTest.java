package cn.taihang.bridge.ca;

import static org.assertj.core.api.Assertions.assertThat;

import cn.taihang.identity.IdentityFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pki command line end to end: a whole enrolment on one machine, and what it says and returns when refused. */
@Tag("unit")
class PkiMainTest {

    @TempDir
    Path temp;

    record Run(int status, String out, String err) {
    }

    private Run pki(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = PkiMain.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void aWholeGatewayEnrolmentRenewalAndRevocation() throws Exception {
        String ca = temp.resolve("ca").toString();
        String gateway = temp.resolve("gw").toString();
        String cert = temp.resolve("carried/cert.pem").toString();

        Run init = pki("init", "--dir", ca, "--org", "Jincheng Taihang Edge");
        assertThat(init.status()).as(init.err()).isZero();
        assertThat(init.out()).contains("CN=Jincheng Taihang Edge Root CA").contains("SHA-256").contains("move the root key");

        Run csr = pki("make-gateway-csr", "--dir", gateway, "--id", "gw-pi-1", "--site", "post-3");
        assertThat(csr.status()).as(csr.err()).isZero();
        assertThat(csr.out()).contains("pki enrol-gateway --id gw-pi-1 --site post-3");

        Run enrol = pki("enrol-gateway", "--dir", ca, "--id", "gw-pi-1", "--site", "post-3", "--csr", gateway + "/csr.pem", "--out", cert);
        assertThat(enrol.status()).as(enrol.err()).isZero();
        assertThat(enrol.out()).contains("certified gateway gw-pi-1 at site post-3").contains("pki install");

        Run install = pki("install", "--dir", gateway, "--cert", cert, "--ca", ca + "/ca.pem", "--crl", ca + "/crl.pem");
        assertThat(install.status()).as(install.err()).isZero();
        assertThat(pki("show", "--dir", gateway).out()).contains("kind gateway, id gw-pi-1, site post-3");
        String firstSerial = IdentityFiles.in(Path.of(gateway)).identity().serialHex();

        Run rekey = pki("make-gateway-csr", "--dir", gateway, "--rekey");
        assertThat(rekey.out()).contains("pki renew --id gw-pi-1");
        Run renew = pki("renew", "--dir", ca, "--id", "gw-pi-1", "--csr", gateway + "/csr.pem", "--out", cert, "--days", "90");
        assertThat(renew.status()).as(renew.err()).isZero();
        assertThat(pki("install", "--dir", gateway, "--cert", cert, "--ca", ca + "/ca.pem").status()).isZero();
        assertThat(IdentityFiles.in(Path.of(gateway)).identity().serialHex()).isNotEqualTo(firstSerial);

        Run revoke = pki("revoke", "--dir", ca, "--serial", firstSerial, "--reason", "superseded");
        assertThat(revoke.status()).as(revoke.err()).isZero();
        assertThat(revoke.out()).contains("revoked " + firstSerial).contains("crl.pem");
        Run list = pki("list", "--dir", ca);
        assertThat(list.out()).contains(firstSerial).contains("revoked (superseded)").contains("valid").contains("move it to offline storage");
        assertThat(pki("crl", "--dir", ca).out()).contains("next update");
    }

    @Test
    void refusalsSayWhatToDoAndExitWithTheirStatus() throws Exception {
        String ca = temp.resolve("ca").toString();
        assertThat(pki("init", "--dir", ca).status()).isZero();
        Run again = pki("init", "--dir", ca);
        assertThat(again.status()).isEqualTo(PkiMain.REFUSED);
        assertThat(again.err()).contains("a CA exists in").contains("choose another --dir");

        String gateway = temp.resolve("gw").toString();
        pki("make-gateway-csr", "--dir", gateway, "--id", "gw-1", "--site", "post-3");
        Run mismatch = pki("enrol-gateway", "--dir", ca, "--id", "gw-2", "--site", "post-3", "--csr", gateway + "/csr.pem", "--out", temp.resolve("c.pem").toString());
        assertThat(mismatch.status()).isEqualTo(PkiMain.REFUSED);
        assertThat(mismatch.err()).contains("does not name gateway gw-2").contains("--id gw-2");
        assertThat(Files.exists(temp.resolve("c.pem"))).isFalse();

        Run missing = pki("enrol-gateway", "--dir", ca, "--id", "gw-1", "--site", "post-3", "--csr", temp.resolve("none.pem").toString(), "--out", "x");
        assertThat(missing.status()).isEqualTo(PkiMain.FILE_PROBLEM);
        assertThat(missing.err()).contains("no such file").contains("none.pem");

        Run noSite = pki("make-gateway-csr", "--dir", temp.resolve("gw2").toString(), "--id", "gw-3");
        assertThat(noSite.status()).isEqualTo(PkiMain.REFUSED);
        assertThat(noSite.err()).contains("site id").contains("--site");

        Run unknownSerial = pki("revoke", "--dir", ca, "--serial", "abc");
        assertThat(unknownSerial.status()).isEqualTo(PkiMain.REFUSED);
        assertThat(unknownSerial.err()).contains("no certificate with serial abc");

        assertThat(pki("revoke", "--dir", ca).status()).isEqualTo(2);
        assertThat(pki("enrol-gateway", "--dir", ca, "--bogus").status()).isEqualTo(2);
        assertThat(pki("revoke", "--dir", ca, "--id", "gw-1", "--reason", "bored").err()).contains("unknown revocation reason 'bored'");
        assertThat(pki("list", "--dir", temp.resolve("no-ca").toString()).err()).contains("pki init --dir");
        assertThat(pki().status()).isEqualTo(2);
    }
}
