package cn.taihang.bridge.broker;

import cn.taihang.bridge.broker.security.BrokerSecurity;
import io.moquette.BrokerConstants;
import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process Moquette 0.17 broker, for one command that runs it all on a laptop or in tests — locked down as a
 * production broker would be: MQTT over TLS only (no plain listener, no WebSocket), client certificates required and
 * checked against the city CA and the local CRL, each CONNECT bound to its certificate's identity (client id and user
 * name = the certificate's id), the {@link BrokerAcl} on every publish, subscription and will, clean sessions only. When
 * the CRL changes (checked every {@value #CRL_CHECK_SECONDS} s) and every hour, open connections are checked again and
 * those of revoked or expired certificates are closed. Sessions and retained messages are in memory; gateways keep their
 * data durably until the bridge acknowledges it, so nothing is lost when this broker restarts.
 *
 * <p>Moquette 0.17 bounds nothing per session: its in-flight window is fixed at 10 messages and a session's queue
 * ({@code InMemoryQueue}) is unbounded; {@code session_queue_size} sizes only the queues of its session event loops. With
 * clean sessions only, nothing queues for a client that is away, and the bridge's own subscription is drained as fast
 * as the bridge stores. What can queue is bounded by the senders instead: a gateway has at most its {@code inflightRecords}
 * unacknowledged (it sends more only on the bridge's acknowledgements), so the bridge's queue holds at most the city's
 * windows, and a gateway's queue at most the acks and commands for what it sent. (The external mosquitto is bounded
 * explicitly, see {@link MosquittoConf}; Moquette 0.17 has no such setting.)
 *
 * <p>Not thread-safe; {@link #start} and {@link #stop} block (stop takes ~2 s: Netty's quiet period) and must not run
 * on an event loop.
 */
public final class EmbeddedBroker {

    /** How often the CRL file is looked at for a change, seconds. */
    static final int CRL_CHECK_SECONDS = 2;
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
    /** Attempts to find a free port when port 0 is asked for (another process may take the one found first). */
    private static final int FREE_PORT_ATTEMPTS = 3;
    private static final long FULL_CHECK_SECONDS = 3600;
    private static final String SESSION_LOOP_QUEUE = "1024";

    private final String host;
    private final int requestedPort;
    private final int maxMessageBytes;
    private final BrokerSecurity security;
    private Server server;
    private ScheduledExecutorService checks;
    private int port;

    /**
     * @param host address to bind
     * @param port TLS port to bind, 0 = a free port
     * @param maxMessageBytes largest MQTT message accepted
     * @param security the broker's TLS, authentication and authorisation
     */
    public EmbeddedBroker(String host, int port, int maxMessageBytes, BrokerSecurity security) {
        this.host = host;
        this.requestedPort = port;
        this.maxMessageBytes = maxMessageBytes;
        this.security = security;
    }

    /**
     * Starts the broker.
     *
     * @return the address clients connect to ({@code ssl://})
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
                broker.startServer(new MemoryConfig(properties(candidate)), List.of(), security.sslContextCreator(),
                        security.authenticator(), security.authorizer());
                server = broker;
                port = candidate;
                startChecks();
                LOG.info("embedded MQTT broker listening on ssl://{}:{} as {}: client certificates required, no plain port",
                        host, port, security.tls().identity());
                return new BrokerAddress(host, port, true);
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

    /** @return connections let in and still open */
    public int connectedClients() {
        return security.connectedClients();
    }

    /** Checks open connections against the current CRL now, as the periodic check does when the CRL changes. */
    public void recheckNow() {
        Server running = server;
        if (running != null) {
            security.recheck(true, running::disconnectClient);
        }
    }

    /** Stops the broker; idempotent. */
    public void stop() {
        if (checks != null) {
            checks.shutdownNow();
            checks = null;
        }
        if (server != null) {
            server.stopServer();
            server = null;
        }
    }

    private void startChecks() {
        Server running = server;
        checks = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "broker-certificate-checks");
            t.setDaemon(true);
            return t;
        });
        long[] sinceFull = {0};
        checks.scheduleWithFixedDelay(() -> {
            try {
                sinceFull[0] += CRL_CHECK_SECONDS;
                boolean full = sinceFull[0] >= FULL_CHECK_SECONDS;
                if (full) {
                    sinceFull[0] = 0;
                }
                if (security.recheck(full, running::disconnectClient)) {
                    LOG.info("checked the certificates of {} open MQTT connection(s) again", security.connectedClients());
                }
            } catch (RuntimeException e) {
                LOG.error("checking open MQTT connections against the CRL failed; retrying in {} s: {}", CRL_CHECK_SECONDS, e.toString(), e);
            }
        }, CRL_CHECK_SECONDS, CRL_CHECK_SECONDS, TimeUnit.SECONDS);
    }

    private Properties properties(int bindPort) {
        Properties props = new Properties();
        props.setProperty(IConfig.HOST_PROPERTY_NAME, host);
        props.setProperty(IConfig.PORT_PROPERTY_NAME, BrokerConstants.DISABLED_PORT_BIND);
        props.setProperty(IConfig.SSL_PORT_PROPERTY_NAME, Integer.toString(bindPort));
        props.setProperty(BrokerConstants.NEED_CLIENT_AUTH, "true");
        props.setProperty(IConfig.ALLOW_ANONYMOUS_PROPERTY_NAME, "false");
        props.setProperty(BrokerConstants.ALLOW_ZERO_BYTE_CLIENT_ID_PROPERTY_NAME, "false");
        props.setProperty(BrokerConstants.REAUTHORIZE_SUBSCRIPTIONS_ON_CONNECT, "true");
        props.setProperty(IConfig.SESSION_QUEUE_SIZE, SESSION_LOOP_QUEUE);
        props.setProperty(IConfig.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
        props.setProperty(IConfig.ENABLE_TELEMETRY_NAME, "false");
        props.setProperty(IConfig.NETTY_MAX_BYTES_PROPERTY_NAME, Integer.toString(maxMessageBytes));
        props.setProperty(IConfig.WEB_SOCKET_PORT_PROPERTY_NAME, BrokerConstants.DISABLED_PORT_BIND);
        props.setProperty(IConfig.WSS_PORT_PROPERTY_NAME, BrokerConstants.DISABLED_PORT_BIND);
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
