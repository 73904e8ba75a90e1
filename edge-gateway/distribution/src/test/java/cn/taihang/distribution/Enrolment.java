package cn.taihang.distribution;

import cn.taihang.bridge.RunningBridge;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The enrolment step the tests' gateways need beside their certificate: the bridge's command trust anchor pinned in the
 * gateway's identity dir.
 */
final class Enrolment {

    private Enrolment() {
    }

    /**
     * Pins the bridge's command trust anchor in the identity directory the configuration names
     * ({@code cn.taihang.gateway/identityDir}, e.g. one of {@code TestPki.gateway}), as enrolment does on a real gateway.
     *
     * @return the configuration file
     * @throws IllegalArgumentException if the configuration names no identity directory
     */
    static Path pinCommandAnchor(RunningBridge bridge, Path config) throws IOException {
        JsonNode dir = new ObjectMapper().readTree(config.toFile()).path("cn.taihang.gateway").path("identityDir");
        if (!dir.isTextual() || dir.asText().isBlank()) {
            throw new IllegalArgumentException(config + " names no cn.taihang.gateway/identityDir to pin the command anchor in");
        }
        bridge.commandAnchor().write(Path.of(dir.asText()));
        return config;
    }
}
