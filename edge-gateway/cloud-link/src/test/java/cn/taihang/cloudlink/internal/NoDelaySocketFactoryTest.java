package cn.taihang.cloudlink.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Sockets handed to Paho have TCP_NODELAY set, created the way Paho creates them. */
@Tag("loopback")
class NoDelaySocketFactoryTest {

    @Test
    void plainSocketsHaveNoDelay() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SocketFactory factory = new NoDelaySocketFactory(SocketFactory.getDefault());
            try (Socket socket = factory.createSocket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 2000);
                assertThat(socket.getTcpNoDelay()).isTrue();
            }
        }
    }

    @Test
    void tlsSocketsHaveNoDelayAndAreWhatPahoNeedsForSsl() throws Exception {
        SocketFactory factory = new NoDelaySslSocketFactory((SSLSocketFactory) SSLSocketFactory.getDefault());
        assertThat(factory).isInstanceOf(SSLSocketFactory.class);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()); Socket socket = factory.createSocket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 2000);
            assertThat(socket.getTcpNoDelay()).isTrue();
        }
    }
}
