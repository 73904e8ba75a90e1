package cn.taihang.bridge.ca;

import cn.taihang.identity.Identity;
import cn.taihang.identity.PemFiles;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What the CA signed for a request.
 *
 * @param identity whom it names, with serial and validity
 * @param chain the holder's certificate, then the issuing CA's: the holder's {@code cert.pem}
 */
public record IssuedCertificate(Identity identity, List<X509Certificate> chain) {

    /** Copies the chain. */
    public IssuedCertificate {
        chain = List.copyOf(chain);
    }

    /** @return the holder's certificate */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** @return the chain as PEM, the content of the holder's {@code cert.pem} */
    public String chainPem() {
        return PemFiles.toPem(chain);
    }
}
