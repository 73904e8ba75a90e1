package cn.taihang.wire;

import java.util.regex.Pattern;

/** Applies base values to the records of one pack, in order (RFC 8428 §4.6). */
final class SenmlResolver {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_./:-]*");

    private String baseName = "";
    private double baseTime;
    private String baseUnit;
    private double baseValue;
    private double baseSum;

    SenmlRecord resolve(SenmlFields f) throws WireFormatException {
        if (f.baseVersion != null && (f.baseVersion < 5 || f.baseVersion > 10)) {
            throw new WireFormatException(WireFormatException.Reason.UNSUPPORTED_VERSION, "SenML version " + f.baseVersion + " is not supported");
        }
        if (f.baseName != null) {
            baseName = f.baseName;
        }
        if (f.baseTime != null) {
            baseTime = f.baseTime;
        }
        if (f.baseUnit != null) {
            baseUnit = f.baseUnit;
        }
        if (f.baseValue != null) {
            baseValue = f.baseValue;
        }
        if (f.baseSum != null) {
            baseSum = f.baseSum;
        }
        String name = baseName + (f.name == null ? "" : f.name);
        if (!NAME.matcher(name).matches()) {
            throw CborReading.structure("SenML name '" + name + "' is empty or has characters outside [A-Za-z0-9_./:-]");
        }
        int values = (f.value != null ? 1 : 0) + (f.stringValue != null ? 1 : 0) + (f.booleanValue != null ? 1 : 0);
        if (values > 1 || (values == 0 && f.sum == null && f.baseValue == null)) {
            throw CborReading.structure("SenML record '" + name + "' needs exactly one value");
        }
        Double value = f.value != null ? Double.valueOf(f.value + baseValue)
                : (values == 0 && f.sum == null ? Double.valueOf(baseValue) : null);
        Double sum = f.sum != null ? Double.valueOf(f.sum + baseSum) : null;
        double time = baseTime + (f.time == null ? 0 : f.time);
        if (!Double.isFinite(time) || (value != null && !Double.isFinite(value))) {
            throw CborReading.structure("SenML record '" + name + "' has a non-finite value or time");
        }
        String unit = f.unit != null ? f.unit : (value != null || sum != null ? baseUnit : null);
        return new SenmlRecord(name, unit, value, f.stringValue, f.booleanValue, sum, time);
    }
}
