package cn.taihang.simulator.province;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class OutboxTest {

    private static final long TIMEOUT = TimeUnit.SECONDS.toNanos(10);
    private final Outbox outbox = new Outbox();

    private void make(int n) {
        for (int i = 0; i < n; i++) {
            outbox.add(1000 + i, "lane-1", new byte[] {1});
        }
    }

    private static List<Long> seqs(List<Outbox.Entry> entries) {
        return entries.stream().map(Outbox.Entry::seq).toList();
    }

    @Test
    void recordsAreNumberedInOrderAndSentOnceWhileInFlight() {
        make(5);

        assertThat(seqs(outbox.take(3, 0))).containsExactly(0L, 1L, 2L);
        assertThat(seqs(outbox.take(10, 0))).containsExactly(3L, 4L);
        assertThat(outbox.take(10, 0)).isEmpty();
        assertThat(outbox.inFlight()).isEqualTo(5);
    }

    @Test
    void anAcknowledgementIsTheGroundTruthAndGivesEachRecordTimeOnce() {
        make(4);
        outbox.take(4, 0);
        List<Long> times = new ArrayList<>();

        assertThat(outbox.acknowledge(new long[] {0, 2}, times::add)).isEqualTo(2);
        assertThat(outbox.acknowledge(new long[] {2, 3}, times::add)).isEqualTo(1);

        assertThat(times).containsExactly(1000L, 1002L, 1003L);
        assertThat(outbox.duplicateAcks()).isEqualTo(1);
        assertThat(outbox.acknowledged().stream().boxed().toList()).containsExactly(0, 2, 3);
        assertThat(outbox.unacknowledged()).isEqualTo(1);
    }

    @Test
    void onlyAnOverdueAcknowledgementSendsTheUnacknowledgedAgain() {
        make(3);
        outbox.take(3, 0);
        outbox.acknowledge(new long[] {1}, t -> { });

        assertThat(outbox.resendOverdue(TIMEOUT, TIMEOUT)).isZero();
        assertThat(outbox.resendOverdue(TIMEOUT + 1, TIMEOUT)).isEqualTo(2);
        assertThat(seqs(outbox.take(10, TIMEOUT + 1))).containsExactly(0L, 2L);
    }

    @Test
    void aLostConnectionSendsEverythingUnacknowledgedAgainInOrder() {
        make(4);
        outbox.take(2, 0);

        assertThat(outbox.requeueAll()).isEqualTo(2);

        assertThat(outbox.inFlight()).isZero();
        assertThat(seqs(outbox.take(10, 1))).containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void aRecordAcknowledgedWhileQueuedAgainIsNotSentAgain() {
        make(2);
        outbox.take(2, 0);
        outbox.requeueAll();
        outbox.acknowledge(new long[] {0}, t -> { });

        assertThat(seqs(outbox.take(10, 1))).containsExactly(1L);
        assertThat(outbox.made()).isEqualTo(2);
    }
}
