package cn.taihang.gateway.api.worker;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread of a device: its events (scanner lines, input edges, commands), its deadlines and its periodic
 * work all run here, one after another, so the device's state needs no locks. A task that fails is logged once
 * (with its stack trace; later failures are only counted) and the worker goes on with the next one. {@link #close()}
 * lets the task in progress finish, drops what is still waiting, and waits at most {@link #STOP_WAIT}.
 *
 * <p>Thread-safe: any thread may hand it work.
 */
public final class DeviceWorker implements AutoCloseable {

    /** How long {@link #close()} waits for the task in progress. */
    public static final Duration STOP_WAIT = Duration.ofSeconds(3);

    private static final Logger LOG = LoggerFactory.getLogger(DeviceWorker.class);

    private final String subject;
    private final ScheduledThreadPoolExecutor executor;
    private final AtomicLong failures = new AtomicLong();
    private volatile Thread thread;

    /**
     * Makes the worker; its thread starts with the first task.
     *
     * @param threadName the thread's name, e.g. {@code gate-wml-gate-1}, never {@code null}
     * @param subject the device as the log names it, e.g. {@code ticket gate wml-gate-1}, never {@code null}
     */
    public DeviceWorker(String threadName, String subject) {
        this.subject = Objects.requireNonNull(subject, "subject");
        ThreadFactory threads = DaemonThreads.named(threadName);
        this.executor = new ScheduledThreadPoolExecutor(1, task -> {
            thread = threads.newThread(task);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    }

    /**
     * Runs a task on the worker, after those handed over before it. A failure is logged once and counted.
     *
     * @param task the task, never {@code null}
     * @return {@code false} if the worker is closed: the task is dropped (late events of a stopping device)
     */
    public boolean execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        try {
            executor.execute(() -> guarded(task));
            return true;
        } catch (RejectedExecutionException closed) {
            return false;
        }
    }

    /**
     * Runs a task on the worker for its result.
     *
     * @param task the task, never {@code null}
     * @return its future: the result, or an {@link java.util.concurrent.ExecutionException} carrying what the task
     *     threw (not logged: the caller has it); {@code cancel(false)} succeeds only while the task has not started
     * @throws RejectedExecutionException if the worker is closed
     */
    public <T> Future<T> submit(Callable<T> task) {
        return executor.submit(Objects.requireNonNull(task, "task"));
    }

    /**
     * Runs a task on the worker once, after a delay. A failure is logged once and counted.
     *
     * @param task the task, never {@code null}
     * @param delay from now; zero or negative runs it as soon as the worker is free
     * @return its handle, to cancel it
     * @throws RejectedExecutionException if the worker is closed
     */
    public ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        Objects.requireNonNull(task, "task");
        return executor.schedule(() -> guarded(task), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Runs a task on the worker at a fixed rate until the worker closes or the handle is cancelled. A failure is
     * logged once and counted, and does not end the repetition.
     *
     * @param task the task, never {@code null}
     * @param initialDelay before the first run
     * @param period between the starts of two runs, more than zero
     * @return its handle
     * @throws RejectedExecutionException if the worker is closed
     */
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Duration initialDelay, Duration period) {
        Objects.requireNonNull(task, "task");
        return executor.scheduleAtFixedRate(() -> guarded(task), initialDelay.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Runs a task on the worker repeatedly with a fixed pause between the end of one run and the start of the next,
     * until the worker closes or the handle is cancelled. A failure is logged once and counted, and does not end the
     * repetition.
     *
     * @param task the task, never {@code null}
     * @param initialDelay before the first run
     * @param pause between two runs, more than zero
     * @return its handle
     * @throws RejectedExecutionException if the worker is closed
     */
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Duration initialDelay, Duration pause) {
        Objects.requireNonNull(task, "task");
        return executor.scheduleWithFixedDelay(() -> guarded(task), initialDelay.toNanos(), pause.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** @return how many guarded tasks have failed so far */
    public long failures() {
        return failures.get();
    }

    /**
     * Stops the worker: new work is refused (see each method), delayed and periodic tasks are dropped, the tasks
     * already handed over run to their end within {@link #STOP_WAIT}; after that the thread is interrupted and a
     * warning logged. Idempotent; returns at once when called on the worker itself.
     */
    @Override
    public void close() {
        executor.shutdown();
        if (Thread.currentThread() == thread) {
            return;
        }
        try {
            if (executor.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
            LOG.warn("{}: its worker thread did not stop within {} s and was interrupted", subject, STOP_WAIT.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
    }

    private void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | LinkageError e) {
            if (failures.getAndIncrement() == 0) {
                LOG.error("{}: internal error, it goes on (further ones are only counted); please report it", subject, e);
            }
        }
    }
}
