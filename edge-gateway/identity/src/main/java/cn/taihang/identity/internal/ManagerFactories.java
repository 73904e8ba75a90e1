package cn.taihang.identity.internal;

import java.security.KeyStore;
import java.security.Provider;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.KeyManagerFactorySpi;
import javax.net.ssl.ManagerFactoryParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.TrustManagerFactorySpi;

/**
 * Key and trust manager factories that hand out managers made already, for libraries configured with factories
 * (Vert.x {@code KeyManagerFactoryOptions}/{@code TrustManagerFactoryOptions}, Netty {@code SslContextBuilder}).
 * Their {@code init} methods do nothing: the managers carry their own material.
 */
public final class ManagerFactories {

    private static final String ALGORITHM = "TaihangIdentity";
    private static final Provider PROVIDER = new Provider(ALGORITHM, "1.0", "Taihang Edge identity key and trust managers") {
        private static final long serialVersionUID = 1L;
    };

    private ManagerFactories() {
    }

    /** @return a factory whose {@code getKeyManagers()} returns this manager */
    public static KeyManagerFactory of(KeyManager manager) {
        return new KeyManagerFactory(new KeyManagerFactorySpi() {
            @Override
            protected void engineInit(KeyStore keyStore, char[] password) {
            }

            @Override
            protected void engineInit(ManagerFactoryParameters parameters) {
            }

            @Override
            protected KeyManager[] engineGetKeyManagers() {
                return new KeyManager[] {manager};
            }
        }, PROVIDER, ALGORITHM) { };
    }

    /** @return a factory whose {@code getTrustManagers()} returns this manager */
    public static TrustManagerFactory of(TrustManager manager) {
        return new TrustManagerFactory(new TrustManagerFactorySpi() {
            @Override
            protected void engineInit(KeyStore keyStore) {
            }

            @Override
            protected void engineInit(ManagerFactoryParameters parameters) {
            }

            @Override
            protected TrustManager[] engineGetTrustManagers() {
                return new TrustManager[] {manager};
            }
        }, PROVIDER, ALGORITHM) { };
    }
}
