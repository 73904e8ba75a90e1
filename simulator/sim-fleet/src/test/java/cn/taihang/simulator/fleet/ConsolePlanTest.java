package cn.taihang.simulator.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class ConsolePlanTest {

    @TempDir
    Path dir;

    @Test
    void eachGatewayGetsItsOwnConsolePortAndTheRunsAdminHash() throws Exception {
        Path a = Files.writeString(dir.resolve("a.json"), "{\"cn.taihang.gateway\": {\"gatewayId\": \"gw-a\", \"site\": \"a\"}}");
        Path b = Files.writeString(dir.resolve("b.json"), "{\"cn.taihang.gateway\": {\"gatewayId\": \"gw-b\", \"site\": \"b\"}}");
        ConsolePlan plan = ConsolePlan.create();
        Map<String, String> propertiesA = plan.configure(a);
        Map<String, String> propertiesB = plan.configure(b);

        JsonNode console = new ObjectMapper().readTree(a.toFile()).path("cn.taihang.console");
        int port = console.path("httpsPort").asInt();
        assertThat(propertiesA).containsExactly(Map.entry("taihang.console.url", "https://127.0.0.1:" + port + "/"));
        assertThat(propertiesB.get("taihang.console.url")).isNotEqualTo(propertiesA.get("taihang.console.url"));
        assertThat(console.path("bindAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(OpenBSDBCrypt.checkPassword(console.path(".initialAdminPasswordHash").asText(), plan.password().toCharArray())).isTrue();
        assertThat(plan.password()).hasSize(14);
        assertThat(new ObjectMapper().readTree(a.toFile()).path("cn.taihang.gateway").path("gatewayId").asText()).isEqualTo("gw-a");
    }
}
