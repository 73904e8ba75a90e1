package cn.taihang.counter.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class EdgeDebouncerTest {

    private static final long DEBOUNCE = 20_000;
    private static final long T = 1_700_000_040_000_000L;

    private final EdgeDebouncer debouncer = new EdgeDebouncer(Loop.A, DEBOUNCE);
    private final List<LoopEdge> confirmed = new ArrayList<>();

    private void raw(boolean occupied, long offsetMicros) {
        debouncer.onRaw(occupied, T + offsetMicros).ifPresent(confirmed::add);
    }

    private void advance(long offsetMicros) {
        debouncer.advanceTo(T + offsetMicros).ifPresent(confirmed::add);
    }

    @Test
    void cleanEdgesAreConfirmedByTheNextEdgeWithTheirOriginalTimestamps() {
        raw(true, 0);
        assertThat(confirmed).isEmpty();
        raw(false, 300_000);
        assertThat(confirmed).containsExactly(new LoopEdge(Loop.A, true, T));
        raw(true, 900_000);
        assertThat(confirmed).containsExactly(new LoopEdge(Loop.A, true, T), new LoopEdge(Loop.A, false, T + 300_000));
    }

    @Test
    void aPendingEdgeIsConfirmedOnceTimePassesItsWindow() {
        raw(true, 0);
        advance(DEBOUNCE - 1);
        assertThat(confirmed).isEmpty();
        advance(DEBOUNCE);
        assertThat(confirmed).containsExactly(new LoopEdge(Loop.A, true, T));
        assertThat(debouncer.occupied()).isTrue();
        assertThat(debouncer.pendingSinceMicros()).isEqualTo(EdgeDebouncer.NONE);
    }

    @Test
    void aLevelLastingExactlyTheDebounceTimeCounts() {
        raw(true, 0);
        raw(false, DEBOUNCE);
        assertThat(confirmed).containsExactly(new LoopEdge(Loop.A, true, T));
    }

    @Test
    void aShortSpikeWhileFreeIsDroppedWithItsPartner() {
        raw(true, 0);
        raw(false, DEBOUNCE - 1);
        advance(10 * DEBOUNCE);
        assertThat(confirmed).isEmpty();
        assertThat(debouncer.occupied()).isFalse();
        assertThat(debouncer.glitches()).isEqualTo(1);
    }

    @Test
    void aShortDropOutWhileOccupiedDoesNotSplitTheOccupancy() {
        raw(true, 0);
        raw(false, 100_000);
        raw(true, 105_000);
        raw(false, 400_000);
        advance(1_000_000);
        assertThat(confirmed).containsExactly(new LoopEdge(Loop.A, true, T), new LoopEdge(Loop.A, false, T + 400_000));
        assertThat(debouncer.glitches()).isEqualTo(1);
    }

    @Test
    void chatterOnTheLeadingEdgeSettlesOnTheLastBounce() {
        raw(true, 0);
        raw(false, 3_000);
        raw(true, 6_000);
        raw(false, 9_000);
        raw(true, 12_000);
        advance(500_000);
        assertThat(confirmed).containsExactly(new LoopEdge(Loop.A, true, T + 12_000));
        assertThat(debouncer.glitches()).isEqualTo(2);
    }

    @Test
    void aRepeatedLevelIsIgnoredAndKeepsTheFirstTimestamp() {
        raw(true, 0);
        raw(true, 5_000);
        raw(true, 50_000);
        raw(false, 300_000);
        assertThat(confirmed).containsExactly(new LoopEdge(Loop.A, true, T));
    }

    @Test
    void aRepeatedConfirmedLevelStartsNothing() {
        raw(true, 0);
        advance(DEBOUNCE);
        raw(true, 100_000);
        advance(1_000_000);
        assertThat(confirmed).containsExactly(new LoopEdge(Loop.A, true, T));
        assertThat(debouncer.pendingSinceMicros()).isEqualTo(EdgeDebouncer.NONE);
    }

    @Test
    void zeroDebounceConfirmsEveryChangeAtOnce() {
        EdgeDebouncer immediate = new EdgeDebouncer(Loop.B, 0);
        assertThat(immediate.onRaw(true, T)).contains(new LoopEdge(Loop.B, true, T));
        assertThat(immediate.onRaw(false, T + 1)).contains(new LoopEdge(Loop.B, false, T + 1));
        assertThat(immediate.onRaw(false, T + 2)).isEmpty();
    }

    @Test
    void aTimestampGoingBackIsTreatedAsTheLastOne() {
        raw(true, 100_000);
        raw(false, 50_000);
        advance(200_000);
        assertThat(confirmed).isEmpty();
        assertThat(debouncer.glitches()).isEqualTo(1);
    }

    @Test
    void anAssumedLevelHoldsUntilTheFirstEdgeButNotAfterIt() {
        assertThat(debouncer.assumeLevel(true, T)).isTrue();
        assertThat(debouncer.occupied()).isTrue();
        raw(false, 100_000);
        advance(200_000);
        assertThat(confirmed).containsExactly(new LoopEdge(Loop.A, false, T + 100_000));
        assertThat(debouncer.assumeLevel(true, T + 300_000)).isFalse();
        assertThat(debouncer.occupied()).isFalse();
    }
}
