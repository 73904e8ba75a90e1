package cn.taihang.bridge.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A record stamped far ahead of the bridge's receive time is flagged and ordered by its receive time. */
@Tag("unit")
class RecordTimesTest {

    private static final long RECEIVED = Instant.parse("2026-12-07T08:00:00Z").toEpochMilli();

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RecordTimes times = new RecordTimes(Duration.ofMinutes(10), meters);

    private static IngestedRecord stamped(long timeMillis) {
        return new IngestedRecord("gw-1", "site-1", 1, "board-a", "sign.status", timeMillis, RECEIVED, 2, false, Map.of("state", "SHOWN"), Map.of());
    }

    private double flagged() {
        var counter = meters.find("bridge.records.implausible.time").tag("kind", "sign.status").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aTimeWithinTheSkewOrInThePastIsTheRecordsOwn() {
        IngestedRecord late = stamped(RECEIVED - Duration.ofDays(3).toMillis());
        IngestedRecord ahead = stamped(RECEIVED + Duration.ofMinutes(9).toMillis());
        assertThat(times.forOrdering(late)).isSameAs(late);
        assertThat(times.orderingMillis(ahead)).isEqualTo(ahead.timeMillis());
        assertThat(flagged()).isZero();
    }

    @Test
    void aTimeYearsAheadIsFlaggedAndOrderedByTheReceiveTime() {
        IngestedRecord in2030 = stamped(Instant.parse("2030-01-01T00:00:00Z").toEpochMilli());
        IngestedRecord ordered = times.forOrdering(in2030);
        assertThat(ordered.timeMillis()).isEqualTo(RECEIVED);
        assertThat(ordered.values()).isEqualTo(in2030.values());
        assertThat(times.plausible(in2030)).isFalse();
        times.orderingMillis(in2030);
        assertThat(flagged()).isEqualTo(2);
    }

    @Test
    void theSkewMustBePositive() {
        assertThatThrownBy(() -> new RecordTimes(Duration.ZERO, meters)).isInstanceOf(IllegalArgumentException.class);
    }
}
