package cn.taihang.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ConfigSchemaTest {

    final ConfigSchema schema = new ConfigSchema(Map.of(
            "cn.taihang.test", new PidSchema("cn.taihang.test", false, List.of(
                    new AttributeSchema("brokerUrl", "String", 0, true, null, null, List.of(), List.of()),
                    new AttributeSchema("keepAliveSeconds", "Integer", 0, true, "5", "3600", List.of(), List.of("30")),
                    new AttributeSchema("mode", "String", 0, true, null, null, List.of("fast", "safe"), List.of("fast")),
                    new AttributeSchema("name", "String", 0, false, "1", "8", List.of(), List.of("")),
                    new AttributeSchema("limits", "Double", 3, true, "0.1", null, List.of(), List.of("2.5")),
                    new AttributeSchema("on", "Boolean", 0, true, null, null, List.of(), List.of("true")))),
            "cn.taihang.lane", new PidSchema("cn.taihang.lane", true, List.of(new AttributeSchema("pin", "Integer", 0, true, "0", null, List.of(), List.of())))));

    @Test
    void valuesInsideTheRangesFit() {
        assertThat(schema.problems(Map.of("cn.taihang.test", Map.of("brokerUrl", "tcp://x:1883", "keepAliveSeconds", 60, "mode", "safe",
                "limits", List.of(1.0, 2.0), "on", false, "service.pid", "cn.taihang.test"), "cn.taihang.lane~l1", Map.of("pin", 17L)), true, true)).isEmpty();
        assertThat(schema.problems(Map.of("cn.taihang.test", Map.of("keepAliveSeconds", new int[] {9}.length * 9L)), false, true)).isEmpty();
    }

    @Test
    void eachKindOfMisfitIsNamed() {
        List<String> problems = schema.problems(Map.of("cn.taihang.test", Map.of("keepAliveSeconds", 2, "mode", "slow", "name", "much-too-long",
                "limits", new double[] {0.01}, "on", "yes", "colour", "red")), true, true);
        assertThat(problems).containsExactlyInAnyOrder(
                "cn.taihang.test: keepAliveSeconds must be at least 5, was 2",
                "cn.taihang.test: mode must be one of [fast, safe], was slow",
                "cn.taihang.test: name must be at most 8 characters, was much-too-long",
                "cn.taihang.test: limits must be at least 0.1, was 0.01",
                "cn.taihang.test: on takes true or false, was yes",
                "cn.taihang.test: no attribute 'colour' (known: [brokerUrl, keepAliveSeconds, mode, name, limits, on])",
                "cn.taihang.test: needs brokerUrl, which has no default");
    }

    @Test
    void typesCardinalityAndUnknownPidsAreChecked() {
        assertThat(schema.problems(Map.of("cn.taihang.test", Map.of("keepAliveSeconds", "soon")), false, true))
                .containsExactly("cn.taihang.test: keepAliveSeconds takes an Integer, was soon");
        assertThat(schema.problems(Map.of("cn.taihang.test", Map.of("keepAliveSeconds", 1e12)), false, true)).hasSize(1);
        assertThat(schema.problems(Map.of("cn.taihang.test", Map.of("mode", List.of("fast", "safe"))), false, true))
                .containsExactly("cn.taihang.test: mode takes one value, not a list");
        assertThat(schema.problems(Map.of("cn.taihang.test", Map.of("limits", List.of(1, 2, 3, 4))), false, true))
                .containsExactly("cn.taihang.test: limits takes at most 3 values, got 4");
        assertThat(schema.problems(Map.of("cn.taihang.nope", Map.of("a", 1), "cn.taihang.lane", Map.of("pin", 1)), false, true))
                .containsExactlyInAnyOrder("cn.taihang.nope: no bundle of this release declares the PID cn.taihang.nope",
                        "cn.taihang.lane: no bundle of this release declares the PID cn.taihang.lane");
        assertThat(schema.problems(Map.of("cn.taihang.nope", Map.of("a", 1)), true, false)).as("installed, not strict").isEmpty();
    }

    @Test
    void secretsAreNeverEchoed() {
        AttributeSchema password = new AttributeSchema(".password", "Password", 0, false, "12", null, List.of(), List.of());
        assertThat(password.problemWith("hunter2")).hasValueSatisfying(p -> assertThat(p).doesNotContain("hunter2").contains("(secret)"));
    }
}
