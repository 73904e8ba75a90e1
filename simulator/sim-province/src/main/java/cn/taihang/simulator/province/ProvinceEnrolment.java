package cn.taihang.simulator.province;

import cn.taihang.bridge.ca.CaException;
import cn.taihang.bridge.ca.CityCa;
import cn.taihang.bridge.ca.IssuedCertificate;
import cn.taihang.identity.CertificateRequest;
import cn.taihang.identity.IdentityName;
import cn.taihang.identity.KeyFiles;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Enrols the province's virtual gateways with the run's city CA as an installer would (a fresh key pair per gateway, its
 * signing request, the CA's certificate naming its id and site) but keeps the key and chain in memory: thousands of
 * identity directories would only cost disk writes and parsing, not exercise anything the real gateways do not.
 */
public final class ProvinceEnrolment {

    private static final char[] STORE_PASSWORD = "in-memory".toCharArray();

    private final CityCa ca;

    /** @param ca the run's city CA */
    public ProvinceEnrolment(CityCa ca) {
        this.ca = ca;
    }

    /**
     * @return every gateway's credential, in the roster's order
     * @throws IOException if the CA cannot write its records, or refuses a gateway (the message says which)
     */
    public Map<String, GatewayCredential> enrol(List<ProvinceRoster.GatewaySpec> roster) throws IOException {
        TrustManagerFactory trust;
        try {
            KeyStore roots = emptyStore();
            roots.setCertificateEntry("city-ca", ca.rootCertificate());
            trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(roots);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot trust the city CA's root: " + e.getMessage(), e);
        }
        Map<String, GatewayCredential> credentials = new LinkedHashMap<>();
        for (ProvinceRoster.GatewaySpec spec : roster) {
            credentials.put(spec.gatewayId(), enrol(spec, trust));
        }
        return credentials;
    }

    private GatewayCredential enrol(ProvinceRoster.GatewaySpec spec, TrustManagerFactory trust) throws IOException {
        KeyPair keys = KeyFiles.generate();
        try {
            CertificateRequest request = CertificateRequest.create(IdentityName.gateway(spec.gatewayId(), spec.site()), keys);
            IssuedCertificate issued = ca.enrolGateway(request, spec.gatewayId(), spec.site());
            List<byte[]> der = new ArrayList<>();
            for (X509Certificate c : issued.chain()) {
                der.add(c.getEncoded());
            }
            KeyStore store = emptyStore();
            store.setKeyEntry("gateway", keys.getPrivate(), STORE_PASSWORD, issued.chain().toArray(X509Certificate[]::new));
            KeyManagerFactory managers = KeyManagerFactory.getInstance("SunX509");
            managers.init(store, STORE_PASSWORD);
            return new GatewayCredential(managers, trust, der);
        } catch (CaException | GeneralSecurityException e) {
            throw new IOException("cannot enrol virtual gateway " + spec.gatewayId() + " of site " + spec.site() + ": " + e.getMessage(), e);
        }
    }

    /** An in-memory JKS store: its key protection is cheap, where PKCS#12 would run PBKDF2 for every gateway. */
    private static KeyStore emptyStore() throws GeneralSecurityException {
        try {
            KeyStore store = KeyStore.getInstance("JKS");
            store.load(null, null);
            return store;
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot make an in-memory key store: " + e.getMessage(), e);
        }
    }
}
