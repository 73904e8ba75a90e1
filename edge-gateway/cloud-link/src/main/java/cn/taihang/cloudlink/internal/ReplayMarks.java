package cn.taihang.cloudlink.internal;

import java.util.Optional;

/**
 * The last command a gateway accepted per command name (fleet and own topics apart), kept across restarts: what makes
 * an older command a replay. A port: the gateway's {@code LocalLedger} in the framework, memory for the embedded uplink.
 */
interface ReplayMarks {

    /**
     * @param id the command's id
     * @param digest SHA-256 of its envelope, so that the very same bytes redelivered (a retained command) are known
     */
    record Mark(long id, byte[] digest) {}

    /**
     * @param key {@code fleet/<name>} or {@code <name>}
     * @return the last accepted command of that key
     * @throws IllegalStateException if the marks cannot be read (the command is then not applied)
     */
    Optional<Mark> last(String key);

    /**
     * Records a command as the last accepted of its key, durably before returning.
     *
     * @throws IllegalStateException if it cannot be stored
     */
    void record(String key, Mark mark);
}
