package cn.taihang.simulator.signs;

import cn.taihang.simulator.scenario.Scenario;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Writes the bridge's {@code signs/network.json} from the scenario: every site and scenic area as a place, the bus
 * lines, and a car park at each scenic area that is also a site with inbound and outbound lanes (its counters give the
 * occupancy). Car-park sizes are the simulator's assumption: a tenth of the area's daily visitors, at least 200.
 */
public final class SignNetworkFile {

    /** Relative to the bridge's data directory (as {@code SignsModule.NETWORK_FILE}). */
    public static final String FILE = "signs/network.json";

    private SignNetworkFile() {
    }

    /**
     * @param bridgeDataDir the bridge's data directory
     * @param composeSeconds how often the bridge composes hub boards
     * @return the file written
     */
    public static Path write(Scenario scenario, Path bridgeDataDir, int composeSeconds) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("zone", "Asia/Shanghai");
        root.put("composeSeconds", composeSeconds);
        ArrayNode places = root.putArray("places");
        Set<String> ids = new LinkedHashSet<>();
        for (Scenario.Site s : scenario.sites()) {
            if (ids.add(s.id())) {
                places.addObject().put("id", s.id()).put("zh", s.zh()).put("en", s.en());
            }
        }
        for (Scenario.ScenicArea a : scenario.scenicAreas()) {
            if (ids.add(a.id())) {
                places.addObject().put("id", a.id()).put("zh", a.zh()).put("en", a.en());
            }
        }
        ArrayNode lines = root.putArray("lines");
        for (Scenario.Line l : scenario.lines()) {
            ObjectNode line = lines.addObject().put("id", l.id()).put("kind", l.kind());
            l.stops().forEach(line.putArray("stops")::add);
        }
        ArrayNode parking = root.putArray("parking");
        for (Scenario.ScenicArea a : scenario.scenicAreas()) {
            scenario.site(a.id()).ifPresent(site -> {
                ArrayNode in = mapper.createArrayNode();
                ArrayNode out = mapper.createArrayNode();
                site.lanes().forEach(lane -> {
                    if (lane.en().equals("inbound")) {
                        in.add(site.id() + "-" + lane.id());
                    } else if (lane.en().equals("outbound")) {
                        out.add(site.id() + "-" + lane.id());
                    }
                });
                if (!in.isEmpty() && !out.isEmpty()) {
                    ObjectNode p = parking.addObject().put("area", a.id()).put("spaces", Math.max(200, a.dailyCapacity() / 10));
                    p.set("in", in);
                    p.set("out", out);
                }
            });
        }
        Path file = bridgeDataDir.resolve(FILE);
        try {
            Files.createDirectories(file.getParent());
            mapper.writeValue(file.toFile(), root);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
