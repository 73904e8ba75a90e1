package cn.taihang.bridge.http.auth;

import cn.taihang.identity.PemFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** For clients of the bridge's HTTPS API (the simulator, tests, the platform's Java clients): trust the city CA only. */
public final class ApiTrust {

    private ApiTrust() {
    }

    /**
     * @param caPem the city CA's certificate(s), e.g. {@code run/demo/pki/ca.pem} or an identity's {@code ca.pem}
     * @return a client SSL context trusting exactly these certificates (host names are checked by the HTTP client)
     * @throws IOException if the file cannot be read or holds no certificate
     */
    public static SSLContext clientContext(Path caPem) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (X509Certificate ca : PemFiles.readCertificates(caPem)) {
                store.setCertificateEntry("ca-" + i++, ca);
            }
            if (i == 0) {
                throw new IOException(caPem + " holds no certificate");
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot trust " + caPem + ": " + e.getMessage(), e);
        }
    }
}
