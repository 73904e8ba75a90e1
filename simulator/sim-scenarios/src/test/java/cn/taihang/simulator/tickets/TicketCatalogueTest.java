package cn.taihang.simulator.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import cn.taihang.simulator.scenario.Scenario;
import cn.taihang.simulator.scenario.ScenarioLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The bridge's ticket catalogue and the simulator's scenario describe the same network, so they cannot drift. */
@Tag("unit")
class TicketCatalogueTest {

    @Test
    void everyLineAndScenicAreaOfTheScenarioIsSoldWithItsCapacity() throws Exception {
        Scenario scenario = new ScenarioLoader().load("jincheng");
        List<JsonNode> products = new ArrayList<>();
        try (InputStream in = cn.taihang.bridge.tickets.TicketModule.class.getResourceAsStream("catalogue.json")) {
            new ObjectMapper().readTree(in).path("products").forEach(products::add);
        }
        Map<String, JsonNode> byRef = products.stream().filter(p -> !p.path("kind").asText().equals("lodging"))
                .collect(Collectors.toMap(p -> p.path("kind").asText() + ":" + p.path("ref").asText(), p -> p));
        assertThat(scenario.lines()).allSatisfy(line -> assertThat(byRef).containsKey("bus:" + line.id()));
        assertThat(scenario.scenicAreas()).allSatisfy(area -> assertThat(byRef.get("scenic:" + area.id()).path("dailyCapacity").asInt())
                .isEqualTo(area.dailyCapacity()));
        assertThat(products.stream().filter(p -> p.path("kind").asText().equals("lodging")))
                .allSatisfy(p -> assertThat(scenario.site(p.path("ref").asText()).isPresent()
                        || scenario.scenicAreas().stream().anyMatch(a -> a.id().equals(p.path("ref").asText()))).as(p.path("id").asText()).isTrue());
        assertThat(TicketGatewayPlan.plan(scenario, products)).extracting(TicketGatewayPlan::gatewayId)
                .contains("gw-jincheng-hsr-east", "gw-wangmangling", "gw-huangcheng-xiangfu");
    }
}
