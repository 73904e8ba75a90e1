package cn.taihang.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class SenmlCodecTest {

    private final SenmlCodec codec = new SenmlCodec();

    @Test
    void cborRoundTripUsesIntegerLabels() throws Exception {
        List<SenmlRecord> records = List.of(SenmlRecord.number("count/short", "count", 7), SenmlRecord.number("speed", "m/s", 13.75),
                SenmlRecord.text("state", "fog"), SenmlRecord.flag("door", true));
        byte[] bytes = codec.encodeCbor(records);
        assertThat(codec.decodeCbor(bytes)).isEqualTo(records);
        // the first map's first key is the integer label 0 (name), encoded as the single byte 0x00
        assertThat(bytes[2]).isEqualTo((byte) 0x00);
    }

    @Test
    void resolvesBaseValuesAsInRfc8428Example() throws Exception {
        String json = """
                [{"bn":"urn:dev:ow:10e2073a01080063/","bt":1.320067464e+09,"bu":"%RH","v":20},
                 {"u":"lon","v":24.30621},
                 {"u":"lat","v":60.07965},
                 {"t":60,"v":20.3},
                 {"u":"lon","t":60,"v":24.30622},
                 {"u":"lat","t":60,"v":60.07965},
                 {"t":120,"v":20.7}]
                """.replace("urn:dev:ow:10e2073a01080063/", "dev-10e2073a/");
        List<SenmlRecord> records = codec.decodeJson(json.getBytes(StandardCharsets.UTF_8));
        assertThat(records).hasSize(7);
        assertThat(records.get(0)).isEqualTo(new SenmlRecord("dev-10e2073a/", "%RH", 20.0, null, null, null, 1.320067464e9));
        assertThat(records.get(3).time()).isEqualTo(1.320067524e9);
        assertThat(records.get(3).unit()).isEqualTo("%RH");
        assertThat(records.get(1).unit()).isEqualTo("lon");
    }

    @Test
    void textValuesMayBeLongerThanNames() throws Exception {
        String message = "前方大雾 请减速慢行 / Fog ahead, slow down. ".repeat(20);
        List<SenmlRecord> records = List.of(SenmlRecord.text("message", message));
        assertThat(codec.decodeCbor(codec.encodeCbor(records))).isEqualTo(records);
        String longName = "n".repeat(200);
        assertThatThrownBy(() -> codec.decodeCbor(codec.encodeCbor(List.of(SenmlRecord.number(longName, null, 1)))))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("longer than");
    }

    @Test
    void refusesARecordWithTwoValues() {
        byte[] json = "[{\"n\":\"a\",\"v\":1,\"vs\":\"x\"}]".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> codec.decodeJson(json)).isInstanceOf(WireFormatException.class).hasMessageContaining("exactly one value");
    }

    @Test
    void refusesMandatoryToUnderstandFields() {
        byte[] json = "[{\"n\":\"a\",\"v\":1,\"custom_\":2}]".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> codec.decodeJson(json)).isInstanceOf(WireFormatException.class).hasMessageContaining("custom_");
    }

    @Test
    void ignoresUnknownOptionalFields() throws Exception {
        byte[] json = "[{\"n\":\"a\",\"v\":1,\"extra\":{\"deep\":[1,2]}}]".getBytes(StandardCharsets.UTF_8);
        assertThat(codec.decodeJson(json)).containsExactly(SenmlRecord.number("a", null, 1));
    }

    @Test
    void refusesMalformedJson() {
        for (String bad : List.of("", "{}", "[", "[{\"n\":\"a\",\"v\":\"x\"}]", "[{\"n\":\"a b\",\"v\":1}]", "[{\"v\":1}]", "[]", "[1]", "[{\"n\":\"a\",\"v\":1}] trailing")) {
            assertThatThrownBy(() -> codec.decodeJson(bad.getBytes(StandardCharsets.UTF_8))).as(bad).isInstanceOf(WireFormatException.class);
        }
    }
}
