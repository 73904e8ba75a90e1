package cn.taihang.validator.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.taihang.wire.ticket.RentalPass.Action;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class LockerStockTest {

    private final LockerStock stock = new LockerStock(List.of(
            SlotContent.keyOf("car-003", "", 300),
            SlotContent.empty(0),
            SlotContent.keyOf("", "R00000000AA", 100),
            SlotContent.keyOf("car-007", "", 200),
            SlotContent.empty(0)));

    @Test
    void aPickupOpensTheNamedCarsSlotElseTheLongestWaitingKnownCar() {
        assertThat(stock.choose(Action.PICKUP, "car-003", Set.of())).hasValue(1);
        assertThat(stock.choose(Action.PICKUP, null, Set.of())).as("car-007 waited longest of the known cars").hasValue(4);
        assertThat(stock.choose(Action.PICKUP, "car-999", Set.of())).as("not here: another key").hasValue(4);
        assertThat(stock.choose(Action.PICKUP, "car-003", Set.of(1))).as("its slot is busy").hasValue(4);
        assertThat(stock.choose(Action.PICKUP, null, Set.of(1, 4))).as("only the key of an unknown car is left").hasValue(3);
        assertThat(stock.choose(Action.PICKUP, null, Set.of(1, 3, 4))).isEmpty();
    }

    @Test
    void aReturnOpensTheLowestEmptySlot() {
        assertThat(stock.choose(Action.RETURN, "car-003", Set.of())).hasValue(2);
        assertThat(stock.choose(Action.RETURN, null, Set.of(2))).hasValue(5);
        stock.set(2, SlotContent.keyOf("car-011", "R00000000BB", 400));
        stock.set(5, SlotContent.keyOf(null, "R00000000CC", 500));
        assertThat(stock.choose(Action.RETURN, null, Set.of())).isEmpty();
        assertThat(stock.keys()).isEqualTo(5);
    }

    @Test
    void slotRecordsRoundTripAndBadOnesAreRefused() {
        for (SlotContent c : List.of(SlotContent.empty(5), SlotContent.keyOf("car-001", "RABCDEF0123", 9), SlotContent.stocked("?", 1),
                SlotContent.stocked(" - ", 1), SlotContent.stocked("car-020", 1))) {
            assertThat(SlotContent.decode(c.encode())).isEqualTo(c);
        }
        assertThat(SlotContent.stocked("?", 1).describe()).isEqualTo("key of an unknown car");
        for (String bad : List.of("", "KEY|car", "OPEN|||1", "KEY|a|b|x", "EMPTY|car-001||1")) {
            assertThatThrownBy(() -> SlotContent.decode(bad.getBytes(StandardCharsets.UTF_8))).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> SlotContent.keyOf("car|1", "", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LockerStock(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
