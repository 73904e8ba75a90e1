package cn.taihang.distribution;

import cn.taihang.bridge.RunningBridge;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;

/** The enrolment step the tests' gateways need: the bridge's command trust anchor pinned in the gateway's identity dir. */
final class Enrolment {

    private Enrolment() {
    }

    /**
     * Names an identity directory beside the configuration file (in {@code cn.taihang.gateway/identityDir}) and pins the
     * bridge's command trust anchor there, as enrolment does on a real gateway.
     *
     * @return the configuration file
     */
    static Path pinCommandAnchor(RunningBridge bridge, Path config) throws IOException {
        Path identity = config.toAbsolutePath().resolveSibling("identity");
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(config.toFile());
        ((ObjectNode) root.path("cn.taihang.gateway")).put("identityDir", identity.toString());
        json.writerWithDefaultPrettyPrinter().writeValue(config.toFile(), root);
        bridge.commandAnchor().write(identity);
        return config;
    }
}
