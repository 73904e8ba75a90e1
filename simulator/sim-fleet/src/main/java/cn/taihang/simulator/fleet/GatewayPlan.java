package cn.taihang.simulator.fleet;

import cn.taihang.simulator.scenario.Scenario;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One simulated gateway: its site, its lanes and the configuration file it boots with (the same
 * OSGi Configurator JSON a real installation uses, with the simulated board instead of Pi4J).
 *
 * @param gatewayId gateway id, {@code gw-<site id>}
 * @param site the scenario site
 * @param lanes its counted lanes
 */
public record GatewayPlan(String gatewayId, Scenario.Site site, List<LanePlan> lanes) {

    /** GPIO pairs (loop A, loop B) for lanes 1–4, all free pins of the Raspberry Pi 4 profile. */
    private static final int[][] LANE_PINS = {{17, 27}, {22, 23}, {24, 25}, {5, 6}};
    private static final double SPACING = 4.0;
    private static final double LOOP_LENGTH = 2.0;
    /** Covers the slowest simulated vehicle (18 m at 15 km/h leaves loop B 5.8 s after reaching loop A). */
    private static final int GRACE_SECONDS = 8;

    /**
     * @param intervalSeconds the lanes' counting interval, 1 s or more
     * @return the grace for a vehicle still on the loops at an interval's end: {@link #GRACE_SECONDS}, or under half the
     *     interval for short intervals (a lane refuses a grace as long as its interval)
     */
    public static int graceSeconds(int intervalSeconds) {
        return Math.min(GRACE_SECONDS, (intervalSeconds - 1) / 2);
    }

    /** Copies the lanes. */
    public GatewayPlan {
        lanes = List.copyOf(lanes);
    }

    /** @return the plan for a site of the scenario */
    public static GatewayPlan forSite(Scenario.Site site) {
        if (site.lanes().size() > LANE_PINS.length) {
            throw new IllegalArgumentException("site " + site.id() + " has more than " + LANE_PINS.length + " lanes");
        }
        List<LanePlan> lanes = new ArrayList<>();
        for (int i = 0; i < site.lanes().size(); i++) {
            Scenario.Lane lane = site.lanes().get(i);
            String device = site.id() + "-" + lane.id();
            String description = site.zh() + " " + lane.zh() + " / " + site.en() + " " + lane.en();
            lanes.add(new LanePlan(lane, device, description, LANE_PINS[i][0], lane.dual() ? LANE_PINS[i][1] : -1, SPACING, LOOP_LENGTH));
        }
        return new GatewayPlan("gw-" + site.id(), site, lanes);
    }

    /**
     * Writes this gateway's configuration file.
     *
     * @param file where to write it
     * @param brokerUrl the bridge's MQTT broker ({@code ssl://})
     * @param identityDir the gateway's identity (enrolled with the run's city CA), its certificate on the uplink
     * @param harnessPort the simulator's virtual-wiring port
     * @param intervalSeconds the counters' aggregation interval
     */
    public void writeConfiguration(Path file, String brokerUrl, Path identityDir, int harnessPort, int intervalSeconds) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put(":configurator:resource-version", 1);
        ObjectNode identity = root.putObject("cn.taihang.gateway");
        identity.put("gatewayId", gatewayId);
        identity.put("site", site.id());
        identity.put("siteName", site.bilingualName());
        identity.put("identityDir", identityDir.toAbsolutePath().toString());
        root.putObject("cn.taihang.cloudlink").put("brokerUrl", brokerUrl);
        // a simulated gateway shares the host's clock, which the host keeps right (no systemd-timesyncd flag file to read)
        root.putObject("cn.taihang.clock").put("source", "always");
        ObjectNode board = root.putObject("cn.taihang.hardware.sim");
        board.put("harnessPort", harnessPort);
        board.put("nodeId", gatewayId);
        for (LanePlan lane : lanes) {
            ObjectNode config = root.putObject("cn.taihang.counter.lane~" + lane.lane().id());
            config.put("device", lane.device());
            config.put("description", lane.description());
            config.put("loopAPin", lane.loopAPin());
            config.put("loopBPin", lane.loopBPin());
            config.put("loopSpacingMeters", lane.spacingMeters());
            config.put("loopLengthMeters", lane.loopLengthMeters());
            config.put("intervalSeconds", intervalSeconds);
            config.put("graceSeconds", graceSeconds(intervalSeconds));
        }
        try {
            Files.createDirectories(file.getParent());
            mapper.writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** @return a JSON array of the lane devices, for reports */
    ArrayNode devicesJson(ObjectMapper mapper) {
        ArrayNode devices = mapper.createArrayNode();
        lanes.forEach(l -> devices.add(l.device()));
        return devices;
    }
}
