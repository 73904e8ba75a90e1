package cn.taihang.hardware.spi;

import java.io.IOException;
import java.io.Reader;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * Cuts a character stream into lines ended by {@code '\n'} (a {@code '\r'} before it is dropped), never
 * holding more than a bounded number of characters: a longer line is skipped and reported. Not
 * thread-safe; one reader thread owns it.
 */
public final class LineReader {

    private final Reader in;
    private final int maxLength;
    private final char[] buffer = new char[8192];
    private final StringBuilder line = new StringBuilder();
    private int position;
    private int limit;
    private int overflowLength = -1;
    private boolean overflowCarriageReturn;
    private boolean endedMidLine;

    /**
     * @param in the stream, e.g. an {@link java.io.InputStreamReader} in UTF-8; not buffered by the caller
     * @param maxLength the longest line accepted, positive
     */
    public LineReader(Reader in, int maxLength) {
        this.in = Objects.requireNonNull(in, "in");
        if (maxLength <= 0) {
            throw new IllegalArgumentException("maxLength must be positive, was " + maxLength);
        }
        this.maxLength = maxLength;
    }

    /**
     * Reads the next line, blocking until one is complete.
     *
     * @param onOverflow told the length of each line skipped for being longer than the maximum
     * @return the line without its terminator, or {@code null} at the end of the stream; characters
     *     after the last terminator are then discarded (see {@link #endedMidLine()})
     * @throws IOException from the stream
     */
    public String readLine(IntConsumer onOverflow) throws IOException {
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit < 0) {
                    limit = 0;
                    endedMidLine = line.length() > 0 || overflowLength >= 0;
                    line.setLength(0);
                    overflowLength = -1;
                    overflowCarriageReturn = false;
                    return null;
                }
            }
            while (position < limit) {
                char c = buffer[position++];
                if (c == '\n') {
                    String complete = finishLine(onOverflow);
                    if (complete != null) {
                        return complete;
                    }
                    continue;
                }
                if (overflowLength < 0 && line.length() <= maxLength) {
                    line.append(c);
                    continue;
                }
                if (overflowLength < 0) {
                    overflowLength = line.length();
                    line.setLength(0);
                }
                if (overflowCarriageReturn) {
                    overflowLength++;
                }
                overflowCarriageReturn = c == '\r';
                if (!overflowCarriageReturn) {
                    overflowLength++;
                }
            }
        }
    }

    /** @return the line, or {@code null} if it was too long and has been reported */
    private String finishLine(IntConsumer onOverflow) {
        if (overflowLength >= 0) {
            int length = overflowLength;
            overflowLength = -1;
            overflowCarriageReturn = false;
            onOverflow.accept(length);
            return null;
        }
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        if (end > maxLength) {
            line.setLength(0);
            onOverflow.accept(end);
            return null;
        }
        String result = line.substring(0, end);
        line.setLength(0);
        return result;
    }

    /** @return whether the stream ended in the middle of a line (a truncated last line was discarded) */
    public boolean endedMidLine() {
        return endedMidLine;
    }
}
