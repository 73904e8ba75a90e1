package cn.taihang.bridge.broker.security;

/**
 * Tells the authenticator which TLS connection the CONNECT it is checking came from, since Moquette 0.17's
 * {@code IAuthenticator.checkValid(clientId, username, password)} does not say.
 *
 * <p>Why this is sound: Moquette reads each connection on its Netty event loop, and on that thread, in one call stack,
 * Netty's {@code SslHandler} calls the connection's engine {@code unwrap}, fires the decrypted bytes through
 * {@code MqttDecoder} to Moquette's handler, which processes the CONNECT and calls the authenticator synchronously
 * ({@code MQTTConnection.processConnect → login → checkValid}). So the engine that last decrypted bytes on this thread
 * is the engine of the connection whose CONNECT is being checked. Netty defers that dispatch only when an unwrap
 * re-enters itself during handshake completion, which a socket channel does not do; even then the authenticator
 * would not be fooled, because it also requires the CONNECT it is asked about to be byte-for-byte the first packet that
 * engine decrypted (client id, user name and the per-connection random password the clients send), and each engine's
 * first packet is taken once. {@code SecureBrokerLoopbackTest} connects impostors and honest gateways at once to pin it.
 */
final class ConnectHandoff {

    private final ThreadLocal<IdentifiedEngine> lastDecrypted = new ThreadLocal<>();

    /** Called by an engine each time it decrypted bytes, on the thread that called its {@code unwrap}. */
    void decrypted(IdentifiedEngine engine) {
        if (lastDecrypted.get() != engine) {
            lastDecrypted.set(engine);
        }
    }

    /** @return the engine that last decrypted bytes on this thread, or null */
    IdentifiedEngine current() {
        return lastDecrypted.get();
    }
}
