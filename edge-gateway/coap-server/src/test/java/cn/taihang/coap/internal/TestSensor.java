package cn.taihang.coap.internal;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.cipher.CipherSuite;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;

/** A sensor as a Californium client: CoAP over DTLS with a pre-shared key, or plain CoAP. */
final class TestSensor implements AutoCloseable {

    private final CoapEndpoint endpoint;
    private final CoapClient client = new CoapClient();

    private TestSensor(CoapEndpoint endpoint) {
        this.endpoint = endpoint;
        client.setEndpoint(endpoint);
        client.setTimeout(3000L);
    }

    static TestSensor dtls(String identity, String asciiKey) {
        Configuration config = CoapEndpoints.configuration(64 * 1024, 1);
        config.set(DtlsConfig.DTLS_RETRANSMISSION_TIMEOUT, 300, TimeUnit.MILLISECONDS);
        config.set(DtlsConfig.DTLS_MAX_RETRANSMISSIONS, 2);
        DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(config)
                .set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.CLIENT_ONLY)
                .setAsList(DtlsConfig.DTLS_CIPHER_SUITES, CipherSuite.TLS_PSK_WITH_AES_128_CCM_8)
                .setAdvancedPskStore(new AdvancedSinglePskStore(identity, asciiKey.getBytes(StandardCharsets.US_ASCII)))
                .build();
        return new TestSensor(CoapEndpoint.builder().setConfiguration(config).setConnector(new DTLSConnector(dtls)).build());
    }

    static TestSensor plain() {
        return new TestSensor(CoapEndpoint.builder().setConfiguration(CoapEndpoints.configuration(64 * 1024, 1)).build());
    }

    CoapResponse post(String uri, String payload, int contentFormat) throws Exception {
        return post(uri, payload.getBytes(StandardCharsets.UTF_8), contentFormat);
    }

    CoapResponse post(String uri, byte[] payload, int contentFormat) throws Exception {
        Request request = Request.newPost();
        request.setURI(uri);
        request.setPayload(payload);
        if (contentFormat >= 0) {
            request.getOptions().setContentFormat(contentFormat);
        }
        return client.advanced(request);
    }

    /** @return whether the post got no answer at all (no DTLS session: the request times out or the handshake fails) */
    boolean postUnanswered(String uri, String payload) throws Exception {
        try {
            return post(uri, payload, SenmlDecoding.SENML_JSON) == null;
        } catch (java.io.IOException handshakeFailed) {
            return true;
        }
    }

    CoapClient client() {
        return client;
    }

    @Override
    public void close() {
        client.shutdown();
        endpoint.destroy();
    }
}
