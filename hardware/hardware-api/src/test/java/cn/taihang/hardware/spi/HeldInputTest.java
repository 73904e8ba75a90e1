package cn.taihang.hardware.spi;

import static org.assertj.core.api.Assertions.assertThat;

import cn.taihang.hardware.api.BoardProfile;
import cn.taihang.hardware.api.EdgeEvent;
import cn.taihang.hardware.api.PinStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class HeldInputTest {

    private final List<EdgeEvent> edges = new ArrayList<>();
    private final List<RuntimeException> reported = new ArrayList<>();
    private final AtomicInteger releases = new AtomicInteger();

    private HeldInput open(boolean failing) throws Exception {
        HeldPin held = new PinTable(BoardProfile.load("raspberry-pi-4")).claim(17, PinStatus.Direction.INPUT, "loop A", false);
        return new HeldInput(held, edge -> {
            edges.add(edge);
            if (failing) {
                throw new IllegalStateException("bug " + edges.size());
            }
        }, reported::add, releases::incrementAndGet);
    }

    @Test
    void deliversChangesOnly() throws Exception {
        HeldInput input = open(false);

        assertThat(input.deliver(true, 10)).isTrue();
        assertThat(input.deliver(true, 20)).as("a repeated level").isFalse();
        assertThat(input.deliver(false, 30)).isTrue();

        assertThat(edges).containsExactly(new EdgeEvent(17, true, 10), new EdgeEvent(17, false, 30));
        assertThat(input.isHigh()).isFalse();
        assertThat(input.pin()).isEqualTo(17);
    }

    @Test
    void aThrowingListenerIsReportedOnceAndStillFed() throws Exception {
        HeldInput input = open(true);

        input.deliver(true, 10);
        input.deliver(false, 20);
        input.deliver(true, 30);

        assertThat(edges).hasSize(3);
        assertThat(reported).extracting(Throwable::getMessage).containsExactly("bug 1");
        assertThat(input.listenerFailures()).isEqualTo(3);
    }

    @Test
    void closingStopsDeliveryAndReleasesOnce() throws Exception {
        HeldInput input = open(false);
        input.close();
        input.close();

        input.deliver(true, 10);
        assertThat(edges).isEmpty();
        assertThat(releases.get()).isEqualTo(1);
    }
}
