package cn.taihang.simulator.tickets;

import cn.taihang.simulator.fleet.GatewayPlan;
import cn.taihang.simulator.scenario.Scenario;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A simulated gateway with ticket gates, drawn from the scenario and the bridge's catalogue: a boarding gate at
 * a hub for every bus line that starts there, an entrance where a scenic area is a site, a desk where a lodging
 * is. Boots with the same Configurator JSON a real gateway uses, on the simulated board.
 *
 * @param gatewayId gateway id
 * @param site the scenario site
 * @param gates its gates
 */
public record TicketGatewayPlan(String gatewayId, Scenario.Site site, List<GatePlan> gates) {

    /** Relay GPIOs of gates 1–4, free pins of the Raspberry Pi 4 profile. */
    private static final int[] RELAYS = {17, 22, 24, 5};

    /** Copies. */
    public TicketGatewayPlan {
        gates = List.copyOf(gates);
    }

    /** @return the gate of a kind, if the gateway has one */
    public java.util.Optional<GatePlan> gate(String kind) {
        return gates.stream().filter(g -> g.kind().equals(kind)).findFirst();
    }

    /**
     * Plans every site that gets a gate, those with most gates first.
     *
     * @param products the bridge's catalogue products
     */
    public static List<TicketGatewayPlan> plan(Scenario scenario, List<JsonNode> products) {
        Map<String, String> lineStart = scenario.lines().stream().collect(Collectors.toMap(Scenario.Line::id, l -> l.stops().get(0)));
        List<TicketGatewayPlan> plans = new ArrayList<>();
        for (Scenario.Site site : scenario.sites()) {
            List<GatePlan> gates = new ArrayList<>();
            List<Integer> boarding = products.stream().filter(p -> p.path("kind").asText().equals("bus"))
                    .filter(p -> site.id().equals(lineStart.get(p.path("ref").asText()))).map(p -> p.path("place").asInt()).sorted().toList();
            if (!boarding.isEmpty()) {
                gates.add(gate(site, gates.size(), "board", "BUS_BOARDING", boarding, "上车闸机 / boarding gate"));
            }
            products.stream().filter(p -> p.path("kind").asText().equals("scenic") && p.path("ref").asText().equals(site.id())).findFirst()
                    .ifPresent(p -> gates.add(gate(site, gates.size(), "entrance", "SCENIC_ENTRANCE", List.of(p.path("place").asInt()), "景区入口 / entrance")));
            products.stream().filter(p -> p.path("kind").asText().equals("lodging") && p.path("ref").asText().equals(site.id())).findFirst()
                    .ifPresent(p -> gates.add(gate(site, gates.size(), "lodging", "LODGING", List.of(p.path("place").asInt()), p.path("zh").asText()
                            + " 前台 / " + p.path("en").asText() + " desk")));
            if (!gates.isEmpty()) {
                plans.add(new TicketGatewayPlan("gw-" + site.id(), site, gates));
            }
        }
        plans.sort(Comparator.comparingInt((TicketGatewayPlan p) -> -p.gates().size()).thenComparing(TicketGatewayPlan::gatewayId));
        return plans;
    }

    private static GatePlan gate(Scenario.Site site, int index, String role, String kind, List<Integer> places, String what) {
        return new GatePlan(site.id() + "-" + role, kind, places, "scanner-" + (index + 1), RELAYS[index], site.zh() + " " + what + " " + site.en());
    }

    /**
     * Writes the gateway's configuration file.
     *
     * @param skewSeconds the gates' clock skew tolerance
     * @param passbackSeconds the gates' passback time
     */
    public void writeConfiguration(Path file, String brokerUrl, Path identityDir, int harnessPort, int skewSeconds, int passbackSeconds) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put(":configurator:resource-version", 1);
        root.putObject("cn.taihang.gateway").put("gatewayId", gatewayId).put("site", site.id()).put("siteName", site.bilingualName())
                .put("identityDir", identityDir.toAbsolutePath().toString());
        root.putObject("cn.taihang.cloudlink").put("brokerUrl", brokerUrl);
        root.putObject("cn.taihang.hardware.sim").put("harnessPort", harnessPort).put("nodeId", gatewayId);
        for (GatePlan g : gates) {
            ObjectNode gate = root.putObject("cn.taihang.validator.gate~" + g.device());
            gate.put("device", g.device()).put("description", g.description()).put("kind", g.kind()).put("scannerPort", g.port())
                    .put("relayPin", g.relayPin()).put("relayPulseMillis", 50).put("clockSkewSeconds", skewSeconds).put("passbackSeconds", passbackSeconds);
            g.places().forEach(gate.putArray("places")::add);
        }
        try {
            Files.createDirectories(file.getParent());
            mapper.writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
