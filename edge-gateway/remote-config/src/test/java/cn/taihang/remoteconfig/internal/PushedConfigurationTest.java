package cn.taihang.remoteconfig.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.taihang.release.AttributeSchema;
import cn.taihang.release.ConfigSchema;
import cn.taihang.release.PidSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class PushedConfigurationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConfigSchema schema = new ConfigSchema(Map.of(
            "cn.taihang.cloudlink", new PidSchema("cn.taihang.cloudlink", false, List.of(
                    new AttributeSchema("keepAliveSeconds", "Integer", 0, true, "5", "3600", List.of(), List.of("30")),
                    new AttributeSchema("backoffInitialMillis", "Long", 0, true, "10", null, List.of(), List.of("500")),
                    new AttributeSchema("mode", "String", 0, true, null, null, List.of("fast", "safe"), List.of("fast")),
                    new AttributeSchema("limits", "Double", 3, true, "0.1", null, List.of(), List.of("2.5")),
                    new AttributeSchema("hosts", "String", -10, false, null, null, List.of(), List.of()),
                    new AttributeSchema("on", "Boolean", 0, true, null, null, List.of(), List.of("true")))),
            "cn.taihang.counter.lane", new PidSchema("cn.taihang.counter.lane", true, List.of(
                    new AttributeSchema("loopAPin", "Integer", 0, true, "0", "63", List.of(), List.of()))),
            "cn.taihang.gateway", new PidSchema("cn.taihang.gateway", false, List.of(
                    new AttributeSchema("gatewayId", "String", 0, true, null, null, List.of(), List.of())))));

    private PushedConfiguration.Checked check(String json) throws Exception {
        return PushedConfiguration.check(JSON.readTree(json), schema, Set.of("cn.taihang.gateway"));
    }

    @Test
    void aFittingPushIsTypedAsMetaTypeDeclaresIt() throws Exception {
        PushedConfiguration.Checked checked = check("""
                {":configurator:resource-version": 1,
                 "cn.taihang.cloudlink": {"keepAliveSeconds": 60, "backoffInitialMillis:Long": 250, "mode": "safe", "limits": [0.5, 2],
                                          "hosts": ["a", "b"], "on": false},
                 "cn.taihang.counter.lane~l1": {"loopAPin:Integer": 17}}""");
        assertThat(checked.problems()).isEmpty();
        Map<String, Object> link = checked.configurations().get("cn.taihang.cloudlink");
        assertThat(link.get("keepAliveSeconds")).isEqualTo(60);
        assertThat(link.get("backoffInitialMillis")).isEqualTo(250L);
        assertThat(link.get("limits")).isEqualTo(new Double[] {0.5, 2.0});
        assertThat(link.get("hosts")).isEqualTo(List.of("a", "b"));
        assertThat(link.get("on")).isEqualTo(false);
        assertThat(checked.configurations().get("cn.taihang.counter.lane~l1")).containsEntry("loopAPin", 17);
    }

    @Test
    void everyMisfitIsNamedAndNothingIsKept() throws Exception {
        PushedConfiguration.Checked checked = check("""
                {"cn.taihang.cloudlink": {"keepAliveSeconds": 1, "mode": "slow", "colour": "red", "on": "yes", "limits": [1, 2, 3, 4],
                                          "backoffInitialMillis:Integer": 100},
                 "cn.taihang.counter.lane~l1": {"loopAPin": 64},
                 "cn.taihang.cloudlnk": {"x": 1},
                 "cn.taihang.counter.lane": {"loopAPin": 1},
                 "cn.taihang.gateway": {"gatewayId": "gw-evil"},
                 "not a pid": {}}""");
        assertThat(checked.fits()).isFalse();
        assertThat(checked.configurations()).isEmpty();
        assertThat(checked.problems()).containsExactlyInAnyOrder(
                "cn.taihang.cloudlink: backoffInitialMillis is declared Long, not Integer",
                "cn.taihang.cloudlink: keepAliveSeconds must be at least 5, was 1",
                "cn.taihang.cloudlink: mode must be one of [fast, safe], was slow",
                "cn.taihang.cloudlink: no attribute 'colour' (known: [keepAliveSeconds, backoffInitialMillis, mode, limits, hosts, on])",
                "cn.taihang.cloudlink: on takes true or false, was yes",
                "cn.taihang.cloudlink: limits takes at most 3 values, got 4",
                "cn.taihang.counter.lane~l1: loopAPin must be at most 63, was 64",
                "cn.taihang.cloudlnk: no running bundle declares the PID cn.taihang.cloudlnk",
                "cn.taihang.counter.lane: cn.taihang.counter.lane is a factory PID; name one of its configurations, e.g. cn.taihang.counter.lane~name",
                "cn.taihang.gateway: installer-only, a push never changes it",
                "'not a pid' is not a PID (e.g. cn.taihang.store or cn.taihang.counter.lane~l1)");
    }

    @Test
    void valuesOfTheWrongShapeAreRefused() throws Exception {
        assertThat(check("{\"cn.taihang.cloudlink\": {\"keepAliveSeconds\": 30.5}}").problems())
                .containsExactly("cn.taihang.cloudlink: keepAliveSeconds takes an Integer, was 30.5");
        assertThat(check("{\"cn.taihang.cloudlink\": {\"keepAliveSeconds\": {\"a\": 1}}}").problems())
                .containsExactly("cn.taihang.cloudlink: keepAliveSeconds must be text, a number, true/false or an array of them");
        assertThat(check("{\"cn.taihang.cloudlink\": {}}").problems()).containsExactly("cn.taihang.cloudlink: its value must be a non-empty object of properties");
        assertThat(check("{}").problems()).containsExactly("the configuration names no PID");
        JsonNode notAnObject = JSON.readTree("[1]");
        assertThat(PushedConfiguration.check(notAnObject, schema, Set.of()).problems()).containsExactly("the configuration must be a JSON object of PIDs");
    }
}
