package cn.taihang.bridge.dispatch.domain;

import cn.taihang.bridge.dispatch.port.HubNotice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class RideMatcherTest {

    static final GeoPoint HSR = new GeoPoint(35.515, 112.905);
    final RideMatcher matcher = new RideMatcher(30, 1.3);

    @Test
    void theNearestFreeVehicleIsSent() {
        List<RideMatcher.Vehicle> fleet = List.of(
                new RideMatcher.Vehicle("v1", "晋E·A0001", new GeoPoint(35.516, 112.906), false),
                new RideMatcher.Vehicle("v2", "晋E·A0002", new GeoPoint(35.60, 112.95), true),
                new RideMatcher.Vehicle("v3", "晋E·A0003", new GeoPoint(35.53, 112.91), true));
        RideMatcher.Match m = matcher.nearestFree(HSR, fleet).orElseThrow();
        assertThat(m.vehicle().id()).isEqualTo("v3");
        assertThat(m.etaMinutes()).isBetween(3, 6);
        assertThat(m.roadKm()).isGreaterThan(HSR.distanceKm(m.vehicle().position()));
    }

    @Test
    void noFreeVehicleMeansNoMatchAndTiesGoToTheLowerId() {
        assertThat(matcher.nearestFree(HSR, List.of(new RideMatcher.Vehicle("v1", "p", HSR, false)))).isEmpty();
        List<RideMatcher.Vehicle> twins = List.of(new RideMatcher.Vehicle("v9", "p", HSR, true), new RideMatcher.Vehicle("v2", "p", HSR, true));
        assertThat(matcher.nearestFree(HSR, twins).orElseThrow().vehicle().id()).isEqualTo("v2");
        assertThat(matcher.nearestFree(HSR, twins).orElseThrow().etaMinutes()).isEqualTo(1);
        assertThatThrownBy(() -> new RideMatcher(0, 1.3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hubNoticesNameUpcomingExtrasInBothLanguages() {
        Place hub = new Place("jincheng-hsr-east", "晋城高铁东站", "Jincheng HSR East", "hub", HSR);
        Place wml = new Place("wangmangling", "王莽岭", "Wangmangling", "scenic", new GeoPoint(35.66, 113.58));
        TourLine line = DeparturePlannerTest.LINE;
        LocalDateTime now = LocalDate.of(2026, 10, 2).atTime(8, 0);
        NoticeComposer composer = new NoticeComposer(ZoneId.of("Asia/Shanghai"), 120, 4);
        List<Departure> extras = List.of(new Departure("t01", now.plusMinutes(40), true, 45, 40, "d"),
                new Departure("t01", now.plusMinutes(400), true, 45, 40, "d"));
        HubNotice n = composer.compose(hub, extras, Map.of("t01", line), Map.of("wangmangling", wml), now);
        assertThat(n.lines()).first().satisfies(l -> {
            assertThat(l.zh()).isEqualTo("加开 T01 往王莽岭 08:40");
            assertThat(l.en()).isEqualTo("Extra bus T01 to Wangmangling 08:40");
        });
        assertThat(n.lines()).hasSize(2);
        assertThat(n.priority()).isEqualTo(50);
        HubNotice quiet = composer.compose(hub, List.of(), Map.of("t01", line), Map.of(), now);
        assertThat(quiet.lines().get(0).en()).isEqualTo("Tourist lines run as scheduled");
        assertThat(quiet.messageId()).isNotEqualTo(n.messageId()).isEqualTo(composer.compose(hub, List.of(), Map.of("t01", line), Map.of(), now).messageId());
    }
}
