package cn.taihang.hardware.sim.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("unit")
class HarnessMessageTest {

    @Test
    void everyMessageSurvivesARoundTrip() throws Exception {
        List<HarnessMessage> messages = List.of(
                new HarnessMessage.Hello("gw-hsr-east-1", "raspberry-pi-4"),
                new HarnessMessage.Claim(17, false, "counter lane-1 loop A"),
                new HarnessMessage.Claim(18, true, "gate-3 relay 闸机"),
                new HarnessMessage.Release(17),
                new HarnessMessage.Out(18, true, 1_700_000_000_123_456L),
                new HarnessMessage.Open("scanner-1", "validator gate-3"),
                new HarnessMessage.Close("scanner-1"),
                new HarnessMessage.Tx("scanner-1", "BEEP twice"),
                new HarnessMessage.Tx("scanner-1", ""),
                new HarnessMessage.Edge(17, false, 0),
                new HarnessMessage.Line("scanner-1", 1_700_000_000_000_001L, "TH1:QR code with  two spaces "),
                new HarnessMessage.Line("scanner-1", 5, ""));
        for (HarnessMessage message : messages) {
            assertThat(HarnessMessage.parse(message.toLine())).as(message.toLine()).isEqualTo(message);
        }
    }

    @Test
    void readsTheDocumentedLines() throws Exception {
        assertThat(HarnessMessage.parse("EDGE 17 1 1700000000000000"))
                .isEqualTo(new HarnessMessage.Edge(17, true, 1_700_000_000_000_000L));
        assertThat(HarnessMessage.parse("CLAIM 27 OUT gate-1 relay"))
                .isEqualTo(new HarnessMessage.Claim(27, true, "gate-1 relay"));
        assertThat(HarnessMessage.parse("LINE scanner-1 42")).isEqualTo(new HarnessMessage.Line("scanner-1", 42, ""));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|empty",
        "'   '|empty",
        "FROB 1 2|unknown-verb",
        "edge 17 1 5|unknown-verb",
        "EDGE|field-count",
        "EDGE 17 1|field-count",
        "EDGE 17 1 5 6|field-count",
        "EDGE x 1 5|bad-number",
        "EDGE -1 1 5|bad-number",
        "EDGE 17 1 -5|bad-number",
        "EDGE 17 1 99999999999999999999|bad-number",
        "EDGE 1234567 1 5|bad-number",
        "EDGE 17 2 5|bad-level",
        "EDGE 17  1 5|field-count",
        "OUT 17 high 5|bad-level",
        "CLAIM 17 SIDEWAYS owner|bad-direction",
        "CLAIM 17 IN|field-count",
        "'CLAIM 17 IN    '|bad-field",
        "HELLO gw-1|field-count",
        "HELLO gw-1 raspberry-pi-4 extra|field-count",
        "RELEASE|field-count",
        "OPEN scanner-1|field-count",
        "LINE scanner-1|field-count",
        "LINE scanner-1 soon text|bad-number",
        "TX|field-count",
    })
    void answersEveryBadLineWithItsKind(String line, String kind) {
        assertThatThrownBy(() -> HarnessMessage.parse(line))
                .isInstanceOfSatisfying(MalformedLineException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }

    @Test
    void refusesOversizedAndNullLines() {
        assertThatThrownBy(() -> HarnessMessage.parse("TX scanner-1 " + "x".repeat(HarnessMessage.MAX_LINE)))
                .isInstanceOfSatisfying(MalformedLineException.class, e -> assertThat(e.kind()).isEqualTo("oversized"));
        assertThatThrownBy(() -> HarnessMessage.parse(null))
                .isInstanceOfSatisfying(MalformedLineException.class, e -> assertThat(e.kind()).isEqualTo("empty"));
    }

    @Test
    void messagesThatCannotBeOneLineAreRefusedWhenBuilt() {
        assertThatThrownBy(() -> new HarnessMessage.Tx("scanner-1", "two\nlines")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HarnessMessage.Line("scanner 1", 5, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HarnessMessage.Hello("gw 1", "raspberry-pi-4")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HarnessMessage.Claim(17, false, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HarnessMessage.Edge(-1, true, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HarnessMessage.Out(17, true, -5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HarnessMessage.Tx("scanner-1", "x".repeat(HarnessMessage.MAX_LINE)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
