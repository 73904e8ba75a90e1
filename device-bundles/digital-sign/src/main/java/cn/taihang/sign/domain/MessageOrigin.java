package cn.taihang.sign.domain;

/** Why a message is on the sign (NTCIP 1203 distinguishes the same events). */
public enum MessageOrigin {
    /** Activated by the central system (the cloud bridge). Replaced by the comms-loss message when the link is lost. */
    CENTRAL,
    /** Activated on site (maintenance console, test). */
    LOCAL,
    /** Activated by the day plan. */
    SCHEDULE,
    /** The local safety warning of active alarms (fog, ice, wind). */
    SAFETY,
    /** The end-duration message, after a message's duration ran out. */
    END_DURATION,
    /** The communications-loss message. */
    COMMS_LOSS,
    /** The power-recovery message, when the controller starts. */
    POWER_RECOVERY,
    /** The reset message, after a controller reset. */
    RESET
}
