package cn.taihang.hardware.sim.internal;

import cn.taihang.hardware.api.BoardProfile;
import cn.taihang.hardware.api.DigitalInput;
import cn.taihang.hardware.api.DigitalOutput;
import cn.taihang.hardware.api.EdgeEvent;
import cn.taihang.hardware.api.EdgeListener;
import cn.taihang.hardware.api.Gpio;
import cn.taihang.hardware.api.HardwareException;
import cn.taihang.hardware.api.InputSpec;
import cn.taihang.hardware.api.LineListener;
import cn.taihang.hardware.api.OutputSpec;
import cn.taihang.hardware.api.PinStatus;
import cn.taihang.hardware.api.Pull;
import cn.taihang.hardware.api.SerialLine;
import cn.taihang.hardware.api.SerialPorts;
import cn.taihang.hardware.api.SerialSpec;
import cn.taihang.hardware.sim.wire.HarnessMessage;
import cn.taihang.hardware.sim.wire.IgnoredLines;
import cn.taihang.hardware.sim.wire.LineOutbox;
import cn.taihang.hardware.spi.DaemonThreads;
import cn.taihang.hardware.spi.HeldInput;
import cn.taihang.hardware.spi.HeldOutput;
import cn.taihang.hardware.spi.HeldPin;
import cn.taihang.hardware.spi.PinTable;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The digital I/O and serial ports of a simulated board. Pins are checked against the same board
 * profile as on the real board, so a gateway's configuration is portable. Claims, levels and ports
 * are kept here and re-announced to the simulator on every (re)connect; edges and lines from the
 * simulator are delivered on one thread, in the order they arrived.
 */
@Component(service = {Gpio.class, SerialPorts.class}, configurationPid = SimConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = SimConfig.class)
public final class SimHardware implements Gpio, SerialPorts, HarnessLink.Peer {

    private static final Logger LOG = LoggerFactory.getLogger(SimHardware.class);
    private static final Pattern NODE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final String nodeId;
    private final PinTable pins;
    private final IgnoredLines ignored;
    private final Map<Integer, HeldInput> inputs = new HashMap<>();
    private final Map<String, SimSerialLine> ports = new TreeMap<>();
    private final ExecutorService delivery;
    private final ScheduledExecutorService pulses;
    private final HarnessLink link;
    private LineOutbox connection;

    /** @throws IllegalArgumentException (activation fails) on a missing or malformed setting */
    @Activate
    public SimHardware(SimConfig config) {
        check(config);
        nodeId = config.nodeId();
        pins = new PinTable(BoardProfile.load(config.board()));
        ignored = new IgnoredLines("simulated board " + nodeId);
        delivery = Executors.newSingleThreadExecutor(DaemonThreads.named("sim-delivery-" + nodeId));
        pulses = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("sim-pulses-" + nodeId));
        link = new HarnessLink(config.harnessHost(), config.harnessPort(), nodeId, this, ignored);
        link.start();
    }

    /** @throws IllegalArgumentException on a missing or malformed setting, naming it */
    static void check(SimConfig config) {
        if (config.nodeId() == null || !NODE_ID.matcher(config.nodeId()).matches()) {
            throw new IllegalArgumentException(SimConfig.PID + "/nodeId must be this gateway's id, 1-64 of a-z, 0-9 and '-' (was '"
                    + config.nodeId() + "'); set it in the gateway configuration");
        }
        if (config.harnessPort() < SimConfig.HARNESS_PORT_MIN || config.harnessPort() > SimConfig.HARNESS_PORT_MAX) {
            throw new IllegalArgumentException(SimConfig.PID + "/harnessPort must be the simulator's harness port, " + SimConfig.HARNESS_PORT_MIN + "-"
                    + SimConfig.HARNESS_PORT_MAX + " (was " + config.harnessPort() + "); set it in the gateway configuration");
        }
        if (config.harnessHost() == null || config.harnessHost().isBlank()) {
            throw new IllegalArgumentException(SimConfig.PID + "/harnessHost is empty; use 127.0.0.1 or leave it unset");
        }
        BoardProfile.load(config.board());
    }

    @Deactivate
    void deactivate() {
        link.close();
        delivery.shutdownNow();
        pulses.shutdownNow();
    }

    /** Inputs start at the level their pull gives them (high for {@link Pull#UP}), until the simulator says otherwise. */
    @Override
    public synchronized DigitalInput openInput(InputSpec spec, EdgeListener listener) throws HardwareException {
        HeldPin held = pins.claim(spec.pin(), PinStatus.Direction.INPUT, spec.owner(), spec.pull() == Pull.UP);
        HeldInput input = new HeldInput(held, listener,
                e -> LOG.warn("the edge listener of {} failed; edges keep coming (logged once per input)", held, e),
                () -> release(held));
        inputs.put(spec.pin(), input);
        send(new HarnessMessage.Claim(spec.pin(), false, wireText(spec.owner())));
        return input;
    }

    @Override
    public synchronized DigitalOutput openOutput(OutputSpec spec) throws HardwareException {
        HeldPin held = pins.claim(spec.pin(), PinStatus.Direction.OUTPUT, spec.owner(), spec.initialHigh());
        send(new HarnessMessage.Claim(spec.pin(), true, wireText(spec.owner())));
        send(new HarnessMessage.Out(spec.pin(), spec.initialHigh(), nowMicros()));
        return new HeldOutput(held, pulses, high -> drive(held, high), () -> release(held),
                e -> LOG.warn("{} could not be driven low: {}", held, e.getMessage()));
    }

    @Override
    public List<PinStatus> pins() {
        return pins.statuses();
    }

    @Override
    public BoardProfile board() {
        return pins.board();
    }

    @Override
    public SerialLine open(SerialSpec spec, LineListener listener) throws HardwareException {
        if (spec.port().length() > 128 || spec.port().chars().anyMatch(Character::isWhitespace)) {
            throw new HardwareException(HardwareException.Reason.NO_SUCH_PIN, "simulated serial port '" + spec.port()
                    + "' is not one short word; simulated port names look like scanner-1");
        }
        synchronized (this) {
            SimSerialLine holder = ports.get(spec.port());
            if (holder != null) {
                throw new HardwareException(HardwareException.Reason.PIN_IN_USE, "serial port " + spec.port() + " is held by '"
                        + holder.spec().owner() + "'; close it there first, or give '" + spec.owner() + "' another port");
            }
            SimSerialLine line = new SimSerialLine(spec, listener, this);
            ports.put(spec.port(), line);
            send(new HarnessMessage.Open(spec.port(), wireText(spec.owner())));
            return line;
        }
    }

    private synchronized void drive(HeldPin held, boolean high) {
        if (pins.holder(held.pin()).orElse(null) != held) {
            return;
        }
        EdgeEvent change = held.change(high, nowMicros());
        if (change != null) {
            send(new HarnessMessage.Out(held.pin(), high, change.timestampMicros()));
        }
    }

    private synchronized void release(HeldPin held) {
        if (pins.release(held)) {
            inputs.remove(held.pin());
            send(new HarnessMessage.Release(held.pin()));
        }
    }

    synchronized void closePort(SimSerialLine line) {
        if (ports.remove(line.port(), line)) {
            send(new HarnessMessage.Close(line.port()));
        }
    }

    synchronized void transmit(SimSerialLine line, String text) throws HardwareException {
        HarnessMessage.Tx tx = new HarnessMessage.Tx(line.port(), text);
        if (!send(tx)) {
            throw new HardwareException(HardwareException.Reason.PORT_UNAVAILABLE, "the simulator harness is not connected, so"
                    + " the line for " + line.port() + " was not sent; it reconnects by itself, try again shortly");
        }
    }

    private boolean send(HarnessMessage message) {
        return connection != null && connection.offer(message.toLine());
    }

    @Override
    public synchronized void connected(LineOutbox outbox) {
        outbox.offer(new HarnessMessage.Hello(nodeId, pins.board().id()).toLine());
        for (HeldPin held : pins.held()) {
            boolean output = held.direction() == PinStatus.Direction.OUTPUT;
            outbox.offer(new HarnessMessage.Claim(held.pin(), output, wireText(held.owner())).toLine());
            if (output) {
                outbox.offer(new HarnessMessage.Out(held.pin(), held.isHigh(), nowMicros()).toLine());
            }
        }
        ports.values().forEach(line -> outbox.offer(new HarnessMessage.Open(line.port(), wireText(line.spec().owner())).toLine()));
        connection = outbox;
    }

    @Override
    public synchronized void disconnected(LineOutbox outbox) {
        if (connection == outbox) {
            connection = null;
        }
    }

    @Override
    public void received(HarnessMessage message) {
        if (message instanceof HarnessMessage.Edge edge) {
            HeldInput input;
            synchronized (this) {
                input = inputs.get(edge.pin());
            }
            if (input == null) {
                ignored.report("unheld-pin", "EDGE for GPIO " + edge.pin() + ", which this gateway does not hold as an input");
            } else {
                delivery.execute(() -> {
                    if (!input.deliver(edge.high(), edge.epochMicros())) {
                        ignored.report("repeated-level", "EDGE repeating the level GPIO " + edge.pin() + " already has");
                    }
                });
            }
        } else if (message instanceof HarnessMessage.Line line) {
            SimSerialLine port;
            synchronized (this) {
                port = ports.get(line.port());
            }
            if (port == null) {
                ignored.report("unheld-port", "LINE for port " + line.port() + ", which this gateway does not hold");
            } else {
                delivery.execute(() -> port.deliver(line.text(), line.epochMicros()));
            }
        } else {
            ignored.report("wrong-direction", "the simulator sent " + message.getClass().getSimpleName());
        }
    }

    /** @return what this board ignored from the harness, by kind */
    Map<String, Long> ignoredLines() {
        return ignored.counts();
    }

    boolean isConnected() {
        return link.isConnected();
    }

    /** An owner as the harness can carry it: one line, not too long. */
    private static String wireText(String owner) {
        String line = owner.replace('\r', ' ').replace('\n', ' ');
        return line.length() <= 256 ? line : line.substring(0, 256);
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
