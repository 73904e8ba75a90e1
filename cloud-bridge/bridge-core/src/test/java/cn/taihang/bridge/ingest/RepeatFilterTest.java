package cn.taihang.bridge.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class RepeatFilterTest {

    @Test
    void saysFirstTimeOncePerKeyAndStaysBounded() {
        RepeatFilter filter = new RepeatFilter(2);
        assertThat(filter.firstTime("gw-1|MALFORMED")).isTrue();
        assertThat(filter.firstTime("gw-1|MALFORMED")).isFalse();
        assertThat(filter.firstTime("gw-2|MALFORMED")).isTrue();
        assertThat(filter.firstTime("gw-3|MALFORMED")).as("full: no more logging").isFalse();
    }
}
