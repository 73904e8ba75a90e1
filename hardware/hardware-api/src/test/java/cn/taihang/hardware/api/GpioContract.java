package cn.taihang.hardware.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Gpio} implementation shares. An implementation runs it by subclassing and
 * returning a {@link GpioRig} from {@link #openRig()}; the subclass carries the JUnit tag of its tier.
 * Pins are taken from the board profile (its lowest free pins), so the suite fits any board.
 */
public abstract class GpioContract {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private GpioRig rig;
    private Gpio gpio;
    private int[] freePins;

    /** @return a fresh implementation with its outside world; closed after each test */
    protected abstract GpioRig openRig() throws Exception;

    @BeforeEach
    void openTheRig() throws Exception {
        rig = openRig();
        gpio = rig.gpio();
        freePins = gpio.board().pins().values().stream().filter(p -> !p.reserved())
                .mapToInt(BoardProfile.GpioPin::gpio).sorted().toArray();
        assertThat(freePins).as("the board needs three free pins for this suite").hasSizeGreaterThanOrEqualTo(3);
    }

    @AfterEach
    void closeTheRig() throws Exception {
        rig.close();
    }

    private int pin(int index) {
        return freePins[index];
    }

    private DigitalInput openInput(int pin, String owner, EdgeListener listener) throws Exception {
        DigitalInput input = gpio.openInput(new InputSpec(pin, Pull.DOWN, owner), listener);
        rig.awaitInputReady(pin);
        return input;
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    @Test
    void edgesArriveInOrderWithTheirTimestamps() throws Exception {
        List<EdgeEvent> edges = new CopyOnWriteArrayList<>();
        openInput(pin(0), "counter lane-1 loop A", edges::add);
        List<OptionalLong> driven = new ArrayList<>();
        long before = nowMicros();
        for (int i = 0; i < 200; i++) {
            driven.add(rig.drive(pin(0), i % 2 == 0));
        }
        long after = nowMicros();

        await().atMost(WAIT).untilAsserted(() -> assertThat(edges).hasSize(200));
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < edges.size(); i++) {
            EdgeEvent edge = edges.get(i);
            assertThat(edge.pin()).isEqualTo(pin(0));
            assertThat(edge.high()).as("level of edge %d", i).isEqualTo(i % 2 == 0);
            assertThat(edge.timestampMicros()).as("timestamps never go back").isGreaterThanOrEqualTo(previous);
            OptionalLong expected = driven.get(i);
            if (expected.isPresent()) {
                assertThat(edge.timestampMicros()).as("timestamp of edge %d", i).isEqualTo(expected.getAsLong());
            } else {
                assertThat(edge.timestampMicros()).as("stamped while it was driven").isBetween(before, after);
            }
            previous = edge.timestampMicros();
        }
    }

    @Test
    void inputLevelFollowsTheWire() throws Exception {
        DigitalInput input = openInput(pin(0), "counter lane-1 loop A", e -> { });
        assertThat(input.pin()).isEqualTo(pin(0));
        assertThat(input.isHigh()).as("pulled down at rest").isFalse();

        rig.drive(pin(0), true);
        await().atMost(WAIT).until(input::isHigh);
        rig.drive(pin(0), false);
        await().atMost(WAIT).until(() -> !input.isHigh());
    }

    @Test
    void aHeldPinIsRefusedNamingItsOwner() throws Exception {
        openInput(pin(0), "counter lane-1 loop A", e -> { });

        assertThatThrownBy(() -> gpio.openOutput(new OutputSpec(pin(0), false, "gate-3 relay")))
                .isInstanceOfSatisfying(HardwareException.class,
                        e -> assertThat(e.reason()).isEqualTo(HardwareException.Reason.PIN_IN_USE))
                .hasMessageContaining("counter lane-1 loop A");
        assertThatThrownBy(() -> gpio.openInput(new InputSpec(pin(0), Pull.UP, "counter lane-2 loop A"), e -> { }))
                .isInstanceOfSatisfying(HardwareException.class,
                        e -> assertThat(e.reason()).isEqualTo(HardwareException.Reason.PIN_IN_USE))
                .hasMessageContaining("counter lane-1 loop A");
        assertThat(gpio.pins()).extracting(PinStatus::owner).containsExactly("counter lane-1 loop A");
    }

    @Test
    void reservedAndUnknownPinsAreRefused() {
        int reserved = gpio.board().pins().values().stream().filter(BoardProfile.GpioPin::reserved)
                .mapToInt(BoardProfile.GpioPin::gpio).findFirst().orElse(-1);
        assumeThat(reserved).as("the board has a reserved pin").isNotNegative();
        int unknown = gpio.board().pins().keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;

        assertRefused(() -> gpio.openInput(new InputSpec(reserved, Pull.NONE, "misconfigured"), e -> { }),
                HardwareException.Reason.RESERVED_PIN);
        assertRefused(() -> gpio.openOutput(new OutputSpec(reserved, false, "misconfigured")),
                HardwareException.Reason.RESERVED_PIN);
        assertRefused(() -> gpio.openInput(new InputSpec(unknown, Pull.NONE, "misconfigured"), e -> { }),
                HardwareException.Reason.NO_SUCH_PIN);
        assertRefused(() -> gpio.openOutput(new OutputSpec(unknown, false, "misconfigured")),
                HardwareException.Reason.NO_SUCH_PIN);
        assertThat(gpio.pins()).as("a refused request holds nothing").isEmpty();
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
            HardwareException.Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(HardwareException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.reason().temporary()).isFalse();
        });
    }

    @Test
    void closingReleasesThePin() throws Exception {
        DigitalInput input = openInput(pin(0), "counter lane-1 loop A", e -> { });
        input.close();
        input.close();
        assertThat(gpio.pins()).isEmpty();

        DigitalOutput output = gpio.openOutput(new OutputSpec(pin(0), false, "gate-1 relay"));
        assertThat(gpio.pins()).extracting(PinStatus::owner).containsExactly("gate-1 relay");
        output.close();
        output.close();

        List<EdgeEvent> edges = new CopyOnWriteArrayList<>();
        openInput(pin(0), "counter lane-1 loop B", edges::add);
        rig.drive(pin(0), true);
        await().atMost(WAIT).untilAsserted(() -> assertThat(edges).extracting(EdgeEvent::high).containsExactly(true));
    }

    @Test
    void outputFollowsSet() throws Exception {
        DigitalOutput output = gpio.openOutput(new OutputSpec(pin(1), false, "gate-1 relay"));
        assertThat(output.pin()).isEqualTo(pin(1));
        List<Boolean> seen = rig.watchOutput(pin(1));

        output.set(true);
        assertThat(output.isHigh()).isTrue();
        await().atMost(WAIT).until(() -> lastOf(seen), level -> level == Boolean.TRUE);
        output.set(false);
        assertThat(output.isHigh()).isFalse();
        await().atMost(WAIT).until(() -> lastOf(seen), level -> level == Boolean.FALSE);
    }

    @Test
    void outputStartsAtItsInitialLevel() throws Exception {
        DigitalOutput output = gpio.openOutput(new OutputSpec(pin(1), true, "lane-1 green LED"));
        List<Boolean> seen = rig.watchOutput(pin(1));

        assertThat(output.isHigh()).isTrue();
        await().atMost(WAIT).until(() -> lastOf(seen), level -> level == Boolean.TRUE);
    }

    @Test
    void pulseGoesHighThenLow() throws Exception {
        DigitalOutput output = gpio.openOutput(new OutputSpec(pin(1), false, "gate-1 relay"));
        List<Boolean> seen = rig.watchOutput(pin(1));

        output.pulse(Duration.ofMillis(50));
        await().atMost(WAIT).untilAsserted(() -> {
            int high = seen.indexOf(Boolean.TRUE);
            assertThat(high).as("went high").isNotNegative();
            assertThat(seen.subList(high, seen.size())).as("then low").contains(Boolean.FALSE);
        });
        await().atMost(WAIT).until(() -> !output.isHigh());
        assertThatThrownBy(() -> output.pulse(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aShortPulseDoesNotCutALongOneShort() throws Exception {
        DigitalOutput output = gpio.openOutput(new OutputSpec(pin(1), false, "gate-1 relay"));

        output.pulse(Duration.ofMinutes(1));
        output.pulse(Duration.ofMillis(20));
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(output::isHigh);
    }

    @Test
    void closingAnOutputDrivesItLow() throws Exception {
        DigitalOutput output = gpio.openOutput(new OutputSpec(pin(1), true, "gate-1 relay"));
        List<Boolean> seen = rig.watchOutput(pin(1));
        await().atMost(WAIT).until(() -> lastOf(seen), level -> level == Boolean.TRUE);

        output.close();
        await().atMost(WAIT).until(() -> lastOf(seen), level -> level == Boolean.FALSE);
        assertThat(gpio.pins()).isEmpty();
    }

    @Test
    void pinStatusDescribesEveryHeldPin() throws Exception {
        List<EdgeEvent> edges = new CopyOnWriteArrayList<>();
        openInput(pin(2), "counter lane-2 loop B", edges::add);
        DigitalOutput output = gpio.openOutput(new OutputSpec(pin(1), false, "gate-1 relay"));
        rig.drive(pin(2), true);
        rig.drive(pin(2), false);
        output.set(true);
        await().atMost(WAIT).untilAsserted(() -> assertThat(edges).hasSize(2));

        List<PinStatus> pins = gpio.pins();
        assertThat(pins).extracting(PinStatus::pin).containsExactly(pin(1), pin(2));
        PinStatus out = pins.get(0);
        assertThat(out.direction()).isEqualTo(PinStatus.Direction.OUTPUT);
        assertThat(out.owner()).isEqualTo("gate-1 relay");
        assertThat(out.high()).isTrue();
        assertThat(out.edges()).isEqualTo(1);
        assertThat(out.lastChangeMicros()).isPositive();
        PinStatus in = pins.get(1);
        assertThat(in.direction()).isEqualTo(PinStatus.Direction.INPUT);
        assertThat(in.owner()).isEqualTo("counter lane-2 loop B");
        assertThat(in.high()).isFalse();
        assertThat(in.edges()).isEqualTo(2);
        assertThat(in.lastChangeMicros()).isEqualTo(edges.get(1).timestampMicros());
    }

    @Test
    void aFailingListenerDoesNotStopDelivery() throws Exception {
        List<EdgeEvent> edges = new CopyOnWriteArrayList<>();
        openInput(pin(0), "counter lane-1 loop A", edge -> {
            edges.add(edge);
            if (edges.size() == 1) {
                throw new IllegalStateException("a bug in a device bundle");
            }
        });
        rig.drive(pin(0), true);
        rig.drive(pin(0), false);

        await().atMost(WAIT).untilAsserted(() -> assertThat(edges).extracting(EdgeEvent::high).containsExactly(true, false));
    }

    private static Boolean lastOf(List<Boolean> levels) {
        return levels.isEmpty() ? null : levels.get(levels.size() - 1);
    }
}
