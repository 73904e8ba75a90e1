package cn.taihang.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * The form of a MetaType object class, with a small fake of the MetaType interfaces whose {@code validate} checks a
 * range the way a MetaType implementation does (the console sees the range only through it).
 */
@Tag("unit")
class ConfigFormTest {

    record Ad(String id, int type, int cardinality, String[] defaults, String[] options, boolean required, long min, long max)
            implements AttributeDefinition {
        Ad(String id, int type, int cardinality, String[] defaults, String[] options, boolean required) {
            this(id, type, cardinality, defaults, options, required, Long.MIN_VALUE, Long.MAX_VALUE);
        }

        @Override public String getName() { return "Name of " + id; }
        @Override public String getID() { return id; }
        @Override public String getDescription() { return "about " + id; }
        @Override public int getCardinality() { return cardinality; }
        @Override public int getType() { return type; }
        @Override public String[] getOptionValues() { return options; }
        @Override public String[] getOptionLabels() { return options; }
        @Override public String validate(String value) {
            if (type != INTEGER) {
                return "";
            }
            long n = Long.parseLong(value);
            return n < min ? "less than minimum" : n > max ? "greater than maximum" : "";
        }
        @Override public String[] getDefaultValue() { return defaults; }
    }

    record Ocd(List<Ad> ads) implements ObjectClassDefinition {
        @Override public String getName() { return "车道 / Lane"; }
        @Override public String getID() { return "cn.taihang.counter.lane"; }
        @Override public String getDescription() { return "One lane"; }
        @Override public InputStream getIcon(int size) { return null; }
        @Override public AttributeDefinition[] getAttributeDefinitions(int filter) {
            return ads.stream().filter(a -> filter == ALL || (filter == REQUIRED) == a.required()).toArray(AttributeDefinition[]::new);
        }
    }

    private final ConfigForm form = new ConfigForm(new Ocd(List.of(
            new Ad("device", AttributeDefinition.STRING, 0, null, null, true),
            new Ad("intervalSeconds", AttributeDefinition.INTEGER, 0, new String[] {"60"}, null, true, 1, 3600),
            new Ad("activeHigh", AttributeDefinition.BOOLEAN, 0, new String[] {"true"}, null, true),
            new Ad("pull", AttributeDefinition.STRING, 0, new String[] {"NONE"}, new String[] {"NONE", "UP", "DOWN"}, true),
            new Ad("classBoundariesMeters", AttributeDefinition.DOUBLE, 4, new String[] {"1.8", "6.0"}, null, true),
            new Ad("hosts", AttributeDefinition.STRING, Integer.MAX_VALUE, null, null, false),
            new Ad(".password", AttributeDefinition.PASSWORD, 0, null, null, false))));

    private final Map<String, Object> current = Map.of("device", "zw-l1", "intervalSeconds", 60L, "activeHigh", true,
            "classBoundariesMeters", new Double[] {1.8, 6.0, 12.0, 18.0}, ".password", "s3cret", "service.pid", "cn.taihang.counter.lane~l1");

    @Test
    void fieldsCarryTypesDefaultsAndOptionsAndNeverASecret() {
        Map<String, ConfigForm.Field> fields = new HashMap<>();
        form.fields(current).forEach(f -> fields.put(f.id(), f));
        assertThat(fields.get("intervalSeconds")).satisfies(f -> {
            assertThat(f.input()).isEqualTo("number");
            assertThat(f.value()).isEqualTo("60");
            assertThat(f.name()).isEqualTo("Name of intervalSeconds");
            assertThat(f.defaultValue()).isEqualTo("60");
        });
        assertThat(fields.get("activeHigh").input()).isEqualTo("select");
        assertThat(fields.get("pull").options()).extracting(o -> o.get("value")).containsExactly("NONE", "UP", "DOWN");
        assertThat(fields.get("classBoundariesMeters")).satisfies(f -> {
            assertThat(f.input()).isEqualTo("list");
            assertThat(f.value()).isEqualTo("1.8, 6.0, 12.0, 18.0");
        });
        assertThat(fields.get(".password")).satisfies(f -> {
            assertThat(f.input()).isEqualTo("secret");
            assertThat(f.value()).isEmpty();
            assertThat(f.hasValue()).isTrue();
        });
        assertThat(form.fields(current).toString()).doesNotContain("s3cret");
    }

    @Test
    void validInputIsTypedAndOnlyChangesAreReported() {
        Map<String, String> submitted = Map.of("device", "zw-l1", "intervalSeconds", " 30 ", "activeHigh", "false", "pull", "UP",
                "classBoundariesMeters", "2, 6 12;18", "hosts", "192.168.4.1\ngw.local\n", ".password", "");
        ConfigForm.Parsed parsed = form.parse(current, submitted::get);
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.properties()).containsEntry("intervalSeconds", 30).containsEntry("activeHigh", false).containsEntry("pull", "UP")
                .containsEntry(".password", "s3cret").doesNotContainKey("service.pid");
        assertThat((Double[]) parsed.properties().get("classBoundariesMeters")).containsExactly(2.0, 6.0, 12.0, 18.0);
        assertThat((String[]) parsed.properties().get("hosts")).containsExactly("192.168.4.1", "gw.local");
        assertThat(parsed.changes()).containsOnlyKeys("intervalSeconds", "activeHigh", "pull", "classBoundariesMeters", "hosts");
        assertThat(parsed.changes().get("intervalSeconds")).isEqualTo("60 → 30");
    }

    @Test
    void aNewSecretIsStoredButNeverShownInTheChanges() {
        ConfigForm.Parsed parsed = form.parse(current, Map.of(".password", "n3w-secret")::get);
        assertThat(parsed.properties()).containsEntry(".password", "n3w-secret");
        assertThat(parsed.changes()).containsEntry(".password", "(changed)");
        assertThat(parsed.changes().toString()).doesNotContain("n3w-secret").doesNotContain("s3cret");
    }

    @Test
    void invalidInputIsRefusedWithTheReason() {
        Map<String, String> submitted = new HashMap<>(Map.of("device", "", "intervalSeconds", "0", "activeHigh", "yes", "pull", "SIDEWAYS",
                "classBoundariesMeters", "1, 2, 3, 4, 5"));
        ConfigForm.Parsed parsed = form.parse(current, submitted::get);
        assertThat(parsed.errors()).containsOnlyKeys("device", "intervalSeconds", "activeHigh", "pull", "classBoundariesMeters");
        assertThat(parsed.errors().get("device").key()).isEqualTo("config.error.required");
        assertThat(parsed.errors().get("intervalSeconds")).as("the attribute's own validation refuses what is out of range")
                .isEqualTo(new ConfigForm.Problem("config.error.other", "0", "less than minimum"));
        assertThat(parsed.errors().get("activeHigh").key()).isEqualTo("config.error.notBoolean");
        assertThat(parsed.errors().get("pull").key()).isEqualTo("config.error.notOption");
        assertThat(parsed.errors().get("classBoundariesMeters")).isEqualTo(new ConfigForm.Problem("config.error.tooMany", 4));

        for (String bad : new String[] {"3601", "1e3", "12.5", "99999999999", "NaN", "sixty", "-"}) {
            ConfigForm.Parsed p = form.parse(current, Map.of("intervalSeconds", bad)::get);
            assertThat(p.errors()).as(bad).containsKey("intervalSeconds");
        }
        assertThat(form.parse(current, Map.of("classBoundariesMeters", "1.8, Infinity")::get).errors()).containsKey("classBoundariesMeters");
        assertThat(form.parse(current, Map.of("intervalSeconds", "x".repeat(100_000))::get).errors()).containsKey("intervalSeconds");
    }

    @Test
    void clearingAFieldFallsBackToItsDefault() {
        ConfigForm.Parsed parsed = form.parse(current, Map.of("intervalSeconds", "")::get);
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.properties()).doesNotContainKey("intervalSeconds");
        assertThat(parsed.changes().get("intervalSeconds")).isEqualTo("60 → (default 60)");
    }

    @Test
    void valuesAreShownAsEdited() {
        assertThat(ConfigForm.format(new int[] {17, 27})).isEqualTo("17, 27");
        assertThat(ConfigForm.format(Arrays.asList("a", "b"))).isEqualTo("a\nb");
        assertThat(ConfigForm.format(42L)).isEqualTo("42");
        assertThat(ConfigForm.format(null)).isEmpty();
    }
}
