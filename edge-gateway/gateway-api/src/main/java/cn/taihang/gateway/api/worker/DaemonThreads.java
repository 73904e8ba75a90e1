package cn.taihang.gateway.api.worker;

import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named daemon threads for the gateway's bundles, so that a thread dump says whose thread it is and a
 * stopping framework never waits for one. A bundle that drives a device uses a {@link DeviceWorker}; this is
 * for the other threads (a store's writer, a socket's reader, a pool).
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /**
     * @param name the name of every thread it makes, never {@code null}
     * @return a factory of unstarted daemon threads of that name
     */
    public static ThreadFactory named(String name) {
        Objects.requireNonNull(name, "name");
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * @param prefix the name's start, never {@code null}
     * @return a factory of unstarted daemon threads named {@code prefix-1}, {@code prefix-2}, … (for pools)
     */
    public static ThreadFactory numbered(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        AtomicInteger next = new AtomicInteger();
        return task -> named(prefix + "-" + next.incrementAndGet()).newThread(task);
    }

    /**
     * Starts one daemon thread.
     *
     * @param name its name, never {@code null}
     * @param body what it runs, never {@code null}
     * @return the started thread
     */
    public static Thread start(String name, Runnable body) {
        Thread thread = named(name).newThread(Objects.requireNonNull(body, "body"));
        thread.start();
        return thread;
    }
}
