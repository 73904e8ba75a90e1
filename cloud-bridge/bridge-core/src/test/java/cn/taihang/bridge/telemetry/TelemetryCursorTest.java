package cn.taihang.bridge.telemetry;

import cn.taihang.bridge.module.ServiceException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class TelemetryCursorTest {

    private static String token(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void roundTripsAndIsUrlSafe() throws Exception {
        TelemetryCursor c = new TelemetryCursor(-5_000L, "gw-hsr-east-1", Long.MAX_VALUE);
        String token = c.encode();
        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(TelemetryCursor.decode(token)).isEqualTo(c);
    }

    @Test
    void refusesTokensItDidNotIssue() {
        String good = new TelemetryCursor(1, "gw-a", 2).encode();
        for (String bad : new String[] {"", "!!", token("2:1:2:gw-a"), token("1:x:2:gw-a"), token("1:1:-2:gw-a"), token("1:1:2:GW A"),
                token("1:1:2"), token("1:1:99999999999999999999:gw-a"), good.substring(0, good.length() / 2), "A".repeat(10_000)}) {
            assertThatThrownBy(() -> TelemetryCursor.decode(bad)).as(bad.length() > 40 ? bad.substring(0, 40) : bad)
                    .isInstanceOf(ServiceException.class)
                    .extracting(e -> ((ServiceException) e).parameter()).isEqualTo("after");
        }
    }

    @Test
    void randomTokensFailOnlyWithInvalidParameter() {
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            byte[] junk = new byte[random.nextInt(60)];
            random.nextBytes(junk);
            String t = Base64.getUrlEncoder().encodeToString(junk);
            try {
                TelemetryCursor.decode(t);
            } catch (ServiceException expected) {
                assertThat(expected.parameter()).isEqualTo("after");
            }
        }
    }
}
