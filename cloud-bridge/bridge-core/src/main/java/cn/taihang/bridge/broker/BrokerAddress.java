package cn.taihang.bridge.broker;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Where an MQTT broker listens: {@code tcp://host:port} (plain) or {@code ssl://host:port} / {@code mqtts://host:port}
 * (TLS, verified against the JVM's trust store).
 *
 * @param host host name or address
 * @param port TCP port, 1-65535
 * @param tls whether to connect with TLS
 */
public record BrokerAddress(String host, int port, boolean tls) {

    /** Validates. @throws IllegalArgumentException on an empty host or a port outside 1-65535 */
    public BrokerAddress {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("broker host must not be empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("broker port must be 1-65535, was " + port);
        }
    }

    /**
     * @param url e.g. {@code tcp://broker.example:1883}
     * @return the address
     * @throws IllegalArgumentException if the URL is not {@code tcp|ssl|mqtts://host[:port]}; says what is expected
     */
    public static BrokerAddress parse(String url) {
        URI uri;
        try {
            uri = new URI(Objects.requireNonNull(url, "broker URL").trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("broker URL '" + url + "' is not a URL; expected tcp://host:port", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean tls = switch (scheme) {
            case "tcp", "mqtt" -> false;
            case "ssl", "mqtts" -> true;
            default -> throw new IllegalArgumentException("broker URL '" + url + "' must start with tcp:// (or ssl:// for TLS)");
        };
        if (uri.getHost() == null || (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/"))) {
            throw new IllegalArgumentException("broker URL '" + url + "' must be " + scheme + "://host:port with no path");
        }
        int port = uri.getPort() == -1 ? (tls ? 8883 : 1883) : uri.getPort();
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        try {
            return new BrokerAddress(host, port, tls);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("broker URL '" + url + "': " + e.getMessage() + "; expected " + scheme + "://host:port", e);
        }
    }

    /** @return the address as a URL, e.g. {@code tcp://127.0.0.1:1883} */
    public String url() {
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return (tls ? "ssl" : "tcp") + "://" + shownHost + ":" + port;
    }

    @Override
    public String toString() {
        return url();
    }
}
