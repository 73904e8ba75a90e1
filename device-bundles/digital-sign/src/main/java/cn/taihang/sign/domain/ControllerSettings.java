package cn.taihang.sign.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * How a sign's message controller behaves (NTCIP 1203 {@code dmsEndDurationMessage},
 * {@code dmsTimeCommLoss} and {@code dmsCommunicationsLossMessage}, {@code dmsPowerRecoveryMessage},
 * {@code dmsResetMessage}), plus the local safety warnings and the day plan. The system messages run at
 * run-time priority 0, so any activation replaces them.
 *
 * @param endDurationMulti shown when a message's duration ends ({@code ""} = blank)
 * @param commsLossTimeout time without the central system after which its content is replaced; zero = never
 * @param commsLossMulti shown then
 * @param powerRecoveryMulti shown when the controller starts
 * @param resetMulti shown after a reset
 * @param safetyPriority run-time priority of safety warnings, 0–255
 * @param safetyFallbackMulti shown if the warnings together do not fit the panel
 * @param dayPlan scheduled activations
 */
public record ControllerSettings(String endDurationMulti, Duration commsLossTimeout, String commsLossMulti, String powerRecoveryMulti,
                                 String resetMulti, int safetyPriority, String safetyFallbackMulti, DayPlan dayPlan) {

    /** Validates. */
    public ControllerSettings {
        Objects.requireNonNull(endDurationMulti, "endDurationMulti");
        if (commsLossTimeout == null || commsLossTimeout.isNegative()) {
            throw new IllegalArgumentException("comms-loss timeout must be zero (off) or positive");
        }
        Objects.requireNonNull(commsLossMulti, "commsLossMulti");
        Objects.requireNonNull(powerRecoveryMulti, "powerRecoveryMulti");
        Objects.requireNonNull(resetMulti, "resetMulti");
        if (safetyPriority < 0 || safetyPriority > 255) {
            throw new IllegalArgumentException("safety priority must be 0-255, was " + safetyPriority);
        }
        Objects.requireNonNull(safetyFallbackMulti, "safetyFallbackMulti");
        Objects.requireNonNull(dayPlan, "dayPlan");
    }
}
