package cn.taihang.wire;

/** SenML labels with their JSON names and CBOR integer labels (RFC 8428 Table 4). */
enum SenmlLabel {
    BASE_VERSION("bver", -1),
    BASE_NAME("bn", -2),
    BASE_TIME("bt", -3),
    BASE_UNIT("bu", -4),
    BASE_VALUE("bv", -5),
    BASE_SUM("bs", -6),
    NAME("n", 0),
    UNIT("u", 1),
    VALUE("v", 2),
    STRING_VALUE("vs", 3),
    BOOLEAN_VALUE("vb", 4),
    SUM("s", 5),
    TIME("t", 6),
    UPDATE_TIME("ut", 7),
    DATA_VALUE("vd", 8);

    final String json;
    final int cbor;

    SenmlLabel(String json, int cbor) {
        this.json = json;
        this.cbor = cbor;
    }

    static SenmlLabel ofJson(String key) {
        for (SenmlLabel label : values()) {
            if (label.json.equals(key)) {
                return label;
            }
        }
        return null;
    }

    static SenmlLabel ofCbor(String key) {
        if (key == null) {
            return null;
        }
        for (SenmlLabel label : values()) {
            if (Integer.toString(label.cbor).equals(key)) {
                return label;
            }
        }
        return ofJson(key);
    }
}
