package cn.taihang.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.taihang.hardware.api.FelixRig;
import java.security.KeyPair;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/** The identity bundle resolves in a real Felix beside the BouncyCastle and wire-format bundles, and works there. */
@Tag("framework")
class IdentityInFrameworkTest {

    @Test
    void theBundleResolvesExportsOnlyItsApiAndMakesARequestInsideTheFramework() throws Exception {
        try (FelixRig felix = new FelixRig()) {
            felix.start(List.of("com.fasterxml.jackson.annotation.JsonProperty", "com.fasterxml.jackson.core.JsonFactory",
                    "com.fasterxml.jackson.databind.ObjectMapper", "com.fasterxml.jackson.dataformat.cbor.CBORFactory",
                    "org.apache.commons.codec.binary.Base64", "org.bouncycastle.jce.provider.BouncyCastleProvider",
                    "org.bouncycastle.asn1.cmc.BodyPartID", "org.bouncycastle.cert.X509CertificateHolder", "cn.taihang.wire.Topics",
                    "cn.taihang.identity.Identity"));
            Bundle identity = felix.bundle("cn.taihang.identity");
            assertThat(identity.getState()).isEqualTo(Bundle.ACTIVE);
            assertThat(identity.getHeaders().get("Export-Package")).startsWith("cn.taihang.identity;version=\"1.0.0\"").doesNotContain("internal");

            Class<?> names = identity.loadClass("cn.taihang.identity.IdentityName");
            Class<?> requests = identity.loadClass("cn.taihang.identity.CertificateRequest");
            assertThat(requests.getClassLoader()).isNotSameAs(getClass().getClassLoader());
            Object name = names.getMethod("gateway", String.class, String.class).invoke(null, "gw-1", "post-3");
            Object keys = identity.loadClass("cn.taihang.identity.KeyFiles").getMethod("generate").invoke(null);
            Object request = requests.getMethod("create", names, KeyPair.class).invoke(null, name, keys);
            assertThat((String) requests.getMethod("toPem").invoke(request)).startsWith("-----BEGIN CERTIFICATE REQUEST-----");
            assertThat((Boolean) requests.getMethod("isSignatureValid").invoke(request)).isTrue();
        }
    }
}
