package cn.taihang.sign.panel;

/**
 * A deterministic faulty line for tests and the simulator: of the lines passing through, every {@code dropEvery}-th
 * is lost and every {@code corruptEvery}-th has one character changed (so its CRC fails). 0 turns a fault off.
 * Thread-safe.
 */
public final class LineFaults {

    /** What happens to a line. */
    public enum Fate { PASS, DROP, CORRUPT }

    private final int dropEvery;
    private final int corruptEvery;
    private long count;
    private long dropped;
    private long corrupted;

    /** @param dropEvery lose every n-th line, 0 = never @param corruptEvery corrupt every n-th line, 0 = never */
    public LineFaults(int dropEvery, int corruptEvery) {
        if (dropEvery < 0 || corruptEvery < 0) {
            throw new IllegalArgumentException("fault periods must be >= 0");
        }
        this.dropEvery = dropEvery;
        this.corruptEvery = corruptEvery;
    }

    /** @return a line that never fails */
    public static LineFaults none() {
        return new LineFaults(0, 0);
    }

    /** @return the line as it arrives, or {@code null} if it is lost */
    public synchronized String pass(String line) {
        count++;
        if (dropEvery > 0 && count % dropEvery == 0) {
            dropped++;
            return null;
        }
        if (corruptEvery > 0 && count % corruptEvery == 0 && line.length() > 10) {
            corrupted++;
            int at = line.length() / 2;
            char c = line.charAt(at);
            return line.substring(0, at) + (c == 'A' ? 'B' : 'A') + line.substring(at + 1);
        }
        return line;
    }

    /** @return lines seen, dropped and corrupted */
    public synchronized long[] counts() {
        return new long[] {count, dropped, corrupted};
    }
}
