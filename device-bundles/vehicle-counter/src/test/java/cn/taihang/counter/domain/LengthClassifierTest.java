package cn.taihang.counter.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("unit")
class LengthClassifierTest {

    private final LengthClassifier defaults = LengthClassifier.defaults();

    @ParameterizedTest(name = "{0} m is {1}")
    @CsvSource({
        "0.5, MOTORCYCLE", "2.2, MOTORCYCLE", "2.4999, MOTORCYCLE",
        "2.5, SHORT", "4.7, SHORT", "5.5999, SHORT",
        "5.6, MEDIUM", "7.0, MEDIUM", "8.9999, MEDIUM",
        "9.0, LONG", "12.0, LONG", "12.9999, LONG",
        "13.0, VERY_LONG", "17.1, VERY_LONG", "25.0, VERY_LONG"})
    void defaultBoundariesPutALengthOnABoundaryInTheLongerClass(double length, LengthClass expected) {
        assertThat(defaults.classify(length)).isEqualTo(expected);
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        assertThat(defaults.boundariesMeters()).containsExactly(2.5, 5.6, 9.0, 13.0);
        assertThat(defaults).isEqualTo(LengthClassifier.of(2.5, 5.6, 9, 13));
        assertThat(defaults.lowerBoundMeters(LengthClass.MOTORCYCLE)).isZero();
        assertThat(defaults.lowerBoundMeters(LengthClass.VERY_LONG)).isEqualTo(13.0);
    }

    @Test
    void customBoundariesAreUsed() {
        LengthClassifier classifier = LengthClassifier.of(2, 6, 12, 18);
        assertThat(classifier.classify(5.9)).isEqualTo(LengthClass.SHORT);
        assertThat(classifier.classify(12.5)).isEqualTo(LengthClass.LONG);
        assertThat(classifier.classify(18)).isEqualTo(LengthClass.VERY_LONG);
    }

    @Test
    void theBoundariesAreCopied() {
        double[] values = {2.5, 5.6, 9, 13};
        LengthClassifier classifier = LengthClassifier.of(values);
        values[0] = 100;
        classifier.boundariesMeters()[1] = 100;
        assertThat(classifier.classify(3)).isEqualTo(LengthClass.SHORT);
    }

    @Test
    void boundariesNotAscendingAreRefusedWithAnExample() {
        assertThatThrownBy(() -> LengthClassifier.of(2.5, 9, 5.6, 13))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("classBoundariesMeters must be at least " + LengthClassifier.MIN_BOUNDARY_METERS + " and strictly ascending: give the upper bounds of "
                        + "motorcycle, short, medium and long in metres, e.g. 2.5,5.6,9,13; was 2.5,9,5.6,13");
        assertThatThrownBy(() -> LengthClassifier.of(2.5, 5.6, 5.6, 13)).hasMessageContaining("strictly ascending");
        assertThatThrownBy(() -> LengthClassifier.of(0, 5.6, 9, 13)).hasMessageContaining("at least " + LengthClassifier.MIN_BOUNDARY_METERS);
        assertThatThrownBy(() -> LengthClassifier.of(-1, 5.6, 9, 13)).hasMessageContaining("was -1,5.6,9,13");
        assertThatThrownBy(() -> LengthClassifier.of(2.5, Double.NaN, 9, 13)).hasMessageContaining("was 2.5,NaN,9,13");
        assertThatThrownBy(() -> LengthClassifier.of(2.5, 5.6, 9, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theWrongNumberOfBoundariesIsRefused() {
        assertThatThrownBy(() -> LengthClassifier.of(2.5, 5.6, 9)).hasMessageStartingWith(
                "classBoundariesMeters needs exactly 4 values").hasMessageEndingWith("was 2.5,5.6,9");
        assertThatThrownBy(() -> LengthClassifier.of(1, 2, 3, 4, 5)).hasMessageContaining("needs exactly 4 values");
        assertThatThrownBy(() -> LengthClassifier.of()).hasMessageEndingWith("was ");
        assertThatThrownBy(() -> LengthClassifier.of((double[]) null)).hasMessageEndingWith("was nothing");
    }

    @Test
    void aLengthThatIsNoNumberCannotBeClassified() {
        assertThatThrownBy(() -> defaults.classify(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
