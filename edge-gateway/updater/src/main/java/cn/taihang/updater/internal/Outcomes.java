package cn.taihang.updater.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What became of each update order ({@code <rollout>.<attempt>} → its final step), in {@code <data>/updater/outcomes.properties}
 * (replaced atomically), so that an order arriving again — retained commands come back after every reconnect and restart —
 * is never carried out twice: a rolled-back release is not tried again until the bridge sends a new attempt. The latest
 * {@value #KEPT} are kept. Thread-safe.
 */
final class Outcomes {

    static final int KEPT = 256;
    private static final Logger LOG = LoggerFactory.getLogger(Outcomes.class);

    private final Path file;
    private final LinkedHashMap<String, String> outcomes = new LinkedHashMap<>();

    Outcomes(Path file) {
        this.file = file;
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            p.stringPropertyNames().stream().sorted(java.util.Comparator.comparing(Outcomes::order)).forEach(k -> outcomes.put(k, p.getProperty(k)));
        } catch (NoSuchFileException e) {
            // no order finished yet
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("{} cannot be read ({}); orders seen before are taken as new", file, e.getMessage());
        }
    }

    /** @return the final step of a job, if it had one */
    synchronized Optional<String> of(String job) {
        return Optional.ofNullable(outcomes.get(job));
    }

    synchronized void record(String job, String step) {
        outcomes.remove(job);
        outcomes.put(job, step);
        while (outcomes.size() > KEPT) {
            outcomes.remove(outcomes.keySet().iterator().next());
        }
        Properties p = new Properties();
        p.putAll(outcomes);
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                p.store(out, "update orders and what became of them");
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.warn("cannot write {}: {}; order {} may be answered again after a restart", file, e.getMessage(), job);
        }
    }

    /** Orders by rollout, then attempt. */
    private static long order(String job) {
        String[] parts = job.split("\\.", 2);
        try {
            return Long.parseLong(parts[0]) * 1000 + (parts.length > 1 ? Long.parseLong(parts[1]) : 0);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** @return a copy, job → step */
    synchronized Map<String, String> all() {
        return new LinkedHashMap<>(outcomes);
    }
}
