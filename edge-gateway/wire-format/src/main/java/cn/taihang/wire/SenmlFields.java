package cn.taihang.wire;

/** The raw fields of one SenML record as read, before base-value resolution. */
final class SenmlFields {

    Long baseVersion;
    String baseName;
    Double baseTime;
    String baseUnit;
    Double baseValue;
    Double baseSum;
    String name;
    String unit;
    Double value;
    String stringValue;
    Boolean booleanValue;
    Double sum;
    Double time;

    void read(SenmlLabel label, CborReading in) throws WireFormatException {
        switch (label) {
            case BASE_VERSION -> baseVersion = in.readLong("bver");
            case BASE_NAME -> baseName = in.readString("bn");
            case BASE_TIME -> baseTime = in.readNumber("bt");
            case BASE_UNIT -> baseUnit = in.readString("bu");
            case BASE_VALUE -> baseValue = in.readNumber("bv");
            case BASE_SUM -> baseSum = in.readNumber("bs");
            case NAME -> name = in.readString("n");
            case UNIT -> unit = in.readString("u");
            case VALUE -> value = in.readNumber("v");
            case STRING_VALUE -> stringValue = in.readValueText("vs");
            case BOOLEAN_VALUE -> booleanValue = in.readBoolean("vb");
            case SUM -> sum = in.readNumber("s");
            case TIME -> time = in.readNumber("t");
            case UPDATE_TIME -> in.readNumber("ut");
            case DATA_VALUE -> {
                in.next();
                in.skipValue();
            }
            default -> throw new IllegalStateException("unhandled SenML label " + label);
        }
    }
}
