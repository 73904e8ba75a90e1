package cn.taihang.simulator.province;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.taihang.wire.Topics;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ProvinceRosterTest {

    @Test
    void fifteenHundredGatewaysAreDealtEvenlyOverTheElevenCities() {
        List<ProvinceRoster.GatewaySpec> roster = ProvinceRoster.plan(1500);

        assertThat(roster).hasSize(1500);
        Map<ShanxiCity, Long> perCity = roster.stream().collect(Collectors.groupingBy(ProvinceRoster.GatewaySpec::city, Collectors.counting()));
        assertThat(perCity).containsOnlyKeys(ShanxiCity.values());
        assertThat(perCity.values()).allSatisfy(n -> assertThat(n).isBetween(136L, 137L));
        assertThat(roster).extracting(ProvinceRoster.GatewaySpec::gatewayId).doesNotHaveDuplicates();
    }

    @Test
    void idsAreValidInTheTopicNamespaceAndSitesHoldAtMostEightGateways() {
        List<ProvinceRoster.GatewaySpec> roster = ProvinceRoster.plan(300);

        assertThat(roster).allSatisfy(g -> {
            assertThat(Topics.isValidId(g.gatewayId())).as(g.gatewayId()).isTrue();
            assertThat(Topics.isValidSite(g.site())).as(g.site()).isTrue();
            assertThat(g.gatewayId()).startsWith(g.city().id() + "-");
        });
        Map<String, Long> perSite = roster.stream().collect(Collectors.groupingBy(ProvinceRoster.GatewaySpec::site, Collectors.counting()));
        assertThat(perSite.values()).allSatisfy(n -> assertThat(n).isBetween(1L, (long) ProvinceRoster.GATEWAYS_PER_SITE));
    }

    @Test
    void siteNamesAreBilingual() {
        ProvinceRoster.GatewaySpec lvliang = ProvinceRoster.plan(11).get(10);

        assertThat(lvliang.city()).isEqualTo(ShanxiCity.LVLIANG);
        assertThat(lvliang.gatewayId()).isEqualTo("lvliang-0001");
        assertThat(lvliang.site()).isEqualTo("lvliang-s01");
        assertThat(lvliang.siteName()).isEqualTo("Lüliang 吕梁 · site 站点 1");
    }

    @Test
    void noGatewaysIsRefusedClearly() {
        assertThatThrownBy(() -> ProvinceRoster.plan(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 gateway");
    }
}
