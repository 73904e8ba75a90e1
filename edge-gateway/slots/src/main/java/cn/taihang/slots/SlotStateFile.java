package cn.taihang.slots;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The state file, {@code slots/state.properties}: a Java properties file (readable on site with {@code cat}), replaced
 * atomically — written to a temporary file, forced to disk, renamed over the old one, and the directory forced — so a
 * power cut at any instant leaves either the old state or the new one, never a mix.
 */
final class SlotStateFile {

    static final String NAME = "state.properties";
    private static final String TEMP = NAME + ".tmp";

    private final Path dir;

    SlotStateFile(Path dir) {
        this.dir = dir;
    }

    /** @return the state, or the initial one if there is no file yet */
    SlotState read() throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(dir.resolve(NAME), StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            return SlotState.initial();
        }
        try {
            if (!"1".equals(p.getProperty("format"))) {
                throw new IOException(dir.resolve(NAME) + " has format " + p.getProperty("format") + ", this launcher reads 1");
            }
            Phase phase = Phase.valueOf(p.getProperty("phase", "IDLE"));
            SlotState.Pending pending = phase == Phase.IDLE ? null : new SlotState.Pending(p.getProperty("pending"), p.getProperty("pending.release"),
                    p.getProperty("pending.rollout", ""), Integer.parseInt(p.getProperty("pending.attempts", "0")),
                    Integer.parseInt(p.getProperty("pending.deadlineSeconds", "0")), Long.parseLong(p.getProperty("pending.since", "0")));
            List<SlotEvent> events = new ArrayList<>();
            for (String key : new TreeMap<>(p).keySet().stream().map(String::valueOf).filter(k -> k.startsWith("event.") && k.endsWith(".step")).toList()) {
                String prefix = key.substring(0, key.length() - ".step".length());
                events.add(new SlotEvent(Long.parseLong(prefix.substring("event.".length())), p.getProperty(key), p.getProperty(prefix + ".release"),
                        p.getProperty(prefix + ".rollout", ""), Long.parseLong(p.getProperty(prefix + ".time", "0")), p.getProperty(prefix + ".detail", "")));
            }
            events.sort(java.util.Comparator.comparingLong(SlotEvent::id));
            return new SlotState(p.getProperty("committed"), p.getProperty("committed.release"), p.getProperty("previous"),
                    p.getProperty("previous.release"), phase, pending, Long.parseLong(p.getProperty("event.next", "1")), events);
        } catch (RuntimeException e) {
            throw new IOException(dir.resolve(NAME) + " is damaged (" + e.getMessage() + "); the launcher will not guess which slot is good — "
                    + "restore it from state.properties.bak or remove it to boot the distribution's own bundles", e);
        }
    }

    /** Replaces the file atomically and durably. */
    void write(SlotState s) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", "1");
        p.setProperty("committed", s.committed());
        p.setProperty("committed.release", s.committedRelease());
        if (s.previous() != null) {
            p.setProperty("previous", s.previous());
            p.setProperty("previous.release", s.previousRelease());
        }
        p.setProperty("phase", s.phase().name());
        if (s.pending() != null) {
            p.setProperty("pending", s.pending().slot());
            p.setProperty("pending.release", s.pending().release());
            p.setProperty("pending.rollout", s.pending().rollout());
            p.setProperty("pending.attempts", String.valueOf(s.pending().attempts()));
            p.setProperty("pending.deadlineSeconds", String.valueOf(s.pending().deadlineSeconds()));
            p.setProperty("pending.since", String.valueOf(s.pending().sinceMillis()));
        }
        p.setProperty("event.next", String.valueOf(s.nextEventId()));
        for (SlotEvent e : s.events()) {
            String prefix = String.format("event.%012d", e.id());
            p.setProperty(prefix + ".step", e.step());
            p.setProperty(prefix + ".release", e.release());
            p.setProperty(prefix + ".rollout", e.rollout());
            p.setProperty(prefix + ".time", String.valueOf(e.timeMillis()));
            p.setProperty(prefix + ".detail", e.detail());
        }
        StringWriter text = new StringWriter();
        p.store(text, "Taihang gateway software slots: which one boots. Written by the launcher and the updater; do not edit while it runs.");
        Files.createDirectories(dir);
        Path temp = dir.resolve(TEMP);
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = StandardCharsets.UTF_8.encode(text.toString());
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(true);
        }
        Path target = dir.resolve(NAME);
        if (Files.exists(target)) {
            Files.copy(target, dir.resolve(NAME + ".bak"), StandardCopyOption.REPLACE_EXISTING);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + dir + " cannot rename atomically; keep the gateway's data on ext4 or f2fs", e);
        }
        forceDirectory(dir);
    }

    /** Forces a directory's entries to disk (a rename is durable only then). */
    static void forceDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win")) {
                throw e;
            }
        }
    }
}
