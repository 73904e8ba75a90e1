package cn.taihang.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class CertificateRequestTest {

    @Test
    void aRequestCarriesTheIdAsCnAndTheIdentityUriAndIsSignedByItsKey() throws Exception {
        KeyPair keys = KeyFiles.generate();
        IdentityName name = IdentityName.gateway("gw-7", "hub-east");
        CertificateRequest parsed = CertificateRequest.parse(CertificateRequest.create(name, keys).toPem());
        assertThat(parsed.subject()).isEqualTo("CN=gw-7");
        assertThat(parsed.commonNames()).containsExactly("gw-7");
        assertThat(parsed.requestedUris()).containsExactly("urn:taihang:gateway:hub-east:gw-7");
        assertThat(parsed.publicKey()).isEqualTo(keys.getPublic());
        assertThat(parsed.isSignatureValid()).isTrue();
    }

    @Test
    void anAlteredRequestNoLongerVerifies() throws Exception {
        byte[] der = CertificateRequest.create(IdentityName.bridge("b-1"), KeyFiles.generate()).encoded();
        String encoded = new String(der, StandardCharsets.ISO_8859_1);
        int at = encoded.indexOf("b-1");
        der[at + 2] = '2';
        CertificateRequest altered = CertificateRequest.parse("-----BEGIN CERTIFICATE REQUEST-----\n"
                + Base64.getMimeEncoder().encodeToString(der) + "\n-----END CERTIFICATE REQUEST-----\n");
        assertThat(altered.commonNames()).containsExactly("b-2");
        assertThat(altered.isSignatureValid()).isFalse();
    }

    @Test
    void textWithoutARequestIsRefused() {
        assertThatThrownBy(() -> CertificateRequest.parse("not a request")).isInstanceOf(IOException.class)
                .hasMessageContaining("no PEM CERTIFICATE REQUEST");
        assertThatThrownBy(() -> CertificateRequest.parse("-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n"))
                .isInstanceOf(IOException.class);
    }
}
