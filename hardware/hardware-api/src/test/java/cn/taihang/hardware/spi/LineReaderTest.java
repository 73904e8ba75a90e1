package cn.taihang.hardware.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class LineReaderTest {

    private final List<Integer> overflows = new ArrayList<>();

    private List<String> readAll(LineReader reader) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line = reader.readLine(overflows::add); line != null; line = reader.readLine(overflows::add)) {
            lines.add(line);
        }
        return lines;
    }

    @Test
    void splitsOnNewlineAndDropsCarriageReturns() throws IOException {
        LineReader reader = new LineReader(new StringReader("EDGE 17 1 5\r\n\nLINE scanner-1 7 晋城 QR\n"), 64);

        assertThat(readAll(reader)).containsExactly("EDGE 17 1 5", "", "LINE scanner-1 7 晋城 QR");
        assertThat(reader.endedMidLine()).isFalse();
        assertThat(overflows).isEmpty();
    }

    @Test
    void skipsAndReportsOversizedLinesWithoutHoldingThem() throws IOException {
        String huge = "x".repeat(1_000_000);
        LineReader reader = new LineReader(new StringReader("ok\n" + huge + "\n12345\n123456\r\nafter\n"), 5);

        assertThat(readAll(reader)).containsExactly("ok", "12345", "after");
        assertThat(overflows).containsExactly(1_000_000, 6);
    }

    @Test
    void manyOversizedLinesInARowDoNotRecurse() throws IOException {
        String input = "toolong\n".repeat(100_000) + "fine\n";
        LineReader reader = new LineReader(new StringReader(input), 4);

        assertThat(readAll(reader)).containsExactly("fine");
        assertThat(overflows).hasSize(100_000);
    }

    @Test
    void aTruncatedLastLineIsDiscardedAndNoticed() throws IOException {
        LineReader reader = new LineReader(new StringReader("EDGE 17 1 5\nEDGE 17 0"), 64);

        assertThat(readAll(reader)).containsExactly("EDGE 17 1 5");
        assertThat(reader.endedMidLine()).isTrue();
    }

    @Test
    void refusesANonPositiveMaximum() {
        assertThatThrownBy(() -> new LineReader(new StringReader(""), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
