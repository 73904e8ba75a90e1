package cn.taihang.bridge;

import cn.taihang.bridge.broker.BrokerAddress;
import cn.taihang.bridge.http.auth.TokenOptions;
import cn.taihang.bridge.storage.PostgresAddress;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything a bridge needs to start. Defaults live here only (the CLI reads these constants).
 *
 * @param host address the HTTP API and the embedded broker bind to, and the embedded broker's address for the
 *     bridge's own MQTT client
 * @param httpPort HTTP API port, 0 = a free port
 * @param mqttPort embedded broker port, 0 = a free port; ignored with an external broker
 * @param externalBroker an external broker to use instead of the embedded one, or {@code null}
 * @param dataDir the data directory: the SQLite file, and the services' files; created if missing
 * @param shareGroup shared-subscription group ({@code $share/<group>/…}) for several bridge instances behind one
 *     broker, or {@code null} for plain subscriptions
 * @param clientId MQTT client id of the bridge, or {@code null} for the identity's id (or {@code taihang-bridge-<random>}
 *     without an identity); the embedded broker takes only the certificate's id
 * @param identityDir the bridge instance's identity ({@code cn.taihang.identity.IdentityFiles} holder directory of kind
 *     bridge): its MQTT client certificate, the embedded broker's server certificate and the HTTPS API's server
 *     certificate; required with the embedded broker and with an {@code ssl://} broker. {@code null} only for a plain
 *     external broker, and then there is no HTTP API (there is no plain HTTP listener)
 * @param tokens which bearer tokens the HTTP API believes
 * @param database the PostgreSQL database to keep everything in, or {@code null} for the embedded SQLite file in
 *     {@code dataDir}
 * @param keyFile the file whose key encrypts the signing keys (ticket and command keys) in the database, created
 *     owner-only if missing, never inside {@code dataDir}; {@code null} for {@link #signingKeyFile() the default} beside
 *     the data directory
 */
public record BridgeOptions(String host, int httpPort, int mqttPort, BrokerAddress externalBroker, Path dataDir,
                            String shareGroup, String clientId, Path identityDir, TokenOptions tokens, PostgresAddress database,
                            Path keyFile) {

    /** Default bind address: loopback only. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Default HTTP port. */
    public static final int DEFAULT_HTTP_PORT = 8080;
    /** Default embedded broker port (MQTT over TLS). */
    public static final int DEFAULT_MQTT_PORT = 8883;
    /** Default data directory, relative to the working directory. */
    public static final String DEFAULT_DATA_DIR = "data/bridge";
    /** The local token issuer's directory inside the data directory (owner-only). */
    public static final String SECRETS_DIR = "secrets";
    /** Name of the default signing key file, in the directory {@code <data dir>-secrets} beside the data directory. */
    public static final String DEFAULT_KEY_FILE_NAME = "signing.key";

    private static final Pattern GROUP = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** Validates at the boundary. @throws IllegalArgumentException with what to change */
    public BridgeOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(tokens, "tokens");
        requirePort("httpPort", httpPort);
        requirePort("mqttPort", mqttPort);
        if (shareGroup != null && !GROUP.matcher(shareGroup).matches()) {
            throw new IllegalArgumentException("share group must be 1-64 of [A-Za-z0-9_-], was '" + shareGroup + "'");
        }
        if (clientId != null && clientId.isBlank()) {
            throw new IllegalArgumentException("MQTT client id must not be blank (the broker rejects empty ids); leave it unset for a generated one");
        }
    }

    /** @return options with every default: loopback, ports 8080/8883, embedded broker, {@value #DEFAULT_DATA_DIR} */
    public static BridgeOptions defaults() {
        Path data = Path.of(DEFAULT_DATA_DIR);
        return new BridgeOptions(DEFAULT_HOST, DEFAULT_HTTP_PORT, DEFAULT_MQTT_PORT, null, data, null, null, null, TokenOptions.local(data.resolve(SECRETS_DIR)), null, null);
    }

    /**
     * Options for tests and the simulator: loopback, free ports, embedded broker, the local token issuer in
     * {@code dataDir/secrets}; no identity: give it one ({@link #withIdentityDir}) before starting a bridge with them
     * (the embedded broker and the HTTP API need it); the signing key file in the default place beside the data
     * directory ({@link #signingKeyFile()}).
     *
     * @param dataDir the data directory (and the SQLite file's)
     */
    public static BridgeOptions ephemeral(Path dataDir) {
        return new BridgeOptions(DEFAULT_HOST, 0, 0, null, dataDir, null, null, null, TokenOptions.local(dataDir.resolve(SECRETS_DIR)), null, null);
    }

    /** @return a copy with another HTTP port */
    public BridgeOptions withHttpPort(int port) {
        return new BridgeOptions(host, port, mqttPort, externalBroker, dataDir, shareGroup, clientId, identityDir, tokens, database, keyFile);
    }

    /** @return a copy with another embedded broker port */
    public BridgeOptions withMqttPort(int port) {
        return new BridgeOptions(host, httpPort, port, externalBroker, dataDir, shareGroup, clientId, identityDir, tokens, database, keyFile);
    }

    /** @return a copy using an external broker ({@code null}: the embedded one) */
    public BridgeOptions withExternalBroker(BrokerAddress broker) {
        return new BridgeOptions(host, httpPort, mqttPort, broker, dataDir, shareGroup, clientId, identityDir, tokens, database, keyFile);
    }

    /** @return a copy with another data directory */
    public BridgeOptions withDataDir(Path dir) {
        return new BridgeOptions(host, httpPort, mqttPort, externalBroker, dir, shareGroup, clientId, identityDir, tokens, database, keyFile);
    }

    /** @return a copy subscribing in a shared-subscription group ({@code null}: plain subscriptions) */
    public BridgeOptions withShareGroup(String group) {
        return new BridgeOptions(host, httpPort, mqttPort, externalBroker, dataDir, group, clientId, identityDir, tokens, database, keyFile);
    }

    /** @return a copy with a fixed MQTT client id ({@code null}: generated) */
    public BridgeOptions withClientId(String id) {
        return new BridgeOptions(host, httpPort, mqttPort, externalBroker, dataDir, shareGroup, id, identityDir, tokens, database, keyFile);
    }

    /** @return a copy binding to another address */
    public BridgeOptions withHost(String address) {
        return new BridgeOptions(address, httpPort, mqttPort, externalBroker, dataDir, shareGroup, clientId, identityDir, tokens, database, keyFile);
    }

    /** @return a copy with the bridge instance's identity directory ({@code null}: none, no HTTP API) */
    public BridgeOptions withIdentityDir(Path dir) {
        return new BridgeOptions(host, httpPort, mqttPort, externalBroker, dataDir, shareGroup, clientId, dir, tokens, database, keyFile);
    }

    /** @return a copy believing other tokens */
    public BridgeOptions withTokens(TokenOptions trust) {
        return new BridgeOptions(host, httpPort, mqttPort, externalBroker, dataDir, shareGroup, clientId, identityDir, trust, database, keyFile);
    }

    /** @return a copy keeping everything in this PostgreSQL database ({@code null}: the embedded SQLite file) */
    public BridgeOptions withDatabase(PostgresAddress postgres) {
        return new BridgeOptions(host, httpPort, mqttPort, externalBroker, dataDir, shareGroup, clientId, identityDir, tokens, postgres, keyFile);
    }

    /** @return a copy with another signing key file ({@code null}: the default beside the data directory) */
    public BridgeOptions withKeyFile(Path file) {
        return new BridgeOptions(host, httpPort, mqttPort, externalBroker, dataDir, shareGroup, clientId, identityDir, tokens, database, file);
    }

    /**
     * @return the signing key file: {@code keyFile}, or {@code <data dir>-secrets/}{@value #DEFAULT_KEY_FILE_NAME} beside the
     *     data directory (for {@value #DEFAULT_DATA_DIR}: {@code data/bridge-secrets/signing.key})
     */
    public Path signingKeyFile() {
        if (keyFile != null) {
            return keyFile;
        }
        Path data = dataDir.toAbsolutePath().normalize();
        Path parent = data.getParent() == null ? data : data.getParent();
        return parent.resolve(data.getFileName() + "-secrets").resolve(DEFAULT_KEY_FILE_NAME);
    }

    /** @return whether the bridge runs its own broker */
    public boolean embeddedBroker() {
        return externalBroker == null;
    }

    private static void requirePort(String what, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(what + " must be 0-65535 (0 = a free port), was " + port);
        }
    }
}
