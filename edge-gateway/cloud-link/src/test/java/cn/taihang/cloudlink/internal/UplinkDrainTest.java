package cn.taihang.cloudlink.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.gateway.api.HealthReport;
import cn.taihang.gateway.api.Priority;
import cn.taihang.wire.LifecycleCodec;
import cn.taihang.wire.Topics;
import cn.taihang.wire.BatchCodec;
import cn.taihang.wire.Ack;
import cn.taihang.wire.RecordFrame;
import cn.taihang.wire.records.RecordKinds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Draining the real store over a real broker to a test bridge. */
@Tag("loopback")
class UplinkDrainTest extends LoopbackFixture {

    @Test
    void drainsByClassThenSequenceAndDeletesOnlyOnTheBridgesAck() throws Exception {
        bridge.state(true);
        bridge.autoAck = false;
        List<long[]> published = new ArrayList<>();
        Priority[] order = {Priority.BULK, Priority.NORMAL, Priority.CRITICAL, Priority.HIGH};
        for (int i = 0; i < 12; i++) {
            Priority p = order[i % order.length];
            published.add(new long[] {p.code(), publish(p, i)});
        }
        Uplink uplink = uplink(settings(broker.url()));

        await().atMost(10, TimeUnit.SECONDS).until(() -> bridge.received.size() == 12);
        List<Long> expected = published.stream().sorted(Comparator.<long[]>comparingLong(r -> r[0]).thenComparingLong(r -> r[1]))
                .map(r -> r[1]).toList();
        assertThat(bridge.receivedSeqs()).containsExactlyElementsOf(expected);
        assertThat(bridge.received).allMatch(RecordFrame::historical);
        assertThat(backlog()).as("nothing is deleted before the bridge acknowledges").isEqualTo(12);
        assertThat(store.queue().inFlight()).isEqualTo(12);

        bridge.ackOutstanding();
        await().atMost(10, TimeUnit.SECONDS).until(() -> backlog() == 0);
        assertThat(uplink.stats().recordsAcked.get()).isEqualTo(12);
        assertThat(uplink.health().status()).isEqualTo(HealthReport.Status.UP);

        bridge.autoAck = true;
        long live = publish(Priority.HIGH, 99);
        await().atMost(10, TimeUnit.SECONDS).until(() -> backlog() == 0 && bridge.receivedSeqs().contains(live));
        assertThat(bridge.received.get(bridge.received.size() - 1).historical()).isFalse();
    }

    @Test
    void manyRecordsFlowThroughTheWindowAndAreAllDeleted() throws Exception {
        bridge.state(true);
        for (int i = 0; i < 1200; i++) {
            store.outbox().publish(new cn.taihang.gateway.api.OutboundRecord("post-zw-03/lane-1", RecordKinds.COUNTER_INTERVAL, Priority.NORMAL,
                    java.time.Instant.now(), List.of(cn.taihang.gateway.api.Measurement.number("n", "count", i))));
        }
        await().atMost(10, TimeUnit.SECONDS).until(() -> backlog() == 1200);
        Uplink uplink = uplink(settings(broker.url()).withWindow(100, 25));

        await().atMost(30, TimeUnit.SECONDS).until(() -> backlog() == 0);
        assertThat(bridge.receivedSeqs()).doesNotHaveDuplicates().hasSize(1200).isSorted();
        assertThat(uplink.stats().batchesSent.get()).isGreaterThanOrEqualTo(1200 / 25);
    }

    @Test
    void holdsTheDrainWhileTheBridgeIsOfflineAndResumesWhenOnline() throws Exception {
        bridge.state(false);
        long seq = publish(Priority.CRITICAL, 1);
        Uplink uplink = uplink(settings(broker.url()));

        await().atMost(10, TimeUnit.SECONDS).until(() -> uplink.stats().drainHeld.get() > 0);
        assertThat(uplink.health().status()).isEqualTo(HealthReport.Status.DEGRADED);
        assertThat(uplink.health().summary()).contains("offline");
        publish(Priority.CRITICAL, 2);
        bridge.publish(Topics.command(SITE, GATEWAY, "rebirth"), keys.command("rebirth", GATEWAY, new byte[0]), false);
        await().atMost(10, TimeUnit.SECONDS).until(() -> bridge.births.size() == 2);
        assertThat(bridge.received).as("no data while the bridge is offline").isEmpty();
        assertThat(bridge.births.get(1).bdSeq()).as("a rebirth keeps the bdSeq").isEqualTo(bridge.births.get(0).bdSeq());

        bridge.state(true);
        await().atMost(10, TimeUnit.SECONDS).until(() -> backlog() == 0);
        assertThat(bridge.receivedSeqs()).contains(seq);
        assertThat(bridge.recordsOfKind("counter.interval")).hasSize(2);
        assertThat(bridge.recordsOfKind(RecordKinds.COMMAND_RESULT)).as("the signed rebirth's result").singleElement().asString().contains("booleanValue=true");
        assertThat(uplink.health().status()).isEqualTo(HealthReport.Status.UP);
    }

    @Test
    void anAcknowledgementOfAnotherRunDeletesNothingAndOneOfItsOwnRunDoes() throws Exception {
        bridge.state(true);
        bridge.autoAck = false;
        long a = publish(Priority.CRITICAL, 1);
        long b = publish(Priority.CRITICAL, 2);
        Uplink uplink = uplink(settings(broker.url()).withTimings(50, 500, 0, Duration.ofMinutes(10)));
        await().atMost(10, TimeUnit.SECONDS).until(() -> bridge.received.size() == 2);
        long run = bridge.lastRun;
        assertThat(run).as("version-2 batches carry the uplink's run").isNotZero();
        assertThat(bridge.received).extracting(RecordFrame::seq).containsExactly(a, b);

        long clonesRun = run == -1 ? 1 : run + 1;
        bridge.sendRawAck(new BatchCodec().encodeAck(new Ack(clonesRun, new long[] {a, b})));
        await().atMost(10, TimeUnit.SECONDS).until(() -> Long.valueOf(1).equals(uplink.health().details().get("foreignAcks")));
        assertThat(backlog()).as("a clone's acknowledgement deletes nothing of this store").isEqualTo(2);

        bridge.sendRawAck(new BatchCodec().encodeAck(new Ack(run, new long[] {a, b})));
        await().atMost(10, TimeUnit.SECONDS).until(() -> backlog() == 0);
    }

    @Test
    void aBridgeBackOnlineGetsWhatItHadNotAcknowledgedAtOnceNotAfterTheAckTimeout() throws Exception {
        bridge.state(true);
        bridge.autoAck = false;
        long a = publish(Priority.CRITICAL, 1);
        long b = publish(Priority.NORMAL, 2);
        Uplink uplink = uplink(settings(broker.url()).withTimings(50, 500, 0, Duration.ofMinutes(10)));
        await().atMost(10, TimeUnit.SECONDS).until(() -> bridge.received.size() == 2);

        bridge.state(false);
        await().atMost(10, TimeUnit.SECONDS).until(() -> uplink.health().status() == HealthReport.Status.DEGRADED);
        bridge.autoAck = true;
        bridge.state(true);
        await().atMost(10, TimeUnit.SECONDS).until(() -> backlog() == 0);
        assertThat(bridge.receivedSeqs()).containsExactly(a, b, a, b);
        assertThat(uplink.health().details()).containsEntry("resentAfterBridgeRestart", 2L).containsEntry("ackTimeouts", 0L);
        assertThat((Long) uplink.health().details().get("bytesSent")).isGreaterThan(4L * 20);
    }

    @Test
    void aBridgeReconnectingWithANewSessionGetsWhatItHadNotAcknowledgedAndTheSameSessionDoesNot() throws Exception {
        bridge.state(true, 1_000);
        bridge.autoAck = false;
        long a = publish(Priority.HIGH, 1);
        Uplink uplink = uplink(settings(broker.url()).withTimings(50, 500, 0, Duration.ofMinutes(10)));
        await().atMost(10, TimeUnit.SECONDS).until(() -> bridge.received.size() == 1);

        bridge.state(true, 1_000);
        long b = publish(Priority.HIGH, 2);
        await().atMost(10, TimeUnit.SECONDS).until(() -> bridge.received.size() == 2);
        assertThat(bridge.receivedSeqs()).as("the same session again: nothing resent").containsExactly(a, b);

        bridge.autoAck = true;
        bridge.state(true, 2_000);
        await().atMost(10, TimeUnit.SECONDS).until(() -> backlog() == 0);
        assertThat(bridge.receivedSeqs()).containsExactly(a, b, a, b);
        assertThat(uplink.health().details()).containsEntry("resentAfterBridgeRestart", 2L);
    }

    @Test
    void malformedAcksAreIgnoredAndCounted() throws Exception {
        bridge.state(true);
        CommandDispatcher commands = commands();
        Uplink uplink = uplink(settings(broker.url()), commands);
        await().atMost(10, TimeUnit.SECONDS).until(() -> bridge.births.size() == 1);
        byte[] valid = new BatchCodec().encodeAck(new cn.taihang.wire.Ack(new long[] {1, 2, 3}));
        bridge.sendRawAck(new byte[] {(byte) 0xff, 0x00, 0x13});
        bridge.sendRawAck(Arrays.copyOf(valid, valid.length - 2));
        bridge.sendRawAck(new byte[0]);
        bridge.sendRawAck(new byte[70_000]);
        bridge.command("reboot-now");

        await().atMost(10, TimeUnit.SECONDS).until(() -> uplink.stats().malformedAcks.get() == 4);
        await().atMost(10, TimeUnit.SECONDS).until(() -> commands.malformed() == 1);
        long seq = publish(Priority.HIGH, 5);
        await().atMost(10, TimeUnit.SECONDS).until(() -> backlog() == 0);
        assertThat(bridge.receivedSeqs()).containsExactly(seq);
        assertThat(uplink.health().status()).isEqualTo(HealthReport.Status.UP);
        assertThat(uplink.health().details()).containsEntry("malformedAcks", 4L);
    }

    @Test
    void recordsNotAcknowledgedInTimeAreSentAgain() throws Exception {
        bridge.state(true);
        bridge.autoAck = false;
        long seq = publish(Priority.HIGH, 1);
        Uplink uplink = uplink(settings(broker.url()).withTimings(50, 500, 0, Duration.ofSeconds(1)));

        await().atMost(15, TimeUnit.SECONDS).until(() -> bridge.receivedSeqs().stream().filter(s -> s == seq).count() >= 2);
        assertThat(uplink.stats().ackTimeouts.get()).isPositive();
        bridge.ackOutstanding();
        await().atMost(10, TimeUnit.SECONDS).until(() -> backlog() == 0);
    }
}
