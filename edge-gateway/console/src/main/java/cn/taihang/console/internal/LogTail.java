package cn.taihang.console.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The end of the gateway's log file, as entries (a line with its stack trace), filtered by lowest level
 * and text. Reads at most the last few MiB however large the file is; bytes that are not UTF-8 become
 * replacement characters; overlong lines are cut.
 */
final class LogTail {

    /** Log levels from most to least severe. */
    enum Level { ERROR, WARN, INFO, DEBUG, TRACE }

    /**
     * One log entry.
     *
     * @param level its level, or {@code null} if the line has none
     * @param text the entry, possibly several lines
     */
    record Line(Level level, String text) {}

    /**
     * What was read.
     *
     * @param file the file
     * @param exists whether it exists
     * @param lines the matching entries, oldest first
     * @param truncated whether older content was not read
     */
    record Tail(Path file, boolean exists, List<Line> lines, boolean truncated) {}

    static final int MAX_LINE_CHARS = 2000;
    private static final int MAX_ENTRY_LINES = 60;
    private static final Pattern START = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}[ T])?\\d{2}:\\d{2}:\\d{2}");
    private static final Pattern LEVEL = Pattern.compile("\\b(ERROR|WARN|INFO|DEBUG|TRACE)\\b");

    private final long maxBytes;

    LogTail(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * @param file the log file; a missing one is not an error
     * @param lowest the least severe level to keep
     * @param contains text to look for (any case), or empty
     * @param limit the most entries to return
     */
    Tail read(Path file, Level lowest, String contains, int limit) throws IOException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            return new Tail(file, false, List.of(), false);
        }
        long from = Math.max(0, size - maxBytes);
        ByteBuffer buffer = ByteBuffer.allocate((int) (size - from));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.position(from);
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // read what is there; the file may grow meanwhile
            }
        }
        buffer.flip();
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(buffer).toString();
        String[] raw = text.split("\r?\n", -1);
        int first = from > 0 ? 1 : 0;
        String needle = contains == null ? "" : contains.strip().toLowerCase(Locale.ROOT);
        Deque<Line> kept = new ArrayDeque<>();
        List<String> entry = new ArrayList<>();
        for (int i = first; i < raw.length; i++) {
            String line = raw[i].length() > MAX_LINE_CHARS ? raw[i].substring(0, MAX_LINE_CHARS) + " …" : raw[i];
            if (START.matcher(line).find() && !entry.isEmpty()) {
                keep(entry, lowest, needle, kept, limit);
                entry.clear();
            }
            if (!line.isEmpty() && entry.size() < MAX_ENTRY_LINES) {
                entry.add(line);
            }
        }
        keep(entry, lowest, needle, kept, limit);
        return new Tail(file, true, new ArrayList<>(kept), from > 0);
    }

    private static void keep(List<String> entry, Level lowest, String needle, Deque<Line> kept, int limit) {
        if (entry.isEmpty()) {
            return;
        }
        Level level = levelOf(entry.get(0));
        if (level != null && level.compareTo(lowest) > 0) {
            return;
        }
        String text = String.join("\n", entry);
        if (!needle.isEmpty() && !text.toLowerCase(Locale.ROOT).contains(needle)) {
            return;
        }
        kept.addLast(new Line(level, text));
        if (kept.size() > limit) {
            kept.removeFirst();
        }
    }

    static Level levelOf(String line) {
        Matcher m = LEVEL.matcher(line.length() > 60 ? line.substring(0, 60) : line);
        return m.find() ? Level.valueOf(m.group(1)) : null;
    }
}
