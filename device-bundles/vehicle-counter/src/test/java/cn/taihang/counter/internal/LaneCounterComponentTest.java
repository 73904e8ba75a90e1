package cn.taihang.counter.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.taihang.counter.domain.Loop;
import cn.taihang.counter.domain.LoopEdge;
import cn.taihang.counter.domain.VehicleTimeline;
import cn.taihang.gateway.api.ChannelStatus;
import cn.taihang.gateway.api.Measurement;
import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.gateway.api.OutboxException;
import cn.taihang.gateway.api.Priority;
import cn.taihang.testkit.config.Configs;
import cn.taihang.testkit.gateway.FakeOutbox;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

@Tag("unit")
class LaneCounterComponentTest {

    private static final long T0 = 1_700_000_040_000_000L;
    private static final long S = 1_000_000;
    private static final int PIN_A = 17;
    private static final int PIN_B = 27;

    private final FakeGpio gpio = new FakeGpio();
    private final FakeOutbox outbox = new FakeOutbox();
    private final AtomicLong clock = new AtomicLong(T0 + 10 * S);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger internalLogger = (Logger) LoggerFactory.getLogger("cn.taihang.counter.internal");
    private final List<LaneCounterComponent> started = new ArrayList<>();

    @BeforeEach
    void captureLog() {
        log.start();
        internalLogger.addAppender(log);
    }

    @AfterEach
    void stop() {
        started.forEach(LaneCounterComponent::deactivate);
        internalLogger.detachAppender(log);
    }

    private static Map<String, Object> lane(Object... keyValues) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("service.pid", "cn.taihang.counter.lane~test");
        properties.put("device", "post-zw-03-l1");
        properties.put("loopAPin", PIN_A);
        properties.put("loopBPin", PIN_B);
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] == null) {
                properties.remove((String) keyValues[i]);
            } else {
                properties.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return properties;
    }

    private LaneCounterComponent start(Map<String, Object> properties) {
        LaneCounterComponent component = new LaneCounterComponent(gpio, outbox, Configs.of(LaneConfiguration.class, properties), properties,
                clock::get, Duration.ofMillis(5));
        started.add(component);
        return component;
    }

    private void drive(VehicleTimeline timeline, boolean activeHigh) {
        for (LoopEdge edge : timeline.edges()) {
            gpio.fire(edge.loop() == Loop.A ? PIN_A : PIN_B, edge.occupied() == activeHigh, edge.timestampMicros());
        }
    }

    private List<ILoggingEvent> logged(Level level) {
        return log.list.stream().filter(e -> e.getLevel() == level).toList();
    }

    private static Map<String, Measurement> measurements(OutboundRecord record) {
        return IntervalRecordsTest.byName(record);
    }

    private static ChannelStatus channel(LaneCounterComponent component, String name) {
        return component.channels().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aVehicleOnTheLoopsEndsUpInTheIntervalRecord() {
        start(lane());
        assertThat(gpio.owner(PIN_A)).isEqualTo("counter post-zw-03-l1 loop A");
        assertThat(gpio.owner(PIN_B)).isEqualTo("counter post-zw-03-l1 loop B");
        drive(new VehicleTimeline(2.0, 4.0, true).pass(T0 + 20 * S, 4.5, 20.0), true);
        clock.set(T0 + 65 * S);

        await().atMost(Duration.ofSeconds(5)).until(() -> !outbox.records().isEmpty());
        OutboundRecord record = outbox.records().get(0);
        assertThat(record.device()).isEqualTo("post-zw-03-l1");
        assertThat(record.kind()).isEqualTo("counter.interval");
        assertThat(record.priority()).isEqualTo(Priority.NORMAL);
        assertThat(record.time()).isEqualTo(Instant.ofEpochSecond(1_700_000_040L));
        Map<String, Measurement> values = measurements(record);
        assertThat(values.get("interval").number()).isEqualTo(60.0);
        assertThat(values.get("count").number()).isEqualTo(1.0);
        assertThat(values.get("count/short").number()).isEqualTo(1.0);
        assertThat(values.get("count/motorcycle").number()).isZero();
        assertThat(values.get("count/unclassified").number()).isZero();
        assertThat(values.get("count/wrong-way").number()).isZero();
        assertThat(values.get("speed/mean")).isEqualTo(Measurement.number("speed/mean", "m/s", 20.0));
        assertThat(values.get("occupancy").number()).isEqualTo(0.65, org.assertj.core.api.Assertions.within(0.01));
        assertThat(values.get("partial")).as("started 10 s into the interval").isEqualTo(Measurement.flag("partial", true));
        assertThat(values).doesNotContainKey("late");
        assertThat(outbox.records()).hasSize(1);
    }

    @Test
    void emptyIntervalsArePublishedToo() {
        start(lane());
        clock.set(T0 + 185 * S);
        await().atMost(Duration.ofSeconds(5)).until(() -> outbox.records().size() == 3);
        assertThat(outbox.records()).extracting(r -> measurements(r).get("count").number()).containsExactly(0.0, 0.0, 0.0);
        assertThat(outbox.records()).extracting(OutboundRecord::time).containsExactly(Instant.ofEpochSecond(1_700_000_040L),
                Instant.ofEpochSecond(1_700_000_100L), Instant.ofEpochSecond(1_700_000_160L));
    }

    @Test
    void activeLowDetectorsAreInverted() {
        gpio.level(PIN_A, true);
        gpio.level(PIN_B, true);
        LaneCounterComponent component = start(lane("activeHigh", false));
        assertThat(channel(component, "loop-a").value()).isEqualTo("free");
        drive(new VehicleTimeline(2.0, 4.0, true).pass(T0 + 20 * S, 12.0, 10.0), false);
        clock.set(T0 + 65 * S);
        await().atMost(Duration.ofSeconds(5)).until(() -> !outbox.records().isEmpty());
        assertThat(measurements(outbox.records().get(0)).get("count/long").number()).isEqualTo(1.0);
    }

    @Test
    void aSingleLoopLaneOpensOneInputAndPublishesCountsOnly() {
        LaneCounterComponent component = start(lane("loopBPin", null));
        assertThat(gpio.isOpen(PIN_A)).isTrue();
        assertThat(gpio.isOpen(PIN_B)).isFalse();
        assertThat(component.channels()).extracting(ChannelStatus::name).containsExactly("loop-a", "counts");
        drive(new VehicleTimeline(2.0, 4.0, false).pass(T0 + 20 * S, 4.5, 20.0), true);
        clock.set(T0 + 65 * S);
        await().atMost(Duration.ofSeconds(5)).until(() -> !outbox.records().isEmpty());
        assertThat(outbox.records().get(0).measurements()).extracting(Measurement::name)
                .containsExactly("interval", "count", "occupancy", "partial");
    }

    @Test
    void aPinHeldByAnotherLaneFailsActivationAndReleasesLoopA() {
        gpio.holdElsewhere(PIN_B, "counter post-zw-03-l2 loop A");
        assertThatThrownBy(() -> start(lane())).isInstanceOf(IllegalStateException.class)
                .hasMessage("vehicle counter lane post-zw-03-l1 not started: GPIO 27 is held by counter post-zw-03-l2 loop A. "
                        + "Give each lane its own GPIO pins (loopAPin, loopBPin) and make sure no other device uses them");
        assertThat(gpio.isOpen(PIN_A)).isFalse();
        assertThat(logged(Level.ERROR)).singleElement().extracting(ILoggingEvent::getFormattedMessage)
                .asString().contains("post-zw-03-l1", "GPIO 27", "Give each lane its own GPIO pins");
    }

    @Test
    void aDriverThrowingOnLoopBAlsoReleasesLoopA() {
        gpio.breakPin(PIN_B, new IllegalStateException("gpiochip0 gone"));
        assertThatThrownBy(() -> start(lane())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gpiochip0 gone").hasMessageContaining("save the configuration again to retry");
        assertThat(gpio.isOpen(PIN_A)).isFalse();
        assertThat(logged(Level.ERROR)).hasSize(1);
    }

    @Test
    void aBadConfigFailsActivationWithOneLineNamingTheLaneTheProblemAndTheFix() {
        assertThatThrownBy(() -> start(lane("loopBPin", PIN_A))).isInstanceOf(IllegalStateException.class);
        assertThat(gpio.isOpen(PIN_A)).isFalse();
        assertThat(logged(Level.ERROR)).singleElement().extracting(ILoggingEvent::getFormattedMessage)
                .isEqualTo("vehicle counter lane post-zw-03-l1 not started: loopAPin and loopBPin are both GPIO 17: wire "
                        + "loop B to its own input and set loopBPin to it, or set loopBPin to -1 for a single-loop lane");
    }

    @Test
    void badBoundariesAndIntervalsAreReportedTheSameWay() {
        assertThatThrownBy(() -> start(lane("classBoundariesMeters", new double[] {2.5, 9, 5.6, 13})))
                .hasMessageContaining("classBoundariesMeters must be at least 0.1 and strictly ascending");
        assertThatThrownBy(() -> start(lane("intervalSeconds", 70)))
                .hasMessageContaining("intervalSeconds must divide an hour");
        assertThat(logged(Level.ERROR)).hasSize(2);
    }

    @Test
    void missingRequiredSettingsAreNamed() {
        assertThatThrownBy(() -> start(lane("device", null))).hasMessage("vehicle counter lane cn.taihang.counter.lane~test "
                + "not started: device is not set: give the lane a unique device id such as post-zw-03-l1");
        assertThatThrownBy(() -> start(lane("loopAPin", null))).hasMessage("vehicle counter lane post-zw-03-l1 not started: "
                + "loopAPin is not set: set the GPIO number that loop A's detector output is wired to");
    }

    @Test
    void outboxRefusalsAreCountedAndLoggedOncePerReason() {
        outbox.refuse(OutboxException.Reason.FULL);
        LaneCounterComponent component = start(lane());
        clock.set(T0 + 245 * S);
        await().atMost(Duration.ofSeconds(5)).until(() -> component.publishFailures() == 4);
        assertThat(logged(Level.WARN)).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                .contains("post-zw-03-l1", "FULL: the fake outbox refuses with FULL", "Check the gateway store");
        ChannelStatus counts = channel(component, "counts");
        assertThat(counts.state()).isEqualTo(ChannelStatus.State.DEGRADED);
        assertThat(counts.detail()).startsWith("4 interval records refused by the outbox");

        outbox.refuse(null);
        clock.set(T0 + 305 * S);
        await().atMost(Duration.ofSeconds(5)).until(() -> outbox.records().size() == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> channel(component, "counts").state() == ChannelStatus.State.OK);
        assertThat(log.list).anyMatch(e -> e.getFormattedMessage().contains("being stored again"));
    }

    @Test
    void anOutboxThatThrowsDoesNotStopCounting() {
        outbox.throwOnPublish(new IllegalStateException("store closed"));
        LaneCounterComponent component = start(lane());
        clock.set(T0 + 125 * S);
        await().atMost(Duration.ofSeconds(5)).until(() -> component.publishFailures() == 2);
        outbox.throwOnPublish(null);
        clock.set(T0 + 185 * S);
        await().atMost(Duration.ofSeconds(5)).until(() -> outbox.records().size() == 1);
        assertThat(logged(Level.WARN)).hasSize(1);
    }

    @Test
    void channelsShowLoopLevelsTheCurrentCountAndAStuckLoop() {
        LaneCounterComponent component = start(lane("maxOccupiedSeconds", 1));
        assertThat(component.id()).isEqualTo("post-zw-03-l1");
        assertThat(component.kind()).isEqualTo("vehicle-counter");
        assertThat(component.description()).isEqualTo("车辆计数 post-zw-03-l1 / vehicle counter post-zw-03-l1");
        assertThat(component.channels()).containsExactly(
                new ChannelStatus("loop-a", ChannelStatus.State.OK, "free", ""),
                new ChannelStatus("loop-b", ChannelStatus.State.OK, "free", ""),
                new ChannelStatus("counts", ChannelStatus.State.OK, "0 veh", ""));

        drive(new VehicleTimeline(2.0, 4.0, true).pass(T0 + 20 * S, 4.5, 20.0), true);
        clock.set(T0 + 21 * S);
        await().atMost(Duration.ofSeconds(5)).until(() -> channel(component, "counts").value().equals("1 veh"));

        gpio.fire(PIN_A, true, T0 + 30 * S);
        clock.set(T0 + 30_500_000L);
        await().atMost(Duration.ofSeconds(5)).until(() -> channel(component, "loop-a").value().equals("occupied"));
        assertThat(channel(component, "loop-a").state()).isEqualTo(ChannelStatus.State.OK);
        clock.set(T0 + 32 * S);
        await().atMost(Duration.ofSeconds(5)).until(() -> channel(component, "loop-a").state() == ChannelStatus.State.FAULT);
        assertThat(channel(component, "loop-a").detail()).contains("GPIO 17", "more than 1 s", "check the detector card");

        gpio.fire(PIN_A, false, T0 + 33 * S);
        clock.set(T0 + 34 * S);
        await().atMost(Duration.ofSeconds(5)).until(() -> channel(component, "loop-a").state() == ChannelStatus.State.OK);
    }

    @Test
    void aLoopAlreadyOccupiedAtStartIsSeen() {
        gpio.level(PIN_B, true);
        LaneCounterComponent component = start(lane("maxOccupiedSeconds", 1));
        await().atMost(Duration.ofSeconds(5)).until(() -> channel(component, "loop-b").value().equals("occupied"));
        clock.addAndGet(2 * S);
        await().atMost(Duration.ofSeconds(5)).until(() -> channel(component, "loop-b").state() == ChannelStatus.State.FAULT);
    }

    @Test
    void aConfiguredDescriptionIsShown() {
        String text = "浙水—王莽岭 北向 1 车道 / Zheshui–Wangmangling northbound lane 1";
        assertThat(start(lane("description", text)).description()).isEqualTo(text);
    }

    @Test
    void deactivationPublishesThePartialIntervalReleasesThePinsAndStopsTheThread() {
        LaneCounterComponent component = start(lane());
        started.remove(component);
        drive(new VehicleTimeline(2.0, 4.0, true).pass(T0 + 20 * S, 4.5, 20.0), true);
        clock.set(T0 + 30 * S);
        await().atMost(Duration.ofSeconds(5)).until(() -> channel(component, "counts").value().equals("1 veh"));

        component.deactivate();

        assertThat(gpio.isOpen(PIN_A)).isFalse();
        assertThat(gpio.isOpen(PIN_B)).isFalse();
        assertThat(outbox.records()).singleElement().satisfies(record -> {
            assertThat(measurements(record).get("count").number()).isEqualTo(1.0);
            assertThat(measurements(record).get("partial").flag()).isTrue();
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("counter-post-zw-03-l1")));
    }
}
