package cn.taihang.simulator.bench;

import cn.taihang.identity.IdentityFiles;
import cn.taihang.identity.Kind;
import cn.taihang.identity.TlsContext;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.TrustOptions;
import io.vertx.mqtt.MqttClientOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The benchmarks' vertx-mqtt clients connect as the bridge's own client does: TLS with a holder's certificate of the
 * run's city CA, trusting that CA only, the broker's name checked, the certificate's id as user name and a fresh random
 * password.
 */
final class MqttTls {

    private static final SecureRandom RANDOM = new SecureRandom();

    private MqttTls() {
    }

    /**
     * @param identityDir the holder's identity directory
     * @return the options, changed to present that identity
     * @throws IOException if the identity cannot be read
     * @throws GeneralSecurityException if its files do not fit together
     */
    static MqttClientOptions present(MqttClientOptions options, Path identityDir) throws IOException, GeneralSecurityException {
        TlsContext tls = TlsContext.client(IdentityFiles.in(identityDir)).accept(Kind.BRIDGE, Kind.BROKER).build();
        options.setSsl(true).setHostnameVerificationAlgorithm("HTTPS").setKeyCertOptions(KeyCertOptions.wrap(tls.keyManagerFactory()))
                .setTrustOptions(TrustOptions.wrap(tls.trustManagerFactory()));
        byte[] nonce = new byte[18];
        RANDOM.nextBytes(nonce);
        options.setUsername(tls.identity().id()).setPassword(Base64.getEncoder().encodeToString(nonce));
        return options;
    }
}
