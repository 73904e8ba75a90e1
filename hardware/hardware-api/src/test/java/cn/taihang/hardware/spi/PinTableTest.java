package cn.taihang.hardware.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.taihang.hardware.api.BoardProfile;
import cn.taihang.hardware.api.EdgeEvent;
import cn.taihang.hardware.api.HardwareException;
import cn.taihang.hardware.api.PinStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class PinTableTest {

    private final PinTable table = new PinTable(BoardProfile.load("raspberry-pi-4"));

    @Test
    void oneOwnerPerPinAndTheRefusalNamesIt() throws Exception {
        HeldPin held = table.claim(17, PinStatus.Direction.INPUT, "counter lane-1 loop A", false);

        assertThatThrownBy(() -> table.claim(17, PinStatus.Direction.OUTPUT, "gate-1 relay", false))
                .isInstanceOfSatisfying(HardwareException.class,
                        e -> assertThat(e.reason()).isEqualTo(HardwareException.Reason.PIN_IN_USE))
                .hasMessageContaining("counter lane-1 loop A").hasMessageContaining("gate-1 relay");
        assertThat(table.holder(17)).containsSame(held);
    }

    @Test
    void releaseIsIdempotentAndOnlyReleasesItsOwnClaim() throws Exception {
        HeldPin first = table.claim(17, PinStatus.Direction.INPUT, "a", false);
        assertThat(table.release(first)).isTrue();
        HeldPin second = table.claim(17, PinStatus.Direction.OUTPUT, "b", true);

        assertThat(table.release(first)).as("a stale claim cannot release the new owner").isFalse();
        assertThat(table.holder(17)).containsSame(second);
    }

    @Test
    void boardProfileDecidesWhichPinsExist() {
        assertThatThrownBy(() -> table.claim(2, PinStatus.Direction.INPUT, "x", false))
                .isInstanceOfSatisfying(HardwareException.class,
                        e -> assertThat(e.reason()).isEqualTo(HardwareException.Reason.RESERVED_PIN));
        assertThatThrownBy(() -> table.claim(40, PinStatus.Direction.INPUT, "x", false))
                .isInstanceOfSatisfying(HardwareException.class,
                        e -> assertThat(e.reason()).isEqualTo(HardwareException.Reason.NO_SUCH_PIN));
        assertThat(table.held()).isEmpty();
    }

    @Test
    void statusesAreOrderedByPin() throws Exception {
        table.claim(27, PinStatus.Direction.OUTPUT, "gate", true);
        HeldPin input = table.claim(4, PinStatus.Direction.INPUT, "loop", false);
        EdgeEvent edge = input.change(true, 1_000);

        assertThat(table.statuses()).containsExactly(
                new PinStatus(4, PinStatus.Direction.INPUT, "loop", true, 1_000, 1),
                new PinStatus(27, PinStatus.Direction.OUTPUT, "gate", true, 0, 0));
        assertThat(edge).isEqualTo(new EdgeEvent(4, true, 1_000));
    }
}
