package cn.taihang.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.taihang.identity.CertificateRefusedException.Reason;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class IdentityTest {

    @Test
    void readsTheNameSerialAndValidityACertificateCarries() throws Exception {
        var certificate = TestCertificates.selfSigned(List.of("gw-1"), List.of("urn:taihang:gateway:post-3:gw-1"));
        Identity identity = Identity.of(certificate);
        assertThat(identity.name()).isEqualTo(IdentityName.gateway("gw-1", "post-3"));
        assertThat(identity.kind()).isEqualTo(Kind.GATEWAY);
        assertThat(identity.site()).isEqualTo("post-3");
        assertThat(identity.serial()).isEqualTo(BigInteger.valueOf(4711));
        assertThat(identity.serialHex()).isEqualTo("1267");
        assertThat(identity.notAfter()).isEqualTo(certificate.getNotAfter().toInstant());
        assertThat(identity).hasToString("gateway gw-1 at site post-3 (serial 1267)");
    }

    @Test
    void refusesCertificatesOutsideTheConvention() throws Exception {
        assertRefused(List.of("gw-1"), List.of(), "carries no urn:taihang: URI");
        assertRefused(List.of("gw-1"), List.of("urn:taihang:gateway:s:gw-1", "urn:taihang:bridge:gw-1"), "exactly one is allowed");
        assertRefused(List.of("gw-2"), List.of("urn:taihang:gateway:s:gw-1"), "must be exactly the id 'gw-1'");
        assertRefused(List.of("gw-1", "gw-1"), List.of("urn:taihang:gateway:s:gw-1"), "must be exactly the id 'gw-1'");
        assertRefused(List.of(), List.of("urn:taihang:bridge:b-1"), "must be exactly the id 'b-1'");
        assertRefused(List.of("gw-1"), List.of("urn:taihang:gateway:bridge:gw-1"), "'bridge' or 'fleet'");
        assertRefused(List.of("x"), List.of("urn:taihang:printer:x"), "unknown identity kind 'printer'");
    }

    private static void assertRefused(List<String> commonNames, List<String> uris, String why) throws Exception {
        var certificate = TestCertificates.selfSigned(commonNames, uris);
        assertThatThrownBy(() -> Identity.of(certificate))
                .isInstanceOfSatisfying(CertificateRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_NAME))
                .hasMessageContaining("does not name a Taihang identity").hasMessageContaining(why).hasMessageContaining("serial 1267");
    }
}
