package cn.taihang.distribution.console;

import static cn.taihang.distribution.console.FrameworkServices.call;
import static org.assertj.core.api.Assertions.assertThat;

import cn.taihang.launcher.EmbeddedGateway;
import cn.taihang.launcher.LaunchSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

/**
 * Every configuration form of the distribution's bundles reads in the crew's language: Felix MetaType, asked for
 * Chinese and for English, finds each bundle's {@code OSGI-INF/l10n/bundle} texts, so no name or description is left as a
 * bare {@code %key}, and the Chinese names are Chinese.
 */
@Tag("framework")
class ConfigurationTextsTest {

    private static final Path DIST = Path.of(System.getProperty("taihang.dist.dir", "target/taihang-gateway"));
    private static final int ALL_ATTRIBUTES = -1;

    @TempDir
    Path dir;

    @Test
    void everyConfigurationNameAndDescriptionResolvesInChineseAndEnglish() throws Exception {
        Path config = Files.writeString(dir.resolve("gateway.json"), """
                {"cn.taihang.gateway": {"gatewayId": "gw-texts", "site": "zheshui"}}
                """);
        try (EmbeddedGateway gateway = EmbeddedGateway.start(new LaunchSpec(config, dir.resolve("data"), DIST.resolve("bundles"), Map.of(),
                Duration.ofSeconds(10)))) {
            FrameworkServices services = new FrameworkServices(gateway.framework().getBundleContext());
            Object metaType = services.service("org.osgi.service.metatype.MetaTypeService", null);
            List<String> problems = new ArrayList<>();
            int definitions = 0;
            for (Bundle bundle : gateway.framework().getBundleContext().getBundles()) {
                if (bundle.getSymbolicName() == null || !bundle.getSymbolicName().startsWith("cn.taihang.")) {
                    continue;
                }
                Object information = call(metaType, "getMetaTypeInformation", bundle);
                List<String> pids = new ArrayList<>(List.of((String[]) call(information, "getPids")));
                pids.addAll(List.of((String[]) call(information, "getFactoryPids")));
                for (String pid : pids) {
                    definitions++;
                    check(call(information, "getObjectClassDefinition", pid, "zh_CN"), pid + " (zh_CN)", true, problems);
                    check(call(information, "getObjectClassDefinition", pid, "en"), pid + " (en)", false, problems);
                }
            }
            assertThat(definitions).as("configuration definitions found").isGreaterThanOrEqualTo(16);
            assertThat(problems).isEmpty();
        }
    }

    private static void check(Object definition, String where, boolean chinese, List<String> problems) {
        List<String> names = new ArrayList<>();
        names.add((String) call(definition, "getName"));
        List<String> texts = new ArrayList<>(names);
        texts.add((String) call(definition, "getDescription"));
        Object[] attributes = (Object[]) call(definition, "getAttributeDefinitions", ALL_ATTRIBUTES);
        for (Object attribute : attributes) {
            String name = (String) call(attribute, "getName");
            names.add(name);
            texts.add(name);
            texts.add((String) call(attribute, "getDescription"));
        }
        for (String text : texts) {
            if (text != null && text.startsWith("%")) {
                problems.add(where + ": " + text + " does not resolve");
            }
        }
        for (String name : names) {
            boolean han = name != null && name.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
            if (chinese && !han) {
                problems.add(where + ": '" + name + "' is not Chinese");
            }
        }
    }
}
