package cn.taihang.simulator.faults;

import cn.taihang.simulator.fleet.GatewayPlan;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The configuration file of a load gateway: identity and uplink only (no lanes, no board), in the same OSGi
 * Configurator format a Raspberry Pi uses; every other setting keeps its MetaType default. Its identity directory is beside
 * the file (not enrolled for commands: a load gateway takes none).
 */
final class LoadGatewayConfig {

    private LoadGatewayConfig() {
    }

    /**
     * @param file where to write it
     * @param gatewayId the gateway id
     * @param site its site id
     * @param siteName its bilingual site name
     * @param brokerUrl the broker ({@code ssl://})
     * @param identityDir the gateway's identity (enrolled with the run's city CA)
     * @param extra more properties per PID (e.g. the cloud link's), may be empty
     */
    static void write(Path file, String gatewayId, String site, String siteName, String brokerUrl, Path identityDir,
                      Map<String, Map<String, Object>> extra)
            throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put(":configurator:resource-version", 1);
        ObjectNode identity = root.putObject("cn.taihang.gateway");
        identity.put("gatewayId", gatewayId);
        identity.put("site", site);
        identity.put("siteName", siteName);
        identity.put("identityDir", identityDir.toAbsolutePath().toString());
        root.putObject("cn.taihang.cloudlink").put("brokerUrl", brokerUrl);
        extra.forEach((pid, properties) -> {
            ObjectNode node = root.has(pid) ? (ObjectNode) root.get(pid) : root.putObject(pid);
            properties.forEach((k, v) -> node.set(k, mapper.valueToTree(v)));
        });
        Files.createDirectories(file.getParent());
        mapper.writeValue(file.toFile(), root);
    }
}
