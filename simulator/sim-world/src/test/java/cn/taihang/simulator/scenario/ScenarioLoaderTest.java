package cn.taihang.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ScenarioLoaderTest {

    private final Scenario jincheng = new ScenarioLoader().load("jincheng");

    @Test
    void holdsTheSeedsHubsRoadSectionsAndLines() {
        Map<String, Long> kinds = jincheng.sites().stream().collect(Collectors.groupingBy(Scenario.Site::kind, Collectors.counting()));
        assertThat(kinds).containsEntry("city-hub", 7L).containsEntry("county-hub", 5L).containsEntry("service-area", 9L)
                .containsEntry("road-post", 12L).containsEntry("zero-km-post", 1L);
        assertThat(jincheng.roadSections()).hasSize(6);
        assertThat(jincheng.roadSections().stream().mapToDouble(Scenario.RoadSection::km).sum()).isEqualTo(237.0);
        assertThat(jincheng.lines().stream().collect(Collectors.groupingBy(Scenario.Line::kind, Collectors.counting())))
                .containsEntry("tourist-through", 27L).containsEntry("tourist-new", 4L).containsEntry("premium", 7L);
        assertThat(jincheng.rentalCities()).extracting(Scenario.City::zh).containsExactly("晋城", "太原", "郑州", "长治", "运城", "临汾");
        assertThat(jincheng.site("jincheng-hsr-east")).get().extracting(Scenario.Site::zh).isEqualTo("晋城高铁东站");
    }

    @Test
    void everySiteIdFitsTheTopicNamespaceAndEveryLaneHasAKnownRoad() {
        Map<String, Scenario.Site> byId = jincheng.sites().stream().collect(Collectors.toMap(Scenario.Site::id, Function.identity()));
        assertThat(byId).hasSize(jincheng.sites().size());
        for (Scenario.Site site : jincheng.sites()) {
            assertThat(("gw-" + site.id()).matches("[a-z0-9][a-z0-9-]{0,63}")).as(site.id()).isTrue();
            assertThat(site.lanes()).isNotEmpty().allSatisfy(l -> assertThat(l.road()).isIn("hub", "service-area", "tourist-road"));
        }
    }

    @Test
    void anUnknownScenarioSaysWhichExist() {
        assertThatThrownBy(() -> new ScenarioLoader().load("shanghai")).hasMessageContaining("known: jincheng");
    }
}
