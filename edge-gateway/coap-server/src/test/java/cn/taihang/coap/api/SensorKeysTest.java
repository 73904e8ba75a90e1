package cn.taihang.coap.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class SensorKeysTest {

    private static final byte[] KEY = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @Test
    void roundTripsAndNeverPrintsAKey() {
        SensorKeys keys = new SensorKeys(7, List.of(new SensorKeys.Entry("vis-zw-12", "vis-zw-12", KEY), new SensorKeys.Entry("id:42", "ice-zw-3", KEY)));
        SensorKeys back = SensorKeys.fromJson(keys.toJson());
        assertThat(back).isEqualTo(keys);
        assertThat(back.toString() + back.sensors()).doesNotContain("0123456789abcdef").doesNotContain("MDEyMzQ1");
    }

    @Test
    void theSensorIdDefaultsToTheIdentity() {
        String json = "{\"version\":1,\"sensors\":[{\"identity\":\"wind-1\",\"key\":\"MDEyMzQ1Njc4OWFiY2RlZg==\"}],\"extra\":{\"x\":[1]}}";
        assertThat(SensorKeys.fromJson(json.getBytes(StandardCharsets.UTF_8)).sensors().get(0).sensorId()).isEqualTo("wind-1");
    }

    @Test
    void refusesMalformedTruncatedAndOversizedBodies() {
        List<String> bad = List.of("", "[]", "{", "{\"version\":1}", "{\"sensors\":[]}", "{\"version\":0,\"sensors\":[]}",
                "{\"version\":\"1\",\"sensors\":[]}", "{\"version\":1,\"sensors\":[{\"identity\":\"a\",\"key\":\"!!\"}]}",
                "{\"version\":1,\"sensors\":[{\"identity\":\"a\",\"key\":\"c2hvcnQ=\"}]}",
                "{\"version\":1,\"sensors\":[{\"identity\":\"a b\",\"key\":\"MDEyMzQ1Njc4OWFiY2RlZg==\"}]}",
                "{\"version\":1,\"sensors\":[{\"identity\":\"a\",\"key\":\"MDEyMzQ1Njc4OWFiY2RlZg==\"},{\"identity\":\"a\",\"key\":\"MDEyMzQ1Njc4OWFiY2RlZg==\"}]}",
                "{\"version\":1,\"sensors\":[1]}", "{\"version\":1,\"sensors\":[]} {}");
        for (String body : bad) {
            assertThatThrownBy(() -> SensorKeys.fromJson(body.getBytes(StandardCharsets.UTF_8))).as(body).isInstanceOf(IllegalArgumentException.class);
        }
        byte[] huge = new byte[SensorKeys.MAX_BYTES + 1];
        assertThatThrownBy(() -> SensorKeys.fromJson(huge)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bytes");
        assertThatThrownBy(() -> SensorKeys.fromJson(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
