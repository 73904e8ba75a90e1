package cn.taihang.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every name and description of the console's MetaType (as bnd generated it) has an English and a Chinese text. */
@Tag("unit")
class ConsoleConfigLocalizationTest {

    private static final Pattern KEY = Pattern.compile("(?:name|description)=\"%([^\"]+)\"");

    private static String resource(String path) throws IOException {
        try (InputStream in = ConsoleConfigLocalizationTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** As MetaType reads it: {@link Properties#load(InputStream)}, ISO-8859-1 with escapes. */
    private static Properties texts(String path) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ConsoleConfigLocalizationTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            properties.load(in);
        }
        return properties;
    }

    @Test
    void everyKeyOfTheGeneratedMetatypeHasBothLanguages() throws IOException {
        String xml = resource("OSGI-INF/metatype/" + ConsoleConfig.PID + ".xml");
        assertThat(xml).contains("localization=\"OSGI-INF/l10n/bundle\"");
        Set<String> keys = new LinkedHashSet<>();
        Matcher m = KEY.matcher(xml);
        while (m.find()) {
            keys.add(m.group(1));
        }
        assertThat(keys).contains("console.name", "httpsPort.name", "initialAdminPasswordHash.description").hasSizeGreaterThan(20);

        Properties english = texts("OSGI-INF/l10n/bundle.properties");
        Properties chinese = texts("OSGI-INF/l10n/bundle_zh.properties");
        assertThat(english.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(chinese.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(keys);
        for (String key : keys) {
            assertThat(chinese.getProperty(key)).as(key).containsPattern("\\p{IsHan}");
            assertThat(english.getProperty(key)).as(key).doesNotContainPattern("\\p{IsHan}");
        }
        assertThat(chinese.getProperty("console.name")).isEqualTo("维护控制台");
    }
}
