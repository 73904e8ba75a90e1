package cn.taihang.simulator.mobility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class LineOperationsTest {

    @Test
    void passengersBoardInOrderAndThoseLeftBehindAreDeniedOnce() {
        LineOperations.Outcome o = LineOperations.run(List.of(0.0, 1.0, 2.0, 3.0, 4.0), List.of(10.0, 20.0, 30.0), 2, 0, 90);
        assertThat(o.passengers()).isEqualTo(5);
        assertThat(o.boarded()).isEqualTo(5);
        assertThat(o.waitMinutes()).isEqualTo(10 + 9 + 18 + 17 + 26);
        assertThat(o.denied()).as("3 left at 10:00, 1 still left at 20:00 was already counted").isEqualTo(3);
        assertThat(o.gaveUp()).isZero();
        assertThat(o.meanWait()).isEqualTo(16.0);
    }

    @Test
    void anExtraDepartureBetweenTwoPlannedOnesShortensWaitsAndDenials() {
        List<Double> arrivals = List.of(0.0, 5.0, 10.0, 15.0, 20.0, 25.0);
        LineOperations.Outcome planned = LineOperations.run(arrivals, List.of(30.0, 90.0), 3, 0, 90);
        LineOperations.Outcome withExtra = LineOperations.run(arrivals, List.of(15.0, 30.0, 90.0), 3, 0, 90);
        assertThat(withExtra.meanWait()).isLessThan(planned.meanWait());
        assertThat(withExtra.denied()).isLessThan(planned.denied());
        assertThat(withExtra.boarded()).isEqualTo(6);
    }

    @Test
    void impatientAndStrandedPassengersGiveUp() {
        LineOperations.Outcome o = LineOperations.run(List.of(0.0, 50.0, 120.0, 200.0), List.of(100.0, 130.0), 5, 0, 90);
        assertThat(o.gaveUp()).as("the first waited 100 min for the 100-minute departure").isEqualTo(1);
        assertThat(o.boarded()).isEqualTo(2);
        assertThat(o.passengers()).as("the 200-minute passenger came after the last departure").isEqualTo(3);
        LineOperations.Outcome full = LineOperations.run(List.of(0.0, 1.0, 2.0), List.of(10.0), 1, 0, 90);
        assertThat(full.gaveUp()).isEqualTo(2);
        assertThat(LineOperations.run(List.of(0.0), List.of(), 5, 0, 90)).isEqualTo(LineOperations.Outcome.NONE);
        assertThat(LineOperations.run(List.of(0.0, 50.0), List.of(60.0), 5, 30, 90).passengers()).as("before service start").isEqualTo(1);
    }
}
