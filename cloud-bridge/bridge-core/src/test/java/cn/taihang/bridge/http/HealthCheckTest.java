package cn.taihang.bridge.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Readiness from memory: a slow database never makes the endpoint wait, only a failed or timed-out check makes it DOWN. */
@Tag("unit")
class HealthCheckTest {

    private final Vertx vertx = Vertx.vertx();
    private final Deque<Promise<Void>> pings = new ArrayDeque<>();
    private final AtomicInteger asked = new AtomicInteger();
    private final AtomicBoolean mqtt = new AtomicBoolean(true);
    private final AtomicLong lastCommit = new AtomicLong();

    @AfterEach
    void close() {
        vertx.close().await();
    }

    private HealthCheck check() {
        return new HealthCheck(vertx, 10, 2000, () -> {
            asked.incrementAndGet();
            Promise<Void> p = Promise.promise();
            synchronized (pings) {
                pings.add(p);
            }
            return p.future();
        }, lastCommit::get, mqtt::get, "tcp://127.0.0.1:1883", true);
    }

    private void answer(boolean ok) {
        await().until(() -> {
            synchronized (pings) {
                return !pings.isEmpty();
            }
        });
        Promise<Void> p;
        synchronized (pings) {
            p = pings.poll();
        }
        if (ok) {
            p.complete();
        } else {
            p.fail("database gone");
        }
    }

    @Test
    void answersFromTheLatestCheckWhileTheNextOneIsStillWaiting() {
        HealthCheck health = check();
        Future<Void> started = health.start();
        assertThat(started.isComplete()).as("the first check has not answered").isFalse();
        answer(true);
        await().until(started::isComplete);
        assertThat(health.ready().up()).isTrue();
        await().until(() -> asked.get() == 2);
        assertThat(health.ready().up()).as("a check still waiting (a busy writer) leaves the last answer").isTrue();
        await().until(() -> !health.ready().database());
        assertThat(health.ready().up()).as("a check unanswered past its timeout is DOWN").isFalse();
        answer(false);
        answer(true);
        await().until(() -> health.ready().up());
        mqtt.set(false);
        assertThat(health.ready().up()).as("MQTT is read as it is now").isFalse();
        assertThat(health.ready().mqtt()).isFalse();
        health.stop();
    }

    @Test
    void aCheckQueuedBehindCommittingIngestIsBusyNotDown() {
        HealthCheck health = check();
        Future<Void> started = health.start();
        answer(true);
        await().until(started::isComplete);
        await().until(() -> asked.get() == 2);
        lastCommit.set(System.nanoTime());
        await().until(() -> asked.get() == 3);
        assertThat(health.ready().database()).as("the second check timed out, but a batch was committed meanwhile").isTrue();
        health.stop();
    }

    @Test
    void aFailedCheckIsDownAtOnceAndAnotherFollows() {
        HealthCheck health = check();
        Future<Void> started = health.start();
        answer(false);
        await().until(started::isComplete);
        assertThat(health.ready().database()).isFalse();
        answer(true);
        await().until(() -> health.ready().database());
        health.stop();
    }
}
