package cn.taihang.roadsensors.domain;

import java.util.Objects;

/**
 * A threshold with hysteresis on one sensor kind: an alarm rises when a reading passes {@code raise} and
 * clears only when readings are back past {@code clear} (on the safe side of {@code raise}) for
 * {@code clearAfterReadings} readings in a row, so a value wavering around the threshold does not flap.
 *
 * @param alarmKind the alarm's kind, e.g. {@code fog}
 * @param kind the sensor kind it watches
 * @param direction whether high or low values are dangerous
 * @param raise raises when the value is above ({@link Direction#ABOVE}) or below ({@link Direction#BELOW}) it
 * @param clear clears when the value is at or below (ABOVE), at or above (BELOW) it
 * @param clearAfterReadings how many readings in a row must be past {@code clear}, at least 1
 */
public record AlarmRule(String alarmKind, SensorKind kind, Direction direction, double raise, double clear, int clearAfterReadings) {

    /** Which side of the threshold is dangerous. */
    public enum Direction { ABOVE, BELOW }

    /** Validates. @throws IllegalArgumentException if {@code clear} is not on the safe side of {@code raise} */
    public AlarmRule {
        Objects.requireNonNull(alarmKind, "alarmKind");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(direction, "direction");
        if (!Double.isFinite(raise) || !Double.isFinite(clear)) {
            throw new IllegalArgumentException(alarmKind + ": thresholds must be finite numbers");
        }
        if (direction == Direction.ABOVE ? clear >= raise : clear <= raise) {
            throw new IllegalArgumentException(alarmKind + ": the clear level (" + clear + ") must be " + (direction == Direction.ABOVE ? "below" : "above")
                    + " the raise level (" + raise + ") for hysteresis; fix the thresholds configuration");
        }
        if (clearAfterReadings < 1) {
            throw new IllegalArgumentException(alarmKind + ": clearAfterReadings must be at least 1");
        }
    }

    /** @return whether the value is on the dangerous side of {@code raise} */
    public boolean raises(double value) {
        return direction == Direction.ABOVE ? value > raise : value < raise;
    }

    /** @return whether the value is back on the safe side of {@code clear} */
    public boolean clears(double value) {
        return direction == Direction.ABOVE ? value <= clear : value >= clear;
    }
}
