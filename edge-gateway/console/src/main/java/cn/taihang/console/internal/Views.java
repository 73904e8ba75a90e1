package cn.taihang.console.internal;

import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Server-side pages: FreeMarker templates ({@code .ftlh}, so every {@code ${…}} is HTML-escaped by the
 * engine) and the texts of both languages. The template engine is made on first use, not at activation.
 */
final class Views {

    /** The languages of the console; the first is the default. */
    static final List<String> LANGUAGES = List.of("zh", "en");
    private static final String BASE = "cn/taihang/console/";

    private final Map<String, Map<String, String>> texts;
    private volatile Configuration engine;

    Views() {
        Map<String, Map<String, String>> all = new TreeMap<>();
        for (String lang : LANGUAGES) {
            all.put(lang, load(lang));
        }
        if (!all.get("zh").keySet().equals(all.get("en").keySet())) {
            throw new IllegalStateException("the zh and en console texts must have the same keys");
        }
        this.texts = Collections.unmodifiableMap(all);
    }

    /** @return the texts of a language (a supported one; the default otherwise) */
    Map<String, String> texts(String lang) {
        return texts.getOrDefault(lang, texts.get(LANGUAGES.get(0)));
    }

    /** Renders a template with its model. */
    void render(String template, Map<String, Object> model, Writer out) throws IOException {
        try {
            engine().getTemplate(template + ".ftlh").process(model, out);
        } catch (TemplateException e) {
            throw new IOException("template " + template + " failed: " + e.getMessage(), e);
        }
    }

    private Configuration engine() {
        Configuration e = engine;
        if (e == null) {
            synchronized (this) {
                if (engine == null) {
                    engine = newEngine();
                }
                e = engine;
            }
        }
        return e;
    }

    private static Configuration newEngine() {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        c.setClassLoaderForTemplateLoading(Views.class.getClassLoader(), BASE + "templates");
        c.setDefaultEncoding("UTF-8");
        c.setOutputEncoding("UTF-8");
        c.setURLEscapingCharset("UTF-8");
        c.setRecognizeStandardFileExtensions(true);
        c.setLocalizedLookup(false);
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        c.setAPIBuiltinEnabled(false);
        c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        c.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
        c.setNumberFormat("computer");
        return c;
    }

    private static Map<String, String> load(String lang) {
        String resource = BASE + "i18n/texts_" + lang + ".properties";
        try (InputStream in = Views.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> map = new TreeMap<>();
            p.stringPropertyNames().forEach(k -> map.put(k, p.getProperty(k)));
            return Collections.unmodifiableMap(map);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
