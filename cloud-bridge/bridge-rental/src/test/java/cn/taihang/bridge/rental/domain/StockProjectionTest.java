package cn.taihang.bridge.rental.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.taihang.bridge.rental.domain.StockProjection.Change;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class StockProjectionTest {

    static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");

    static Instant h(int hours) {
        return T0.plusSeconds(hours * 3600L);
    }

    @Test
    void aLaterPickupCannotTakeACarAlreadyPromisedToAnEarlierOne() {
        StockProjection one = new StockProjection(1, List.of(new Change(h(10), -1)));
        assertThat(one.availableFrom(h(2))).isZero();
        assertThat(one.availableFrom(h(12))).isZero();
        StockProjection withReturn = new StockProjection(1, List.of(new Change(h(10), -1), new Change(h(20), +1)));
        assertThat(withReturn.availableFrom(h(2))).isZero();
        assertThat(withReturn.availableFrom(h(20))).as("a return due at the very instant does not count yet").isZero();
        assertThat(withReturn.availableFrom(h(21))).isEqualTo(1);
    }

    @Test
    void aReturnDueLaterDoesNotCoverAnEarlierPickup() {
        StockProjection p = new StockProjection(0, List.of(new Change(h(30), +1)));
        assertThat(p.availableFrom(h(5))).isZero();
        assertThat(p.availableFrom(h(30))).isZero();
        assertThat(p.availableFrom(h(31))).isEqualTo(1);
    }

    @Test
    void aPickupAndAReturnAtTheSameInstantCountThePickupFirst() {
        StockProjection p = new StockProjection(0, List.of(new Change(h(8), +1), new Change(h(8), -1)));
        assertThat(p.consistent()).isFalse();
        assertThat(new StockProjection(1, List.of(new Change(h(8), +1), new Change(h(8), -1))).consistent()).isTrue();
        assertThatThrownBy(() -> new StockProjection(-1, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    /** Accepting only what availableFrom allows never leaves a pickup without a car, whatever the request order. */
    @Test
    void acceptedBookingsAlwaysStayConsistent() {
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            int lot = random.nextInt(4);
            List<Change> accepted = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                Instant pickup = h(random.nextInt(96));
                boolean returnsHere = random.nextBoolean();
                if (new StockProjection(lot, accepted).availableFrom(pickup) >= 1) {
                    accepted.add(new Change(pickup, -1));
                    if (returnsHere) {
                        accepted.add(new Change(pickup.plusSeconds(3600L * (1 + random.nextInt(48))), +1));
                    }
                }
                assertThat(new StockProjection(lot, accepted).consistent()).as("round %d step %d", round, i).isTrue();
            }
        }
    }
}
