package cn.taihang.simulator.province;

import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * A virtual gateway's identity, held in memory only, ready for TLS: its key and certificate chain as the city CA
 * issued it, and the trust in the CA's root for the broker. Key managers are given to Vert.x directly, so that a
 * thousand connections do not each turn PEM text into a password-protected key store first.
 *
 * @param keys the gateway's private key with its certificate chain
 * @param trust the city CA's root (shared by every gateway of a run)
 * @param chainDer the chain, DER, the gateway's certificate first, as the birth carries it
 */
public record GatewayCredential(KeyManagerFactory keys, TrustManagerFactory trust, List<byte[]> chainDer) {

    /** Copies the chain. */
    public GatewayCredential {
        chainDer = List.copyOf(chainDer);
    }
}
