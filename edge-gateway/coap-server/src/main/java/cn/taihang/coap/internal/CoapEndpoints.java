package cn.taihang.coap.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.interceptors.MessageInterceptorAdapter;
import org.eclipse.californium.core.network.serialization.UdpDataParser;
import org.eclipse.californium.core.network.serialization.UdpDataSerializer;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.elements.util.DatagramReader;
import org.eclipse.californium.core.coap.Message;
import org.eclipse.californium.core.network.serialization.MessageHeader;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.DtlsDatagramFilter;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConfig.DtlsRole;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.Connection;
import org.eclipse.californium.scandium.dtls.Handshaker;
import org.eclipse.californium.scandium.dtls.Record;
import org.eclipse.californium.scandium.dtls.SessionAdapter;
import org.eclipse.californium.scandium.dtls.cipher.CipherSuite;

/**
 * The Californium side: configuration (typed, from {@link CoapServerConfig}), the DTLS endpoint with the
 * sensors' keys, the optional plain endpoint of a lab, and the counters that see what the stack itself
 * refuses (malformed datagrams, failed handshakes, bodies too large for block-wise reassembly).
 */
final class CoapEndpoints implements AutoCloseable {

    private final CoapServer server;
    private final CoapEndpoint secure;
    private final CoapEndpoint plain;

    private CoapEndpoints(CoapServer server, CoapEndpoint secure, CoapEndpoint plain) {
        this.server = server;
        this.secure = secure;
        this.plain = plain;
    }

    /** @return Californium's configuration for the gateway's server and client endpoints */
    static Configuration configuration(int maxPayloadBytes, int protocolThreads) {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
        Configuration config = Configuration.createStandardWithoutFile();
        config.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, maxPayloadBytes);
        config.set(CoapConfig.PROTOCOL_STAGE_THREAD_COUNT, protocolThreads);
        config.set(CoapConfig.EXCHANGE_LIFETIME, 60, TimeUnit.SECONDS);
        config.set(UdpConfig.UDP_RECEIVER_THREAD_COUNT, 1);
        config.set(UdpConfig.UDP_SENDER_THREAD_COUNT, 1);
        config.set(DtlsConfig.DTLS_RECEIVER_THREAD_COUNT, 1);
        config.set(DtlsConfig.DTLS_CONNECTOR_THREAD_COUNT, protocolThreads);
        return config;
    }

    /**
     * Binds and starts the server with its resources.
     *
     * @throws IOException if a port cannot be bound (in use, or no permission)
     */
    static CoapEndpoints start(CoapServerConfig settings, SensorKeyring keyring, Rejections rejections, List<CoapResource> resources)
            throws IOException {
        Configuration config = configuration(settings.maxPayloadBytes(), settings.protocolThreads());
        List<CipherSuite> suites = new ArrayList<>();
        for (String name : settings.cipherSuites()) {
            CipherSuite suite = CipherSuite.getTypeByName(name);
            if (suite == null || !suite.isPskBased()) {
                throw new IllegalArgumentException(CoapServerConfig.PID + "/cipherSuites: '" + name + "' is not a PSK cipher suite Scandium knows; "
                        + "use e.g. TLS_PSK_WITH_AES_128_CCM_8");
            }
            suites.add(suite);
        }
        DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(config)
                .set(DtlsConfig.DTLS_ROLE, DtlsRole.SERVER_ONLY)
                .set(DtlsConfig.DTLS_RECOMMENDED_CIPHER_SUITES_ONLY, false)
                .setAsList(DtlsConfig.DTLS_CIPHER_SUITES, suites.toArray(CipherSuite[]::new))
                .setAddress(new InetSocketAddress(settings.bindAddress(), settings.securePort()))
                .setAdvancedPskStore(keyring)
                .setDatagramFilter(new MacErrorCounter(config, rejections))
                .setSessionListener(new HandshakeFailureCounter(rejections))
                .setLoggingTag("coaps")
                .build();
        CoapServer server = new CoapServer(config);
        resources.forEach(server::add);
        CoapEndpoint secure = endpoint(config, rejections).setConnector(new DTLSConnector(dtls)).build();
        server.addEndpoint(secure);
        CoapEndpoint plain = null;
        if (settings.plainPort() >= 0) {
            plain = endpoint(config, rejections).setInetSocketAddress(new InetSocketAddress(settings.bindAddress(), settings.plainPort())).build();
            server.addEndpoint(plain);
        }
        try {
            server.start();
        } catch (IllegalStateException e) {
            server.destroy();
            throw new IOException("cannot bind the CoAP server (" + settings.bindAddress() + " ports " + settings.securePort()
                    + (settings.plainPort() >= 0 ? "/" + settings.plainPort() : "") + "): " + e.getMessage()
                    + "; is another process using the port? Set " + CoapServerConfig.PID + "/securePort", e);
        }
        return new CoapEndpoints(server, secure, plain);
    }

    private static CoapEndpoint.Builder endpoint(Configuration config, Rejections rejections) {
        CoapEndpoint.Builder builder = new CoapEndpoint.Builder().setConfiguration(config)
                .setDataSerializerAndParser(new UdpDataSerializer(), new CountingParser(rejections));
        return builder;
    }

    InetSocketAddress secureAddress() {
        return secure.getAddress();
    }

    Optional<InetSocketAddress> plainAddress() {
        return plain == null ? Optional.empty() : Optional.of(plain.getAddress());
    }

    /** Adds the interceptor that counts every 4.13 answer, the resource's and those Californium's block-wise layer gives by itself. */
    void countStackRefusals(Rejections rejections) {
        MessageInterceptorAdapter tooLarge = new MessageInterceptorAdapter() {
            @Override
            public void sendResponse(Response response) {
                if (response.getCode() == ResponseCode.REQUEST_ENTITY_TOO_LARGE) {
                    rejections.refused(Rejections.Reason.TOO_LARGE, String.valueOf(response.getDestinationContext().getPeerAddress()),
                            "body larger than " + CoapServerConfig.PID + "/maxPayloadBytes (" + response.getOptions().getSize1() + " bytes)");
                }
            }
        };
        secure.addInterceptor(tooLarge);
        if (plain != null) {
            plain.addInterceptor(tooLarge);
        }
    }

    @Override
    public void close() {
        server.destroy();
    }

    /** Counts datagrams that are not CoAP; Californium answers or drops them itself. */
    private static final class CountingParser extends UdpDataParser {
        private final Rejections rejections;

        CountingParser(Rejections rejections) {
            this.rejections = rejections;
        }

        @Override
        protected MessageHeader parseHeader(DatagramReader reader) {
            try {
                return super.parseHeader(reader);
            } catch (RuntimeException e) {
                rejections.refused(Rejections.Reason.MALFORMED_COAP, "a peer", "not a CoAP message: " + e.getMessage());
                throw e;
            }
        }

        @Override
        public void parseOptionsAndPayload(DatagramReader reader, Message message) {
            try {
                super.parseOptionsAndPayload(reader, message);
            } catch (RuntimeException e) {
                rejections.refused(Rejections.Reason.MALFORMED_COAP, String.valueOf(message.getSourceContext() == null ? "a peer"
                        : message.getSourceContext().getPeerAddress()), "malformed CoAP options or payload: " + e.getMessage());
                throw e;
            }
        }
    }

    /** A record that fails its MAC during a handshake is the sign of a wrong pre-shared key. */
    private static final class MacErrorCounter extends DtlsDatagramFilter {
        private final Rejections rejections;

        MacErrorCounter(Configuration config, Rejections rejections) {
            super(config);
            this.rejections = rejections;
        }

        @Override
        public boolean onMacError(Record record, Connection connection) {
            rejections.refused(Rejections.Reason.HANDSHAKE_FAILED, String.valueOf(connection.getPeerAddress()),
                    "a DTLS record failed its MAC: the sensor's key differs from the provisioned one");
            return super.onMacError(record, connection);
        }
    }

    /** Counts handshakes that fail for other reasons (unknown identity, no common cipher suite, timeouts). */
    private static final class HandshakeFailureCounter extends SessionAdapter {
        private final Rejections rejections;

        HandshakeFailureCounter(Rejections rejections) {
            this.rejections = rejections;
        }

        @Override
        public void handshakeFailed(Handshaker handshaker, Throwable error) {
            rejections.refused(Rejections.Reason.HANDSHAKE_FAILED, String.valueOf(handshaker.getPeerAddress()),
                    "DTLS handshake failed: " + error.getMessage());
        }
    }
}
