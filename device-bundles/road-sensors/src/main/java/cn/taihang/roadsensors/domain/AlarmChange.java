package cn.taihang.roadsensors.domain;

/**
 * A change of a threshold alarm caused by a reading.
 *
 * @param type raised or cleared
 * @param rule the rule
 * @param reading the reading that caused it
 */
public record AlarmChange(Type type, AlarmRule rule, Reading reading) {

    /** What changed. */
    public enum Type { RAISED, CLEARED }

    /** @return the alarm id: {@code <kind>@<sensor>}, with {@code /<instance>} for instances other than 0 */
    public String alarmId() {
        return rule.alarmKind() + "@" + reading.sensorId() + (reading.instance() == 0 ? "" : "/" + reading.instance());
    }
}
