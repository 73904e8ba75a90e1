package cn.taihang.bridge.ca;

import cn.taihang.identity.Identity;
import cn.taihang.identity.TlsContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One TLS connection on 127.0.0.1 between a JDK server socket and a JDK client socket: the server handshakes, asks
 * its context who the peer is and greets it by id; the client handshakes and reads the greeting.
 *
 * @param serverSaw the identity the server read; null if it refused
 * @param serverFailure why the server refused; null if it did not
 * @param clientRead the greeting the client read; null if none arrived
 * @param clientFailure why the client failed; null if it did not
 * @param protocol the protocol the client negotiated; null if the handshake failed on its side
 */
record Handshake(Identity serverSaw, Throwable serverFailure, String clientRead, Throwable clientFailure, String protocol) {

    private static final int TIMEOUT_MS = 20_000;

    /** A connection between a server context and a client's socket factory, the client dialling this host name. */
    static Handshake run(TlsContext server, SSLSocketFactory client, String dialledHost) throws Exception {
        return run(server, client, dialledHost, socket -> { });
    }

    /** The same, with the client's socket adjusted before the handshake (e.g. to one protocol). */
    static Handshake run(TlsContext server, SSLSocketFactory client, String dialledHost, Consumer<SSLSocket> adjust) throws Exception {
        try (SSLServerSocket listener = server.newServerSocket(InetAddress.getLoopbackAddress(), 0)) {
            CompletableFuture<Identity> serving = CompletableFuture.supplyAsync(() -> serve(server, listener));
            String read = null;
            Throwable clientFailure = null;
            String protocol = null;
            try (Socket plain = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
                 SSLSocket socket = (SSLSocket) client.createSocket(plain, dialledHost, listener.getLocalPort(), true)) {
                socket.setSoTimeout(TIMEOUT_MS);
                adjust.accept(socket);
                socket.startHandshake();
                protocol = socket.getSession().getProtocol();
                read = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                clientFailure = e;
            }
            try {
                return new Handshake(serving.get(TIMEOUT_MS, TimeUnit.MILLISECONDS), null, read, clientFailure, protocol);
            } catch (ExecutionException e) {
                return new Handshake(null, e.getCause().getCause() == null ? e.getCause() : e.getCause().getCause(), read, clientFailure, protocol);
            }
        }
    }

    /** A connection of a client context dialling 127.0.0.1. */
    static Handshake run(TlsContext server, TlsContext client) throws Exception {
        return run(server, client.socketFactory(), "127.0.0.1");
    }

    private static Identity serve(TlsContext server, SSLServerSocket listener) {
        try (SSLSocket socket = (SSLSocket) listener.accept()) {
            socket.setSoTimeout(TIMEOUT_MS);
            socket.startHandshake();
            Identity peer = server.peerIdentity(socket.getSession());
            OutputStream out = socket.getOutputStream();
            out.write(("hello " + peer.id() + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return peer;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (java.security.cert.CertificateException e) {
            throw new IllegalStateException(e);
        }
    }
}
