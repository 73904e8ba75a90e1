package cn.taihang.simulator.faults;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a gateway's load journal ({@link LoadProducer}): the records its outbox acknowledged, {@code seq -> event}.
 * Reads on from where it stopped, so it can follow a journal while it grows; an unfinished last line (cut by a
 * {@code kill -9}, or not yet written whole) is left for later and ignored at the end. A sequence number journaled
 * twice with different events means the store issued it twice: that is kept in {@link #reissued()}.
 */
public final class Journal {

    private final Path file;
    private final Map<Long, String> acknowledged = new HashMap<>();
    private final Map<String, Long> events = new HashMap<>();
    private long offset;
    private long reissued;
    private long torn;

    /** @param file the journal, which may not exist yet */
    public Journal(Path file) {
        this.file = file;
    }

    /** Reads what was appended since the last call. @return how many new entries */
    public synchronized int readMore() throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        int added = 0;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            if (length <= offset) {
                return 0;
            }
            byte[] bytes = new byte[(int) (length - offset)];
            raf.seek(offset);
            raf.readFully(bytes);
            int start = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    added += parse(new String(bytes, start, i - start, StandardCharsets.US_ASCII));
                    start = i + 1;
                }
            }
            offset += start;
        }
        return added;
    }

    private int parse(String line) {
        String[] parts = line.split(" ");
        if (parts.length != 3) {
            torn++;
            return 0;
        }
        try {
            long seq = Long.parseLong(parts[0]);
            events.putIfAbsent(parts[1], seq);
            String previous = acknowledged.putIfAbsent(seq, parts[1]);
            if (previous != null && !previous.equals(parts[1])) {
                reissued++;
            }
            return previous == null ? 1 : 0;
        } catch (NumberFormatException e) {
            torn++;
            return 0;
        }
    }

    /** @return the acknowledged records so far, {@code seq -> event id} */
    synchronized Map<Long, String> acknowledged() {
        return new HashMap<>(acknowledged);
    }

    /** @return every acknowledged event so far, {@code event id -> seq}: also those journalled under a sequence number reissued */
    public synchronized Map<String, Long> events() {
        return new HashMap<>(events);
    }

    /** @return how many acknowledged records so far */
    synchronized int size() {
        return acknowledged.size();
    }

    /** @return sequence numbers the journal shows with two different events */
    synchronized long reissued() {
        return reissued;
    }

    /** @return lines that were not whole (a write cut by a kill -9 leaves at most one per kill) */
    synchronized long torn() {
        return torn;
    }
}
