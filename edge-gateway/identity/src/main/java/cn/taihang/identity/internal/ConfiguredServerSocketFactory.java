package cn.taihang.identity.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLServerSocketFactory;

/** A server socket factory whose every socket carries the holder's TLS parameters (protocols, client authentication). */
public final class ConfiguredServerSocketFactory extends SSLServerSocketFactory {

    private final SSLServerSocketFactory delegate;
    private final SSLParameters parameters;

    /**
     * @param delegate the SSL context's server socket factory
     * @param parameters applied to every server socket, and so to the sockets it accepts
     */
    public ConfiguredServerSocketFactory(SSLServerSocketFactory delegate, SSLParameters parameters) {
        this.delegate = delegate;
        this.parameters = parameters;
    }

    private ServerSocket configure(ServerSocket socket) {
        ((SSLServerSocket) socket).setSSLParameters(parameters);
        return socket;
    }

    @Override
    public ServerSocket createServerSocket() throws IOException {
        return configure(delegate.createServerSocket());
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        return configure(delegate.createServerSocket(port));
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
        return configure(delegate.createServerSocket(port, backlog));
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        return configure(delegate.createServerSocket(port, backlog, address));
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return parameters.getCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }
}
