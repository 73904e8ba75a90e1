package cn.taihang.bridge.forecast;

/** How a calendar day behaves for travel demand in mainland China. */
public enum DayKind {
    /** Monday–Friday, not a holiday. */
    WORKDAY,
    /** Saturday or Sunday that is not worked. */
    WEEKEND,
    /** A day of a public holiday break (法定节假日 and the rest days joined to it by 调休). */
    HOLIDAY,
    /** A Saturday or Sunday worked to make up for a holiday break (调休上班). */
    MAKEUP_WORKDAY;

    /** @return whether people work that day (workdays and make-up workdays) */
    public boolean worked() {
        return this == WORKDAY || this == MAKEUP_WORKDAY;
    }
}
