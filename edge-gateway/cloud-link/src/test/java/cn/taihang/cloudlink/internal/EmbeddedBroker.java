package cn.taihang.cloudlink.internal;

import cn.taihang.gateway.api.worker.DaemonThreads;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Properties;

/** Moquette on 127.0.0.1 (Moquette's own port 0 reports its port only after the bind completes, so a free port is picked here). */
final class EmbeddedBroker implements AutoCloseable {

    private Server server;
    private int port;

    /** Starts on a free port the first time, on the same port after a {@link #stop}. */
    EmbeddedBroker start() throws IOException {
        if (port == 0) {
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
        }
        Properties props = new Properties();
        props.setProperty("host", "127.0.0.1");
        props.setProperty("port", Integer.toString(port));
        props.setProperty("websocket_port", "disabled");
        props.setProperty("allow_anonymous", "true");
        props.setProperty("persistence_enabled", "false");
        props.setProperty("telemetry_enabled", "false");
        props.setProperty("buffer_flush_millis", "0");
        props.setProperty("netty.mqtt.message_size", Integer.toString(2 * 1024 * 1024));
        server = new Server();
        server.startServer(new MemoryConfig(props));
        return this;
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    void stop() {
        if (server != null) {
            server.stopServer();
            server = null;
        }
    }

    /** Stops in the background: Netty's graceful shutdown takes seconds and nothing waits on this port again. */
    @Override
    public void close() {
        Server stopping = server;
        server = null;
        if (stopping != null) {
            DaemonThreads.start("test-broker-stop", stopping::stopServer);
        }
    }
}
