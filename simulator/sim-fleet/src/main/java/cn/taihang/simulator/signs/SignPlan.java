package cn.taihang.simulator.signs;

import cn.taihang.sign.rendering.ColourScheme;
import cn.taihang.simulator.fleet.GatewayPlan;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A sign the simulated network has: every city and county hub a tri-colour 256×128 departure board (role hub: the
 * bridge composes departures, parking, road weather for it), every road post and the 0 km post a 192×64 amber
 * warning sign in large type (role road: fog, ice and wind alarms of the post's sensors put warnings on it). Each
 * panel sits on the gateway's simulated serial port {@value #PORT}.
 *
 * @param gatewayId its gateway
 * @param device sign id, {@code <site>-board} or {@code <site>-warning}
 * @param description bilingual place
 * @param role hub or road
 * @param width pixels
 * @param height pixels
 * @param scheme LED colours
 * @param large large type
 */
public record SignPlan(String gatewayId, String device, String description, String role, int width, int height, ColourScheme scheme,
                       boolean large) {

    /** The simulated serial port of every sign. */
    public static final String PORT = "sign-1";

    /** @return the signs of a gateway: none, or one */
    public static List<SignPlan> forGateway(GatewayPlan plan) {
        String kind = plan.site().kind();
        String site = plan.site().id();
        if (kind.equals("city-hub") || kind.equals("county-hub")) {
            return List.of(new SignPlan(plan.gatewayId(), site + "-board", plan.site().zh() + " 发车信息屏 / " + plan.site().en() + " departure board",
                    "hub", 256, 128, ColourScheme.TRICOLOUR, false));
        }
        if (kind.equals("road-post") || kind.equals("zero-km-post")) {
            return List.of(new SignPlan(plan.gatewayId(), site + "-warning", plan.site().zh() + " 路侧警示屏 / " + plan.site().en() + " roadside warning sign",
                    "road", 192, 64, ColourScheme.MONOCHROME_1BIT, true));
        }
        return List.of();
    }

    /** Adds the gateway's signs to its configuration file (factory configurations {@code cn.taihang.sign~…}). */
    public static void configure(GatewayPlan plan, Path configFile) {
        List<SignPlan> signs = forGateway(plan);
        if (signs.isEmpty()) {
            return;
        }
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        try {
            ObjectNode root = (ObjectNode) mapper.readTree(configFile.toFile());
            for (SignPlan s : signs) {
                ObjectNode config = root.putObject("cn.taihang.sign~" + s.role());
                config.put("device", s.device());
                config.put("description", s.description());
                config.put("role", s.role());
                config.put("width", s.width());
                config.put("height", s.height());
                config.put("colourScheme", s.scheme().name());
                config.put("largeType", s.large());
                config.put("transport", "SERIAL");
                config.put("serialPort", PORT);
                config.put("statusPollSeconds", 5);
            }
            mapper.writeValue(configFile.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add the signs to " + configFile, e);
        }
    }
}
