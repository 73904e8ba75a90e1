package cn.taihang.remoteconfig.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.taihang.release.AttributeSchema;
import cn.taihang.release.ConfigSchema;
import cn.taihang.release.PidSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ConfigHashTest {

    private final ConfigSchema schema = new ConfigSchema(Map.of("cn.taihang.console", new PidSchema("cn.taihang.console", false, List.of(
            new AttributeSchema("port", "Integer", 0, true, null, null, List.of(), List.of()),
            new AttributeSchema("adminPassword", "Password", 0, false, null, null, List.of(), List.of())))));

    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void theSameValuesHashTheSameInAnyOrderAndWhatAdminAddsDoesNotCount() {
        String a = ConfigHash.of(Map.of("cn.taihang.console", ordered("port", 8443, "hosts", new String[] {"a", "b"}),
                "cn.taihang.store", ordered("quotaBytes", 1L)), schema);
        Map<String, Map<String, Object>> reordered = new LinkedHashMap<>();
        reordered.put("cn.taihang.store", ordered("service.pid", "cn.taihang.store", "quotaBytes", 1L));
        reordered.put("cn.taihang.console", ordered("hosts", new String[] {"a", "b"}, "port", 8443, "felix.fileinstall.filename", "x"));
        String b = ConfigHash.of(reordered, schema);
        assertThat(a).hasSize(64).isEqualTo(b);
    }

    @Test
    void anyValueTypeOrShapeChangesTheHash() {
        String base = ConfigHash.of(Map.of("p", Map.of("v", 5)), schema);
        assertThat(ConfigHash.of(Map.of("p", Map.of("v", 6)), schema)).isNotEqualTo(base);
        assertThat(ConfigHash.of(Map.of("p", Map.of("v", 5L)), schema)).as("an Integer is not a Long").isNotEqualTo(base);
        assertThat(ConfigHash.of(Map.of("p", Map.of("v", new Integer[] {5})), schema)).isNotEqualTo(base);
        assertThat(ConfigHash.of(Map.of("p", Map.of("v", List.of(5))), schema)).isNotEqualTo(ConfigHash.of(Map.of("p", Map.of("v", new Integer[] {5})), schema));
        assertThat(ConfigHash.of(Map.of("q", Map.of("v", 5)), schema)).isNotEqualTo(base);
    }

    @Test
    void secretsCountOnlyAsPresent() {
        String one = ConfigHash.of(Map.of("cn.taihang.console", Map.of("port", 1, "adminPassword", "hunter2", ".token", "t1")), schema);
        String other = ConfigHash.of(Map.of("cn.taihang.console", Map.of("port", 1, "adminPassword", "letmein", ".token", "t2")), schema);
        String none = ConfigHash.of(Map.of("cn.taihang.console", Map.of("port", 1)), schema);
        assertThat(one).isEqualTo(other).isNotEqualTo(none);
    }
}
