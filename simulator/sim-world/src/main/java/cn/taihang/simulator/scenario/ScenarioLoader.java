package cn.taihang.simulator.scenario;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;

/** Reads scenarios bundled with the simulator. */
public final class ScenarioLoader {

    private final ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /**
     * @param id scenario id, e.g. {@code jincheng}
     * @throws IllegalArgumentException if there is no such scenario or it is malformed
     */
    public Scenario load(String id) {
        String resource = "/scenarios/" + id + ".json";
        try (InputStream in = ScenarioLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no scenario '" + id + "' (known: jincheng)");
            }
            return mapper.readValue(in, Scenario.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("scenario " + resource + " is malformed: " + e.getMessage(), e);
        }
    }
}
