package cn.taihang.bridge.broker;

import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Properties;

/**
 * An in-process Moquette broker, for one command that runs it all on a laptop or in tests.
 *
 * <p>It allows anonymous clients, speaks plain TCP, and keeps sessions and retained messages in memory: fine on
 * 127.0.0.1. <b>Production</b> uses an external broker (EMQX, HiveMQ, Mosquitto) with TLS and per-gateway
 * credentials/ACLs, reached with {@code --broker ssl://host:8883}; gateways keep their data durably until acked,
 * so nothing is lost when this broker restarts.
 *
 * <p>Not thread-safe; {@link #start} and {@link #stop} block (stop takes ~2 s: Netty's quiet period) and must not run
 * on an event loop.
 */
public final class EmbeddedBroker {

    /** Attempts to find a free port when port 0 is asked for (another process may take the one found first). */
    private static final int FREE_PORT_ATTEMPTS = 3;

    private final String host;
    private final int requestedPort;
    private final int maxMessageBytes;
    private Server server;
    private int port;

    /**
     * @param host address to bind
     * @param port port to bind, 0 = a free port
     * @param maxMessageBytes largest MQTT message accepted
     */
    public EmbeddedBroker(String host, int port, int maxMessageBytes) {
        this.host = host;
        this.requestedPort = port;
        this.maxMessageBytes = maxMessageBytes;
    }

    /**
     * Starts the broker.
     *
     * @return the address clients connect to
     * @throws UncheckedIOException if the port cannot be bound (choose another with --mqtt-port, or 0)
     */
    public BrokerAddress start() {
        // Moquette 0.17 reports a port-0 bind through a listener racing with getPort(); choosing the port here avoids it.
        int attempts = requestedPort == 0 ? FREE_PORT_ATTEMPTS : 1;
        IOException last = null;
        for (int i = 0; i < attempts; i++) {
            int candidate = requestedPort == 0 ? freePort() : requestedPort;
            Server broker = new Server();
            try {
                broker.startServer(new MemoryConfig(properties(candidate)), List.of());
                server = broker;
                port = candidate;
                return new BrokerAddress(host, port, false);
            } catch (IOException | RuntimeException e) {
                broker.stopServer();
                last = e instanceof IOException io ? io : new IOException(e);
            }
        }
        throw new UncheckedIOException("embedded MQTT broker could not start on " + host + ":" + requestedPort
                + " (is the port in use? pick another with --mqtt-port, or 0 for a free one): " + last.getMessage(), last);
    }

    /** @return the bound port; valid after {@link #start} */
    public int port() {
        return port;
    }

    /** Stops the broker; idempotent. */
    public void stop() {
        if (server != null) {
            server.stopServer();
            server = null;
        }
    }

    private Properties properties(int bindPort) {
        Properties props = new Properties();
        props.setProperty(IConfig.HOST_PROPERTY_NAME, host);
        props.setProperty(IConfig.PORT_PROPERTY_NAME, Integer.toString(bindPort));
        props.setProperty(IConfig.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
        props.setProperty(IConfig.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
        props.setProperty(IConfig.ENABLE_TELEMETRY_NAME, "false");
        props.setProperty(IConfig.NETTY_MAX_BYTES_PROPERTY_NAME, Integer.toString(maxMessageBytes));
        props.setProperty(IConfig.WEB_SOCKET_PORT_PROPERTY_NAME, "disabled");
        return props;
    }

    private int freePort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind " + host + " at all; check --host", e);
        }
    }
}
