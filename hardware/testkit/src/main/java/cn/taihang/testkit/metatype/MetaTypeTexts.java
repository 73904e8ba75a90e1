package cn.taihang.testkit.metatype;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Checks that a configuration's MetaType texts are localised the OSGi way, as Felix MetaType reads them: the
 * definition names a {@code localization} base (each bundle uses {@code OSGI-INF/l10n/bundle}); its name, description,
 * attribute names and descriptions are all {@code %key}s, and so is every option label that is not simply its value (a code
 * such as {@code TCP}, as bnd writes an enum's options); every key has a text in
 * {@code <base>.properties} (English) and in {@code <base>_zh.properties} (Chinese, with Chinese characters in it); and
 * the files are ASCII, since {@link Properties#load(InputStream)} reads ISO 8859-1: Chinese is written as
 * {@code \}{@code uXXXX} escapes.
 */
public final class MetaTypeTexts {

    /** The localization base every bundle of the gateway uses. */
    public static final String BASE = "OSGI-INF/l10n/bundle";

    private MetaTypeTexts() {
    }

    /**
     * @param pid the OCD id
     * @throws AssertionError listing every text that does not resolve in both languages
     */
    public static void assertLocalized(String pid) {
        MetaTypeDocument document = MetaTypeDocument.of(pid);
        if (!BASE.equals(document.localization())) {
            throw new AssertionError(pid + ": localization is " + document.localization() + ", not " + BASE
                    + ": set @ObjectClassDefinition(localization = \"" + BASE + "\")");
        }
        Properties english = load(BASE + ".properties");
        Properties chinese = load(BASE + "_zh.properties");
        List<String> texts = new ArrayList<>();
        texts.add(document.name());
        texts.add(document.description());
        for (MetaTypeDocument.Attribute a : document.attributes()) {
            texts.add(a.name());
            texts.add(a.description());
            for (int i = 0; i < a.optionLabels().size(); i++) {
                if (!a.optionLabels().get(i).equals(a.optionValues().get(i))) {
                    texts.add(a.optionLabels().get(i));
                }
            }
        }
        List<String> problems = new ArrayList<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            if (!text.startsWith("%")) {
                problems.add("'" + text + "' is not a %key");
                continue;
            }
            String key = text.substring(1);
            String en = english.getProperty(key);
            String zh = chinese.getProperty(key);
            if (en == null || en.isBlank()) {
                problems.add(key + " has no English text in " + BASE + ".properties");
            }
            if (zh == null || zh.isBlank()) {
                problems.add(key + " has no Chinese text in " + BASE + "_zh.properties");
            } else if (zh.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                problems.add(key + " in " + BASE + "_zh.properties is not Chinese: " + zh);
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(pid + ": MetaType texts not localised:\n  " + String.join("\n  ", problems));
        }
    }

    /** @return the resolved text of a key in a language ({@code ""} = English, {@code "zh"} = Chinese) */
    public static String text(String key, String language) {
        Properties p = load(BASE + (language.isEmpty() ? "" : "_" + language.toLowerCase(Locale.ROOT)) + ".properties");
        return p.getProperty(key);
    }

    private static Properties load(String resource) {
        URL url = Thread.currentThread().getContextClassLoader().getResource(resource);
        if (url == null) {
            throw new AssertionError("no " + resource + " on the classpath (src/main/resources/" + resource + ")");
        }
        try (InputStream in = url.openStream()) {
            byte[] bytes = in.readAllBytes();
            for (byte b : bytes) {
                if (b < 0) {
                    throw new AssertionError(url + " is not ASCII: Felix MetaType reads it as ISO 8859-1, so write Chinese as \\uXXXX escapes");
                }
            }
            Properties p = new Properties();
            p.load(new java.io.ByteArrayInputStream(bytes));
            return p;
        } catch (IOException e) {
            throw new AssertionError("cannot read " + url + ": " + e.getMessage(), e);
        }
    }
}
