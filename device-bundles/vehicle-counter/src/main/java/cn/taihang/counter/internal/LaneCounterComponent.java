package cn.taihang.counter.internal;

import cn.taihang.counter.domain.DetectedVehicle;
import cn.taihang.counter.domain.IntervalReport;
import cn.taihang.counter.domain.LaneConfig;
import cn.taihang.counter.domain.LaneCounter;
import cn.taihang.counter.domain.LaneStatus;
import cn.taihang.counter.domain.Loop;
import cn.taihang.counter.domain.LoopStatus;
import cn.taihang.gateway.api.ChannelStatus;
import cn.taihang.gateway.api.Device;
import cn.taihang.gateway.api.Outbox;
import cn.taihang.gateway.api.worker.DeviceWorker;
import cn.taihang.hardware.api.DigitalInput;
import cn.taihang.hardware.api.EdgeEvent;
import cn.taihang.hardware.api.Gpio;
import cn.taihang.hardware.api.HardwareException;
import cn.taihang.hardware.api.InputSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One lane of loops: opens its inputs, counts on the lane's {@link DeviceWorker} (so edges stay
 * in order and the domain needs no locks), ticks the counter every 250 ms with the wall clock, and
 * publishes each closed interval. Registered as a {@link Device} of kind {@code vehicle-counter}.
 */
@Component(name = LaneCounterComponent.PID, configurationPid = LaneCounterComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, service = Device.class, immediate = true)
@Designate(ocd = LaneConfiguration.class, factory = true)
public final class LaneCounterComponent implements Device {

    static final String PID = "cn.taihang.counter.lane";
    static final String KIND = "vehicle-counter";
    static final Duration TICK = Duration.ofMillis(250);
    private static final Logger LOG = LoggerFactory.getLogger(LaneCounterComponent.class);

    private final LaneConfig lane;
    private final String description;
    private final boolean activeHigh;
    private final LongSupplier clockMicros;
    private final LaneCounter counter;
    private final IntervalPublisher publisher;
    private final DeviceWorker worker;
    private final List<DigitalInput> inputs = new ArrayList<>();
    private volatile LaneStatus status;

    /** Activated by DS with the lane's factory configuration. */
    @Activate
    public LaneCounterComponent(@Reference(name = "gpio") Gpio gpio, @Reference(name = "outbox") Outbox outbox,
            LaneConfiguration configuration, Map<String, Object> properties) {
        this(gpio, outbox, configuration, properties, LaneCounterComponent::wallClockMicros, TICK);
    }

    LaneCounterComponent(Gpio gpio, Outbox outbox, LaneConfiguration configuration, Map<String, Object> properties,
            LongSupplier clockMicros, Duration tick) {
        this.lane = LaneSettings.toLaneConfig(configuration, properties);
        this.description = configuration.description() == null || configuration.description().isBlank()
                ? "车辆计数 " + lane.lane() + " / vehicle counter " + lane.lane() : configuration.description();
        this.activeHigh = configuration.activeHigh();
        this.clockMicros = clockMicros;
        this.counter = new LaneCounter(lane, clockMicros.getAsLong(), this::logVehicle);
        this.status = counter.status();
        this.publisher = new IntervalPublisher(outbox, lane.lane());
        this.worker = new DeviceWorker("counter-" + lane.lane(), "vehicle counter lane " + lane.lane());
        try {
            open(gpio, configuration, Loop.A, lane.loopAPin());
            if (lane.dualLoop()) {
                open(gpio, configuration, Loop.B, lane.loopBPin());
            }
        } catch (HardwareException e) {
            throw abandon(e.getMessage() + ". " + hint(e.reason()));
        } catch (RuntimeException e) {
            throw abandon("the GPIO driver failed opening the inputs (" + e + "). " + hint(HardwareException.Reason.IO_ERROR));
        }
        worker.scheduleAtFixedRate(() -> step(this::tick), tick, tick);
        LOG.info("vehicle counter lane {} counting: loop A on GPIO {}{}, {} s intervals", lane.lane(), lane.loopAPin(),
                lane.dualLoop() ? ", loop B on GPIO " + lane.loopBPin() : " (single loop)", lane.interval().toSeconds());
    }

    /** Closes the inputs, publishes the interval in progress as partial, and stops the worker. */
    @Deactivate
    void deactivate() {
        closeInputs();
        run(() -> counter.flush(clockMicros.getAsLong()).forEach(publisher::publish));
        worker.close();
        LOG.info("vehicle counter lane {} stopped", lane.lane());
    }

    @Override
    public String id() {
        return lane.lane();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<ChannelStatus> channels() {
        LaneStatus snapshot = status;
        List<ChannelStatus> channels = new ArrayList<>(3);
        channels.add(loopChannel(snapshot.loopA(), lane.loopAPin()));
        snapshot.loopB().ifPresent(loopB -> channels.add(loopChannel(loopB, lane.loopBPin())));
        String problem = publisher.lastProblem();
        channels.add(new ChannelStatus("counts", problem.isEmpty() ? ChannelStatus.State.OK : ChannelStatus.State.DEGRADED,
                snapshot.intervalCount() + " veh",
                problem.isEmpty() ? "" : publisher.failures() + " interval records refused by the outbox, latest "
                        + problem + ": check the gateway store"));
        return channels;
    }

    /** @return the records the outbox refused since activation */
    long publishFailures() {
        return publisher.failures();
    }

    private ChannelStatus loopChannel(LoopStatus loop, int pin) {
        String value = loop.occupied() ? "occupied" : "free";
        if (!loop.stuck()) {
            return new ChannelStatus(loop.loop().channel(), ChannelStatus.State.OK, value, "");
        }
        return new ChannelStatus(loop.loop().channel(), ChannelStatus.State.FAULT, value,
                "loop " + loop.loop().name() + " (GPIO " + pin + ") occupied for more than " + lane.maxOccupied().toSeconds()
                        + " s since " + Instant.EPOCH.plusNanos(loop.occupiedSinceMicros() * 1000)
                        + ": check the detector card and the loop wiring; the fault clears when the loop frees");
    }

    private void open(Gpio gpio, LaneConfiguration configuration, Loop loop, int pin) throws HardwareException {
        String owner = "counter " + lane.lane() + " loop " + loop.name();
        DigitalInput input = gpio.openInput(new InputSpec(pin, configuration.pull(), owner), event -> onEdge(loop, event));
        inputs.add(input);
        boolean occupied = input.isHigh() == activeHigh;
        long at = clockMicros.getAsLong();
        run(() -> counter.observeInitialLevel(loop, occupied, at));
    }

    private void onEdge(Loop loop, EdgeEvent event) {
        boolean occupied = event.high() == activeHigh;
        long timestamp = event.timestampMicros();
        run(() -> counter.onEdge(loop, occupied, timestamp));
    }

    private void tick() {
        List<IntervalReport> closed = counter.advanceTo(clockMicros.getAsLong());
        closed.forEach(publisher::publish);
    }

    /** Runs a task on the lane's thread (dropped once deactivated: late edges). */
    private void run(Runnable task) {
        worker.execute(() -> step(task));
    }

    /** A task of the lane's thread, then the status refresh (a failing task is the worker's to log; the ticks go on). */
    private void step(Runnable task) {
        task.run();
        status = counter.status();
    }

    /** Releases what activation took so far, so a lane never half-works; returns the failure to throw. */
    private IllegalStateException abandon(String problem) {
        closeInputs();
        worker.close();
        return LaneSettings.fail(lane.lane(), problem);
    }

    private void closeInputs() {
        for (int i = inputs.size() - 1; i >= 0; i--) {
            inputs.get(i).close();
        }
        inputs.clear();
    }

    private void logVehicle(DetectedVehicle vehicle) {
        LOG.debug("lane {}: {}", lane.lane(), vehicle);
    }

    private static String hint(HardwareException.Reason reason) {
        return switch (reason) {
            case PIN_IN_USE -> "Give each lane its own GPIO pins (loopAPin, loopBPin) and make sure no other device uses them";
            case NO_SUCH_PIN, RESERVED_PIN -> "Set loopAPin/loopBPin to free GPIO pins of this board";
            case IO_ERROR, PORT_UNAVAILABLE -> "Check the GPIO driver, then save the configuration again to retry";
        };
    }

    private static long wallClockMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
