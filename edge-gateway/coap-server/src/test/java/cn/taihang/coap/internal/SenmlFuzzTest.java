package cn.taihang.coap.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.taihang.gateway.api.sensor.SensorValue;
import cn.taihang.wire.WireFormatException;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.junit.jupiter.api.Tag;

/**
 * Jazzer fuzz tests of the SenML decoding sensors reach: whatever the bytes, the answer is a list of valid
 * values or a {@link WireFormatException}, never another exception or a hang. Under Surefire they run in
 * regression mode over the seeds in {@code src/test/resources/.../SenmlFuzzTestInputs/<method>/}; run
 * {@code JAZZER_FUZZ=1 mvn test -pl edge-gateway/coap-server -Dtest=SenmlFuzzTest -Djazzer.hooks=true} to fuzz (findings land in {@code .cifuzz-corpus/}).
 */
@Tag("unit")
class SenmlFuzzTest {

    private final SenmlDecoding decoding = new SenmlDecoding(16 * 1024);

    @FuzzTest(maxDuration = "30s")
    void senmlJson(byte[] payload) {
        check(payload, SenmlDecoding.Format.JSON);
    }

    @FuzzTest(maxDuration = "30s")
    void senmlCbor(byte[] payload) {
        check(payload, SenmlDecoding.Format.CBOR);
    }

    private void check(byte[] payload, SenmlDecoding.Format format) {
        List<SensorValue> values;
        try {
            values = decoding.decode(payload, format);
        } catch (WireFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return;
        }
        assertThat(values).isNotEmpty().allSatisfy(v -> assertThat(v.name()).isNotEmpty());
    }
}
