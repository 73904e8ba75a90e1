package cn.taihang.hardware.pi4j.internal;

import cn.taihang.hardware.api.BoardProfile;
import cn.taihang.hardware.api.DigitalInput;
import cn.taihang.hardware.api.DigitalOutput;
import cn.taihang.hardware.api.EdgeListener;
import cn.taihang.hardware.api.Gpio;
import cn.taihang.hardware.api.HardwareException;
import cn.taihang.hardware.api.InputSpec;
import cn.taihang.hardware.api.OutputSpec;
import cn.taihang.hardware.api.PinStatus;
import cn.taihang.hardware.api.Pull;
import cn.taihang.hardware.spi.DaemonThreads;
import cn.taihang.hardware.spi.HeldInput;
import cn.taihang.hardware.spi.HeldOutput;
import cn.taihang.hardware.spi.HeldPin;
import cn.taihang.hardware.spi.PinTable;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The board's GPIO through Pi4J v2. The Pi4J context is built explicitly with the configured
 * provider only ({@link Pi4jProvider#newContext()}). Pins are checked against the board profile and
 * held by one owner at a time; closing a pin shuts its Pi4J I/O down so it can be opened again.
 *
 * <p>Pi4J's state-change events carry no timestamp, so each edge is stamped with the system clock as
 * the first thing the Pi4J listener does, on Pi4J's event thread. With the gpiod provider that is
 * after the kernel reported the edge and after Pi4J's debounce window ({@code debounceMicros}); the
 * kernel's own event time is not passed on by Pi4J 2.7.
 */
@Component(service = Gpio.class, configurationPid = Pi4jConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = Pi4jConfig.class)
public final class Pi4jGpio implements Gpio {

    private static final Logger LOG = LoggerFactory.getLogger(Pi4jGpio.class);

    private final PinTable pins;
    private final Pi4jProvider provider;
    private final long debounceMicros;
    private final Clock clock = Clock.systemUTC();
    private final Context context;
    private final ScheduledExecutorService pulses;
    private final Map<HeldPin, AutoCloseable> open = new HashMap<>();

    /** @throws IllegalArgumentException on an unknown board or provider or a debounce out of range, naming the setting */
    static void check(Pi4jConfig config) {
        BoardProfile.load(config.board());
        Pi4jProvider.fromConfig(config.provider());
        if (config.debounceMicros() < Pi4jConfig.DEBOUNCE_MICROS_MIN || config.debounceMicros() > Pi4jConfig.DEBOUNCE_MICROS_MAX) {
            throw new IllegalArgumentException(Pi4jConfig.PID + "/debounceMicros must be " + Pi4jConfig.DEBOUNCE_MICROS_MIN + "-"
                    + Pi4jConfig.DEBOUNCE_MICROS_MAX + ", was " + config.debounceMicros());
        }
    }

    /**
     * @throws IllegalArgumentException (activation fails) on an unknown board or provider
     * @throws IllegalStateException (activation fails) if the provider cannot start on this machine
     */
    @Activate
    public Pi4jGpio(Pi4jConfig config) {
        check(config);
        pins = new PinTable(BoardProfile.load(config.board()));
        provider = Pi4jProvider.fromConfig(config.provider());
        debounceMicros = config.debounceMicros();
        try {
            provider.requireKernelInterface();
            context = provider.newContext();
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("Pi4J provider '" + provider.configName() + "' cannot start on this machine ("
                    + e.getMessage() + "). On a Raspberry Pi check that /dev/gpiochip0 exists and the gateway's user may use it (group "
                    + "gpio); on any other machine set " + Pi4jConfig.PID + "/provider=mock or use the simulated board", e);
        }
        pulses = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("pi4j-pulses"));
        LOG.info("GPIO of {} ready through Pi4J provider {}", pins.board().name(), provider.configName());
    }

    @Deactivate
    void deactivate() {
        List<AutoCloseable> stillOpen;
        synchronized (this) {
            stillOpen = new ArrayList<>(open.values());
        }
        for (AutoCloseable pin : stillOpen) {
            try {
                pin.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", pin, e.toString());
            }
        }
        pulses.shutdownNow();
        try {
            context.shutdown();
        } catch (RuntimeException e) {
            LOG.warn("Pi4J did not shut down cleanly: {}", e.toString());
        }
    }

    @Override
    public synchronized DigitalInput openInput(InputSpec spec, EdgeListener listener) throws HardwareException {
        HeldPin held = pins.claim(spec.pin(), PinStatus.Direction.INPUT, spec.owner(), spec.pull() == Pull.UP);
        com.pi4j.io.gpio.digital.DigitalInput io;
        try {
            io = context.create(com.pi4j.io.gpio.digital.DigitalInput.newConfigBuilder(context).id(ioId(spec.pin()))
                    .name(spec.owner()).address(spec.pin()).pull(pull(spec.pull())).debounce(debounceMicros)
                    .provider(provider.inputId()).build());
            held.settle(io.state() == DigitalState.HIGH);
        } catch (RuntimeException | LinkageError e) {
            pins.release(held);
            throw driverFailed(spec.pin(), spec.owner(), e);
        }
        HeldInput input = new HeldInput(held, listener,
                e -> LOG.warn("the edge listener of {} failed; edges keep coming (logged once per input)", held, e),
                () -> release(held, io.id()));
        io.addListener(event -> {
            long micros = micros(clock.instant());
            if (event.state() != DigitalState.UNKNOWN) {
                input.deliver(event.state() == DigitalState.HIGH, micros);
            }
        });
        open.put(held, input);
        return input;
    }

    @Override
    public synchronized DigitalOutput openOutput(OutputSpec spec) throws HardwareException {
        HeldPin held = pins.claim(spec.pin(), PinStatus.Direction.OUTPUT, spec.owner(), spec.initialHigh());
        com.pi4j.io.gpio.digital.DigitalOutput io;
        try {
            io = context.create(com.pi4j.io.gpio.digital.DigitalOutput.newConfigBuilder(context).id(ioId(spec.pin()))
                    .name(spec.owner()).address(spec.pin()).initial(level(spec.initialHigh())).shutdown(DigitalState.LOW)
                    .provider(provider.outputId()).build());
        } catch (RuntimeException | LinkageError e) {
            pins.release(held);
            throw driverFailed(spec.pin(), spec.owner(), e);
        }
        HeldOutput output = new HeldOutput(held, pulses, high -> {
            try {
                io.state(level(high));
            } catch (RuntimeException e) {
                throw new HardwareException(HardwareException.Reason.IO_ERROR, "GPIO " + held.pin() + " (" + held.owner()
                        + ") could not be driven " + (high ? "high" : "low") + ": " + e.getMessage()
                        + "; check the wiring and that the gateway may use /dev/gpiochip0, then retry", e);
            }
            held.change(high, micros(clock.instant()));
        }, () -> release(held, io.id()), e -> LOG.warn("{} could not be driven low: {}", held, e.getMessage()));
        open.put(held, output);
        return output;
    }

    @Override
    public List<PinStatus> pins() {
        return pins.statuses();
    }

    @Override
    public BoardProfile board() {
        return pins.board();
    }

    /** @return the Pi4J context, for tests that drive Pi4J's mock I/O */
    Context context() {
        return context;
    }

    static String ioId(int pin) {
        return "gpio" + pin;
    }

    private synchronized void release(HeldPin held, String ioId) {
        try {
            context.shutdown(ioId);
        } catch (RuntimeException e) {
            LOG.warn("Pi4J could not release {}: {}; the pin may stay busy until the gateway restarts", ioId, e.toString());
        }
        pins.release(held);
        open.remove(held);
    }

    private static DigitalState level(boolean high) {
        return high ? DigitalState.HIGH : DigitalState.LOW;
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    private static PullResistance pull(Pull pull) {
        return switch (pull) {
            case UP -> PullResistance.PULL_UP;
            case DOWN -> PullResistance.PULL_DOWN;
            case NONE -> PullResistance.OFF;
        };
    }

    private HardwareException driverFailed(int pin, String owner, Throwable e) {
        return new HardwareException(HardwareException.Reason.IO_ERROR, "Pi4J (" + provider.configName() + ") could not open GPIO "
                + pin + " for '" + owner + "': " + e.getMessage() + "; check that no other program uses the pin "
                + "(gpioinfo shows it) and that the gateway may use /dev/gpiochip0", e);
    }
}
