package cn.taihang.bridge.rental.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class OneWayTariffTest {

    static final Set<String> CITIES = Set.of("jincheng", "taiyuan", "zhengzhou");
    static final Map<String, Long> FEES = Map.of("jincheng|taiyuan", 30000L, "jincheng|zhengzhou", 20000L, "taiyuan|zhengzhou", 45000L);
    static final Station HSR = new Station("jincheng-hsr-east", "晋城高铁东站", "Jincheng HSR East", "jincheng", 35.515, 112.905, "jincheng-hsr-east", 4001);
    static final Station BUS = new Station("jincheng-east-bus", "晋城客运东站", "Jincheng East Bus Station", "jincheng", 35.497, 112.884, null, 4002);
    static final Station TY = new Station("taiyuan-south", "太原南站", "Taiyuan South", "taiyuan", 37.79, 112.60, null, 4004);

    @Test
    void feesAreByUnorderedCityPairAndFreeWithinACity() {
        OneWayTariff t = new OneWayTariff(25000, CITIES, FEES);
        assertThat(t.oneWayFeeFen("taiyuan", "jincheng")).isEqualTo(30000);
        assertThat(t.oneWayFeeFen("jincheng", "taiyuan")).isEqualTo(30000);
        assertThat(t.oneWayFeeFen("jincheng", "jincheng")).isZero();
        assertThatThrownBy(() -> t.oneWayFeeFen("jincheng", "beijing")).hasMessageContaining("beijing");
    }

    @Test
    void aQuoteChargesEveryStartedDayPlusTheOneWayFee() {
        OneWayTariff t = new OneWayTariff(25000, CITIES, FEES);
        Instant from = Instant.parse("2026-10-01T09:00:00Z");
        OneWayTariff.Quote q = t.quote(HSR, TY, from, from.plusSeconds(49 * 3600));
        assertThat(q.days()).isEqualTo(3);
        assertThat(q.totalFen()).isEqualTo(3 * 25000 + 30000);
        assertThat(t.quote(HSR, BUS, from, from.plusSeconds(3600)).totalFen()).isEqualTo(25000);
    }

    @Test
    void incompleteOrContradictoryTablesAreRefused() {
        assertThatThrownBy(() -> new OneWayTariff(25000, CITIES, Map.of("jincheng|taiyuan", 1L))).hasMessageContaining("no one-way fee");
        assertThatThrownBy(() -> new OneWayTariff(25000, CITIES, Map.of("jincheng|jincheng", 1L))).hasMessageContaining("two different");
        assertThatThrownBy(() -> new OneWayTariff(25000, CITIES, Map.of("jincheng|taiyuan", 1L, "taiyuan|jincheng", 2L, "jincheng|zhengzhou", 1L,
                "taiyuan|zhengzhou", 1L))).hasMessageContaining("twice");
        assertThatThrownBy(() -> new OneWayTariff(0, CITIES, FEES)).hasMessageContaining("daily rate");
        assertThatThrownBy(() -> new OneWayTariff(25000, CITIES, Map.of("jincheng|taiyuan", -1L, "jincheng|zhengzhou", 1L, "taiyuan|zhengzhou", 1L)))
                .hasMessageContaining("negative");
    }

    @Test
    void carStatesRoundTrip() {
        for (CarState s : CarState.values()) {
            assertThat(CarState.of(s.id())).isEqualTo(s);
        }
        assertThatThrownBy(() -> CarState.of("stolen")).hasMessageContaining("available, reserved");
        assertThat(HSR.distanceKm(TY)).isBetween(240.0, 270.0);
    }
}
