package cn.taihang.gateway.api.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class DeviceWorkerTest {

    private final DeviceWorker worker = new DeviceWorker("gate-test-1", "ticket gate test-1");

    @AfterEach
    void stop() {
        worker.close();
    }

    @Test
    void tasksRunInOrderOnOneNamedDaemonThread() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            worker.execute(() -> seen.add(n + "@" + Thread.currentThread().getName() + "/" + Thread.currentThread().isDaemon()));
        }
        assertThat(worker.submit(() -> seen.size()).get(5, TimeUnit.SECONDS)).isEqualTo(50);
        for (int i = 0; i < 50; i++) {
            assertThat(seen.get(i)).isEqualTo(i + "@gate-test-1/true");
        }
    }

    @Test
    void aFailingTaskIsCountedAndTheWorkerGoesOnEvenForAPeriodicTask() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        worker.execute(() -> {
            throw new IllegalStateException("first");
        });
        worker.scheduleWithFixedDelay(() -> {
            runs.incrementAndGet();
            throw new IllegalArgumentException("every time");
        }, Duration.ZERO, Duration.ofMillis(1));
        await().until(() -> runs.get() >= 3);
        assertThat(worker.failures()).isGreaterThanOrEqualTo(3);
        assertThat(worker.submit(() -> "still here").get(5, TimeUnit.SECONDS)).isEqualTo("still here");
    }

    @Test
    void aSubmittedTaskCarriesItsFailureInItsFuture() {
        Future<Object> future = worker.submit(() -> {
            throw new IllegalStateException("the device says no");
        });
        assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalStateException.class).hasRootCauseMessage("the device says no");
        assertThat(worker.failures()).isZero();
    }

    @Test
    void closeRunsWhatWasHandedOverDropsWhatWasDelayedAndRefusesNewWork() {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean queuedRan = new AtomicBoolean();
        AtomicBoolean delayedRan = new AtomicBoolean();
        worker.execute(() -> await().until(() -> release.getCount() == 0));
        worker.execute(() -> queuedRan.set(true));
        worker.schedule(() -> delayedRan.set(true), Duration.ofMinutes(1));
        Thread closer = DaemonThreads.start("closer", worker::close);
        await().until(() -> !worker.execute(() -> { }));
        release.countDown();
        await().until(() -> !closer.isAlive());
        assertThat(queuedRan).isTrue();
        assertThat(delayedRan).isFalse();
        assertThatThrownBy(() -> worker.submit(() -> 1)).isInstanceOf(RejectedExecutionException.class);
        assertThatThrownBy(() -> worker.schedule(() -> { }, Duration.ZERO)).isInstanceOf(RejectedExecutionException.class);
    }

    @Test
    void closeInterruptsATaskThatDoesNotEndWithinTheWait() {
        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        worker.execute(() -> {
            started.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        await().until(() -> started.getCount() == 0);
        worker.close();
        await().untilTrue(interrupted);
    }

    @Test
    void closeCalledOnTheWorkerItselfDoesNotWaitForItself() throws Exception {
        Future<String> future = worker.submit(() -> {
            worker.close();
            return "closed from inside";
        });
        assertThat(future.get(1, TimeUnit.SECONDS)).isEqualTo("closed from inside");
    }

    @Test
    void daemonThreadsAreNamedAndNumbered() throws Exception {
        Thread one = DaemonThreads.named("store-writer").newThread(() -> { });
        assertThat(one.getName()).isEqualTo("store-writer");
        assertThat(one.isDaemon()).isTrue();
        var pool = DaemonThreads.numbered("sensors");
        assertThat(pool.newThread(() -> { }).getName()).isEqualTo("sensors-1");
        assertThat(pool.newThread(() -> { }).getName()).isEqualTo("sensors-2");
        CountDownLatch ran = new CountDownLatch(1);
        Thread started = DaemonThreads.start("reader", ran::countDown);
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(started.isDaemon()).isTrue();
        assertThat(started.getName()).isEqualTo("reader");
    }
}
