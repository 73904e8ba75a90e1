package cn.taihang.bridge.releases.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class RolloutRulesTest {

    static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    RolloutSpec spec(List<MaintenanceWindow> windows) {
        return new RolloutSpec("2026.12.1", Targets.everyGateway(), List.of("gw-05"), 1, 3, 50, 0.9, 0.1, windows, Duration.ofMinutes(10), 3);
    }

    List<RolloutEntry> plan(RolloutSpec spec, int gateways) {
        List<String> ids = IntStream.range(0, gateways).mapToObj(i -> String.format("gw-%02d", i)).toList();
        List<List<String>> waves = spec.waves(ids);
        List<RolloutEntry> entries = new ArrayList<>();
        for (int w = 0; w < waves.size(); w++) {
            for (String id : waves.get(w)) {
                entries.add(RolloutEntry.pending(id, id.equals("gw-00") ? "hub-1" : "post-" + id, w));
            }
        }
        return entries;
    }

    static List<RolloutEntry> merge(List<RolloutEntry> entries, List<RolloutEntry> changed) {
        return entries.stream().map(e -> changed.stream().filter(c -> c.gateway().equals(e.gateway())).reduce((a, b) -> b).orElse(e)).toList();
    }

    static List<RolloutEntry> report(List<RolloutEntry> entries, String gateway, String step, String reason, int maxAttempts, Instant at) {
        return entries.stream().map(e -> e.gateway().equals(gateway) ? new StepReport(gateway, 1, e.attempt(), step, reason, step, 1000, at).applyTo(e, maxAttempts) : e)
                .toList();
    }

    @Test
    void wavesStartWithTheCanaryAndGrow() {
        List<List<String>> waves = spec(List.of()).waves(IntStream.range(0, 34).mapToObj(i -> String.format("gw-%02d", i)).toList());
        assertThat(waves).extracting(List::size).containsExactly(1, 3, 9, 21);
        assertThat(waves.get(0)).containsExactly("gw-05");
        assertThat(waves.stream().flatMap(List::stream).distinct()).hasSize(34);
    }

    @Test
    void theCanaryGoesFirstAndTheNextWaveOpensOnceItCommitted() {
        RolloutSpec spec = spec(List.of());
        RolloutRules rules = new RolloutRules(spec);
        List<RolloutEntry> entries = plan(spec, 13);
        RolloutDecision first = rules.decide(RolloutStatus.RUNNING, entries, Map.of(), T0);
        assertThat(first.install()).extracting(RolloutEntry::gateway).containsExactly("gw-05");
        assertThat(first.install().get(0).attempt()).isEqualTo(1);
        assertThat(first.install().get(0).deadline()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
        entries = merge(entries, first.changed());
        assertThat(rules.decide(RolloutStatus.RUNNING, entries, Map.of(), T0.plusSeconds(1)).install()).as("nothing more until the canary commits").isEmpty();
        entries = report(entries, "gw-05", "trying", "", 3, T0.plusSeconds(20));
        entries = report(entries, "gw-05", "committed", "", 3, T0.plusSeconds(30));
        RolloutDecision second = rules.decide(RolloutStatus.RUNNING, entries, Map.of(), T0.plusSeconds(31));
        assertThat(second.install()).hasSize(3);
        assertThat(second.wave()).isEqualTo(1);
    }

    @Test
    void aFailedCanaryHaltsBeforeAnyOtherGatewayGetsTheRelease() {
        RolloutSpec spec = spec(List.of());
        RolloutRules rules = new RolloutRules(spec);
        List<RolloutEntry> entries = merge(plan(spec, 13), rules.decide(RolloutStatus.RUNNING, plan(spec, 13), Map.of(), T0).changed());
        entries = report(entries, "gw-05", "rolled-back", "unhealthy", 3, T0.plusSeconds(40));
        RolloutDecision d = rules.decide(RolloutStatus.RUNNING, entries, Map.of(), T0.plusSeconds(41));
        assertThat(d.status()).isEqualTo(RolloutStatus.HALTED);
        assertThat(d.reason()).contains("canary", "gw-05", "rolled-back");
        assertThat(d.install()).isEmpty();
    }

    @Test
    void anInterruptedTrialIsTriedAgainAndOnlyTheLastAttemptsFailureCounts() {
        RolloutSpec spec = spec(List.of());
        RolloutRules rules = new RolloutRules(spec);
        List<RolloutEntry> entries = merge(plan(spec, 4), rules.decide(RolloutStatus.RUNNING, plan(spec, 4), Map.of(), T0).changed());
        entries = report(entries, "gw-00", "rolled-back", "interrupted", 3, T0.plusSeconds(10));
        assertThat(entries.get(0).state()).isEqualTo(GatewayState.PENDING);
        RolloutDecision again = rules.decide(RolloutStatus.RUNNING, entries, Map.of(), T0.plusSeconds(11));
        assertThat(again.status()).isEqualTo(RolloutStatus.RUNNING);
        assertThat(again.install()).singleElement().satisfies(e -> assertThat(e.attempt()).isEqualTo(2));
        List<RolloutEntry> stale = report(merge(entries, again.changed()), "gw-00", "committed", "", 3, T0.plusSeconds(12));
        assertThat(new StepReport("gw-00", 1, 1, "committed", "", "", 0, T0).applyTo(merge(entries, again.changed()).get(0), 3).state())
                .as("a report of an older attempt changes nothing").isEqualTo(GatewayState.SENT);
        assertThat(stale.get(0).state()).isEqualTo(GatewayState.COMMITTED);
    }

    @Test
    void aStuckGatewayTimesOutAndCountsAsAFailureWithoutHoldingTheRollout() {
        RolloutSpec spec = new RolloutSpec("r", Targets.everyGateway(), List.of(), 1, 10, 50, 0.5, 0.5, List.of(), Duration.ofMinutes(10), 3);
        RolloutRules rules = new RolloutRules(spec);
        List<RolloutEntry> entries = plan(spec, 11);
        entries = merge(entries, rules.decide(RolloutStatus.RUNNING, entries, Map.of(), T0).changed());
        entries = report(entries, entries.get(0).gateway(), "committed", "", 3, T0.plusSeconds(5));
        RolloutDecision wave1 = rules.decide(RolloutStatus.RUNNING, entries, Map.of(), T0.plusSeconds(6));
        entries = merge(entries, wave1.changed());
        for (RolloutEntry e : wave1.install().subList(1, 10)) {
            entries = report(entries, e.gateway(), "committed", "", 3, T0.plusSeconds(60));
        }
        RolloutDecision late = rules.decide(RolloutStatus.RUNNING, entries, Map.of(), T0.plus(Duration.ofMinutes(11)));
        assertThat(late.cancel()).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo(GatewayState.TIMED_OUT);
            assertThat(e.message()).contains("no commit within 600 s");
        });
        assertThat(late.status()).isEqualTo(RolloutStatus.COMPLETED);
        assertThat(late.reason()).isEqualTo("10 of 11 gateways committed");
    }

    @Test
    void aHubIsNotStartedWhileItsWindowIsClosedAndIsWhenItOpens() {
        MaintenanceWindow goldenWeek = new MaintenanceWindow("hub", LocalTime.of(7, 0), LocalTime.of(20, 0), LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 10, 7), SHANGHAI);
        RolloutSpec spec = new RolloutSpec("r", Targets.everyGateway(), List.of("gw-00"), 1, 3, 50, 0.9, 0.1, List.of(goldenWeek),
                Duration.ofMinutes(10), 3);
        RolloutRules rules = new RolloutRules(spec);
        Instant tenAm = LocalDate.of(2026, 10, 3).atTime(10, 0).atZone(SHANGHAI).toInstant();
        assertThat(rules.decide(RolloutStatus.RUNNING, plan(spec, 3), Map.of("hub-1", "hub"), tenAm).install()).isEmpty();
        Instant ninePm = LocalDate.of(2026, 10, 3).atTime(21, 0).atZone(SHANGHAI).toInstant();
        assertThat(rules.decide(RolloutStatus.RUNNING, plan(spec, 3), Map.of("hub-1", "hub"), ninePm).install()).extracting(RolloutEntry::gateway)
                .containsExactly("gw-00");
        Instant afterGoldenWeek = LocalDate.of(2026, 10, 8).atTime(10, 0).atZone(SHANGHAI).toInstant();
        assertThat(rules.decide(RolloutStatus.RUNNING, plan(spec, 3), Map.of("hub-1", "hub"), afterGoldenWeek).install()).hasSize(1);
    }

    @Test
    void windowsOverMidnightBelongToTheDayTheyBegin() {
        MaintenanceWindow night = new MaintenanceWindow("scenic", LocalTime.of(22, 0), LocalTime.of(6, 0), LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 1), SHANGHAI);
        assertThat(night.closed("scenic", LocalDate.of(2026, 10, 2).atTime(3, 0).atZone(SHANGHAI).toInstant())).isTrue();
        assertThat(night.closed("scenic", LocalDate.of(2026, 10, 2).atTime(23, 0).atZone(SHANGHAI).toInstant())).isFalse();
        assertThat(night.closed("hub", LocalDate.of(2026, 10, 2).atTime(3, 0).atZone(SHANGHAI).toInstant())).isFalse();
        assertThatThrownBy(() -> new MaintenanceWindow("hub", LocalTime.NOON, LocalTime.NOON, null, null, SHANGHAI)).hasMessageContaining("equal");
    }

    @Test
    void aPausedOrHaltedRolloutStartsNobodyButStillTimesOutTheStuck() {
        RolloutSpec spec = spec(List.of());
        RolloutRules rules = new RolloutRules(spec);
        List<RolloutEntry> entries = merge(plan(spec, 4), rules.decide(RolloutStatus.RUNNING, plan(spec, 4), Map.of(), T0).changed());
        RolloutDecision paused = rules.decide(RolloutStatus.PAUSED, entries, Map.of(), T0.plus(Duration.ofMinutes(11)));
        assertThat(paused.install()).isEmpty();
        assertThat(paused.cancel()).hasSize(1);
        assertThat(paused.status()).isEqualTo(RolloutStatus.PAUSED);
        assertThat(RolloutRules.cancelled(entries, T0)).hasSize(4).allSatisfy(e -> assertThat(e.state()).isEqualTo(GatewayState.CANCELLED));
    }

    @Test
    void badSpecificationsAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new RolloutSpec("r", Targets.everyGateway(), List.of(), 0, 2, 50, 0.9, 0.1, List.of(), Duration.ofMinutes(10), 3))
                .hasMessageContaining("waves.canary");
        assertThatThrownBy(() -> new RolloutSpec("r", Targets.everyGateway(), List.of(), 1, 2, 50, 0.9, 1.5, List.of(), Duration.ofMinutes(10), 3))
                .hasMessageContaining("thresholds.error");
        assertThatThrownBy(() -> new RolloutSpec("r", Targets.everyGateway(), List.of(), 1, 2, 50, 0.9, 0.1, List.of(), Duration.ofSeconds(5), 3))
                .hasMessageContaining("gatewayDeadlineSeconds");
        assertThatThrownBy(() -> new Targets(false, java.util.Set.of(), java.util.Set.of())).hasMessageContaining("targets");
    }
}
