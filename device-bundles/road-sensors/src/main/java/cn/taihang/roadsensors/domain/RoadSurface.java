package cn.taihang.roadsensors.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * Road surface states, coded 0-6 from the safest to the most slippery, so that a threshold with hysteresis
 * works on the code: the default ice alarm rises above 3 (snow, frost, ice) and clears at 2 or below.
 */
public enum RoadSurface {
    DRY("干燥", "dry"), MOIST("潮湿", "moist"), WET("湿滑", "wet"), SLUSH("雪水", "slush"), SNOW("积雪", "snow"), FROST("霜冻", "frost"),
    ICE("结冰", "ice");

    private final String zh;
    private final String en;

    RoadSurface(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    /** @return the state of a code, if it is one */
    public static Optional<RoadSurface> ofCode(double code) {
        if (code != Math.rint(code) || code < 0 || code >= values().length) {
            return Optional.empty();
        }
        return Optional.of(values()[(int) code]);
    }

    /** @return the state named (English, any case), if it is one */
    public static Optional<RoadSurface> ofName(String name) {
        for (RoadSurface state : values()) {
            if (state.en.equals(name.toLowerCase(Locale.ROOT).trim())) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }

    /** @return the code */
    public int code() {
        return ordinal();
    }

    /** @return Chinese name */
    public String zh() {
        return zh;
    }

    /** @return English name */
    public String en() {
        return en;
    }
}
