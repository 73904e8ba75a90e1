package cn.taihang.remoteconfig.internal;

import cn.taihang.release.ConfigPush;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a checked push as one change: the previous values of every configuration it touches are journalled, then each
 * is updated (the push's properties merged into what it holds), then the {@link ComponentWatch} waits for the components
 * they configure to be active with the new values; if one fails to activate, or they are not up within the activation
 * time, every configuration gets its previous values back (a configuration the push created is deleted).
 */
final class ConfigTrial {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigTrial.class);
    private static final String ANY_LOCATION = "?";

    /**
     * How a trial ended.
     *
     * @param state {@link ConfigPush#APPLIED} or {@link ConfigPush#ROLLED_BACK}
     * @param reason for machines, {@code -} for none
     * @param message for people
     */
    record Outcome(String state, String reason, String message) {}

    private final ConfigurationAdmin admin;
    private final ComponentWatch watch;
    private final TrialJournal journal;
    private final Duration timeout;

    ConfigTrial(ConfigurationAdmin admin, ComponentWatch watch, TrialJournal journal, Duration timeout) {
        this.admin = admin;
        this.watch = watch;
        this.journal = journal;
        this.timeout = timeout;
    }

    /**
     * @param version the push
     * @param pushed configuration key → the properties to merge in, typed
     * @param stopped whether the gateway is stopping (the journal then rolls it back at the next start)
     * @throws IOException if the journal cannot be written (nothing changed) or ConfigurationAdmin fails
     * @throws InterruptedException if stopped while waiting (the journal stays)
     */
    Outcome run(long version, Map<String, Map<String, Object>> pushed, BooleanSupplier stopped) throws IOException, InterruptedException {
        Map<String, Map<String, Object>> previous = new LinkedHashMap<>();
        for (String key : pushed.keySet()) {
            previous.put(key, current(key).orElse(null));
        }
        journal.begin(new TrialJournal.Entry(version, previous));
        boolean uplinkBefore = watch.uplinkUp();
        try {
            for (Map.Entry<String, Map<String, Object>> e : pushed.entrySet()) {
                Map<String, Object> merged = new LinkedHashMap<>(previous.get(e.getKey()) == null ? Map.of() : previous.get(e.getKey()));
                merged.putAll(e.getValue());
                configuration(e.getKey()).updateIfDifferent(new Hashtable<>(merged));
            }
        } catch (IOException | RuntimeException e) {
            restore(previous);
            journal.end();
            return new Outcome(ConfigPush.ROLLED_BACK, "unavailable", "ConfigurationAdmin failed (" + e.getMessage() + "); the previous values are back");
        }
        Optional<String> failure = watch.awaitActive(pushed, uplinkBefore, timeout, stopped);
        if (failure.isEmpty()) {
            journal.end();
            return new Outcome(ConfigPush.APPLIED, "-", "applied 已应用: " + String.join(", ", pushed.keySet()) + "; every component it configures is active");
        }
        LOG.warn("configuration push {} is rolled back: {}", version, failure.get());
        restore(previous);
        journal.end();
        return new Outcome(ConfigPush.ROLLED_BACK, "unhealthy", "rolled back 已回滚: " + failure.get());
    }

    /** Puts the previous values back, each configuration as it was (created ones deleted). */
    void restore(Map<String, Map<String, Object>> previous) throws IOException {
        for (Map.Entry<String, Map<String, Object>> e : previous.entrySet()) {
            if (e.getValue() == null) {
                Optional<Configuration> existing = existing(e.getKey());
                if (existing.isPresent()) {
                    existing.get().delete();
                }
            } else {
                configuration(e.getKey()).updateIfDifferent(new Hashtable<>(e.getValue()));
            }
        }
    }

    private Optional<Map<String, Object>> current(String key) throws IOException {
        return existing(key).map(Configuration::getProperties).map(ConfigTrial::own);
    }

    private static Map<String, Object> own(Dictionary<String, Object> properties) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : Collections.list(properties.keys())) {
            if (!name.equals("service.pid") && !name.equals("service.factoryPid") && !name.equals("service.bundleLocation")) {
                values.put(name, properties.get(name));
            }
        }
        return values;
    }

    private Optional<Configuration> existing(String key) throws IOException {
        try {
            Configuration[] found = admin.listConfigurations("(service.pid=" + key + ")");
            return found == null ? Optional.empty() : Arrays.stream(found).filter(c -> c.getProperties() != null).findFirst();
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("not a configuration key: " + key, e);
        }
    }

    private Configuration configuration(String key) throws IOException {
        int tilde = key.indexOf('~');
        return tilde < 0 ? admin.getConfiguration(key, ANY_LOCATION)
                : admin.getFactoryConfiguration(key.substring(0, tilde), key.substring(tilde + 1), ANY_LOCATION);
    }
}
