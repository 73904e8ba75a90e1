package cn.taihang.bridge.rental.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.taihang.bridge.rental.domain.HandoverRules.Effect;
import cn.taihang.bridge.rental.domain.HandoverRules.Report;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class HandoverRulesTest {

    @Test
    void aReturnBeforeItsPickupIsHeldNotRefused() {
        assertThat(HandoverRules.effect(Report.RETURN, "confirmed")).isEqualTo(Effect.HOLD_UNTIL_PICKUP);
        assertThat(HandoverRules.effect(Report.RETURN, "expired")).as("the pickup station was offline past the window").isEqualTo(Effect.HOLD_UNTIL_PICKUP);
        assertThat(HandoverRules.effect(Report.RETURN, "active")).isEqualTo(Effect.RETURN);
    }

    @Test
    void aLatePickupStartsTheRentalEvenAfterItsWindow() {
        assertThat(HandoverRules.effect(Report.PICKUP, "confirmed")).isEqualTo(Effect.PICK_UP);
        assertThat(HandoverRules.effect(Report.PICKUP, "expired")).isEqualTo(Effect.PICK_UP);
    }

    @Test
    void aHandoverReportedAgainIsARepeatAndACancelledReservationARefusal() {
        assertThat(HandoverRules.effect(Report.PICKUP, "active")).isEqualTo(Effect.REPEATED);
        assertThat(HandoverRules.effect(Report.PICKUP, "returned")).isEqualTo(Effect.REPEATED);
        assertThat(HandoverRules.effect(Report.RETURN, "returned")).isEqualTo(Effect.REPEATED);
        assertThat(HandoverRules.effect(Report.PICKUP, "cancelled")).isEqualTo(Effect.REFUSE);
        assertThat(HandoverRules.effect(Report.RETURN, "cancelled")).isEqualTo(Effect.REFUSE);
        assertThatThrownBy(() -> HandoverRules.effect(Report.RETURN, "lost")).hasMessageContaining("unknown reservation state 'lost'");
    }
}
