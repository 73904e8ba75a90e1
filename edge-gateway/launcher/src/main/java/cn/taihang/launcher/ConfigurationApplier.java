package cn.taihang.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the configuration file to ConfigurationAdmin when the file changed since it was last
 * applied, so that changes made later on the gateway (e.g. from the maintenance console) survive
 * restarts until the installation file itself changes. Configurations that an earlier version of the
 * file created and the current one dropped are deleted.
 */
final class ConfigurationApplier {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationApplier.class);
    private static final String BIND_ANY = "?";

    private final Path stateFile;

    ConfigurationApplier(Path stateFile) {
        this.stateFile = stateFile;
    }

    /** @return the keys of the configurations now applied (all of the file's), or an empty list if nothing changed */
    List<String> apply(ConfigurationFile file, ConfigurationAdmin admin) throws IOException {
        List<String> previous = readState();
        if (!previous.isEmpty() && previous.get(0).equals(file.sha256())) {
            LOG.debug("configuration file {} unchanged since it was applied", file.path());
            return List.of();
        }
        Set<String> applied = new LinkedHashSet<>();
        for (PidConfiguration c : file.configurations()) {
            Configuration configuration = c.isFactory() ? admin.getFactoryConfiguration(c.pid(), c.name(), BIND_ANY)
                    : admin.getConfiguration(c.pid(), BIND_ANY);
            Dictionary<String, Object> properties = new Hashtable<>(c.properties());
            configuration.updateIfDifferent(properties);
            applied.add(c.key());
        }
        for (String stale : previous.subList(Math.min(1, previous.size()), previous.size())) {
            if (!applied.contains(stale)) {
                delete(admin, stale);
            }
        }
        writeState(file.sha256(), applied);
        LOG.info("applied {} configurations from {}", applied.size(), file.path());
        return new ArrayList<>(applied);
    }

    private void delete(ConfigurationAdmin admin, String key) throws IOException {
        int tilde = key.indexOf('~');
        String filter = tilde < 0 ? "(service.pid=" + key + ")"
                : "(&(service.factoryPid=" + key.substring(0, tilde) + ")(service.pid=" + key.substring(0, tilde) + "~" + key.substring(tilde + 1) + "))";
        try {
            Configuration[] found = admin.listConfigurations(filter);
            if (found != null) {
                for (Configuration configuration : found) {
                    configuration.delete();
                    LOG.info("deleted configuration {}: no longer in the configuration file", key);
                }
            }
        } catch (InvalidSyntaxException e) {
            LOG.warn("cannot delete stale configuration {}: {}", key, e.getMessage());
        }
    }

    private List<String> readState() throws IOException {
        if (!Files.exists(stateFile)) {
            return List.of();
        }
        return Files.readAllLines(stateFile, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    }

    private void writeState(String sha256, Set<String> keys) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(sha256);
        lines.addAll(keys);
        Path temp = stateFile.resolveSibling(stateFile.getFileName() + ".tmp");
        Files.write(temp, lines, StandardCharsets.UTF_8);
        Files.move(temp, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
