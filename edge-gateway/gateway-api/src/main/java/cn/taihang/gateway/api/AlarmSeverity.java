package cn.taihang.gateway.api;

/** How urgent an alarm is. */
public enum AlarmSeverity {
    /** Something to look at (a sensor went silent, the store is filling up). */
    WARNING,
    /** Danger on the road or loss of function (fog, ice, store full): act now. */
    CRITICAL
}
