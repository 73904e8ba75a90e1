package cn.taihang.hardware.spi;

import static org.assertj.core.api.Assertions.assertThat;

import cn.taihang.hardware.api.BoardProfile;
import cn.taihang.hardware.api.EdgeEvent;
import cn.taihang.hardware.api.PinStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class HeldPinTest {

    private HeldPin pin() throws Exception {
        return new PinTable(BoardProfile.load("raspberry-pi-4")).claim(17, PinStatus.Direction.INPUT, "loop", false);
    }

    @Test
    void aRepeatedLevelIsNoEdge() throws Exception {
        HeldPin pin = pin();

        assertThat(pin.change(false, 10)).isNull();
        assertThat(pin.change(true, 20)).isEqualTo(new EdgeEvent(17, true, 20));
        assertThat(pin.change(true, 30)).isNull();
        assertThat(pin.status().edges()).isEqualTo(1);
        assertThat(pin.status().lastChangeMicros()).isEqualTo(20);
    }

    @Test
    void settlingTheLevelFoundAtOpenIsNoEdge() throws Exception {
        HeldPin pin = pin();

        pin.settle(true);
        assertThat(pin.isHigh()).isTrue();
        assertThat(pin.status().edges()).isZero();
        assertThat(pin.change(false, 5)).isEqualTo(new EdgeEvent(17, false, 5));
        pin.settle(true);
        assertThat(pin.isHigh()).as("after an edge the level is the hardware's, not a guess").isFalse();
    }

    @Test
    void timestampsNeverGoBackwards() throws Exception {
        HeldPin pin = pin();
        pin.change(true, 1_000);

        EdgeEvent late = pin.change(false, 900);

        assertThat(late.timestampMicros()).isEqualTo(1_000);
        assertThat(pin.raisedTimestamps()).isEqualTo(1);
        assertThat(pin.change(true, 1_500).timestampMicros()).isEqualTo(1_500);
        assertThat(pin.toString()).contains("GPIO 17", "loop", "high");
    }
}
