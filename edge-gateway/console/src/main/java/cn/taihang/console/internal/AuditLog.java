package cn.taihang.console.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Who changed what, when and from where: one JSON object per line in {@code audit.log} of the data
 * directory, forced to disk on each entry. When the file passes its size limit it becomes
 * {@code audit.log.1} (the previous one is dropped), so the two together keep the recent history.
 */
final class AuditLog {

    /**
     * One entry.
     *
     * @param time when
     * @param user who ({@code -} for nobody logged in)
     * @param address the client's IP address
     * @param action what, dotted, e.g. {@code config.changed}, {@code login.failed}
     * @param target on what, e.g. a PID, an account, a pin
     * @param detail the change itself, e.g. {@code intervalSeconds: 60 → 30}; never a password
     */
    record Entry(Instant time, String user, String address, String action, String target, String detail) {}

    private static final JsonFactory JSON = new JsonFactory();

    private final Path file;
    private final Path previous;
    private final long maxBytes;
    private long malformed;

    AuditLog(Path file, long maxBytes) {
        this.file = file;
        this.previous = file.resolveSibling(file.getFileName() + ".1");
        this.maxBytes = maxBytes;
    }

    /** Appends an entry durably. */
    synchronized void record(Entry entry) throws IOException {
        Files.createDirectories(file.getParent());
        if (Files.exists(file) && Files.size(file) > maxBytes) {
            Files.move(file, previous, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        byte[] line = (toJson(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        }
    }

    /**
     * @param filter which entries to keep
     * @param limit the most to return
     * @return the newest matching entries, newest first; lines that are not entries are skipped and counted
     */
    synchronized List<Entry> newest(Predicate<Entry> filter, int limit) throws IOException {
        List<Entry> found = new ArrayList<>();
        for (Path p : List.of(file, previous)) {
            if (!Files.exists(p)) {
                continue;
            }
            List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
            Collections.reverse(lines);
            for (String line : lines) {
                Entry entry = parse(line);
                if (entry == null) {
                    malformed++;
                } else if (filter.test(entry)) {
                    found.add(entry);
                    if (found.size() >= limit) {
                        return found;
                    }
                }
            }
        }
        return found;
    }

    /** @return how many unreadable lines reading has met */
    synchronized long malformedLines() {
        return malformed;
    }

    static String toJson(Entry e) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("time", e.time().toString());
            g.writeStringField("user", e.user());
            g.writeStringField("address", e.address());
            g.writeStringField("action", e.action());
            g.writeStringField("target", e.target());
            g.writeStringField("detail", e.detail());
            g.writeEndObject();
        }
        return out.toString();
    }

    /** @return the entry, or {@code null} if the line is not one */
    static Entry parse(String line) {
        if (line.isBlank() || line.length() > 65536) {
            return null;
        }
        Map<String, String> fields = new HashMap<>();
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                if (p.nextToken() != JsonToken.VALUE_STRING) {
                    return null;
                }
                fields.put(name, p.getText());
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                return null;
            }
            return new Entry(Instant.parse(fields.get("time")), required(fields, "user"), required(fields, "address"),
                    required(fields, "action"), fields.getOrDefault("target", ""), fields.getOrDefault("detail", ""));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing " + name);
        }
        return value;
    }
}
