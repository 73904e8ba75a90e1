package cn.taihang.hardware.spi;

import java.util.Objects;
import java.util.concurrent.ThreadFactory;

/**
 * Named daemon threads for hardware implementations (edge delivery, pulse timers, serial readers), so that a thread
 * dump says whose thread it is and a stopping framework never waits for one. The gateway's bundles have their own in
 * the gateway API ({@code cn.taihang.gateway.api.worker}); hardware bundles may not depend on it.
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
