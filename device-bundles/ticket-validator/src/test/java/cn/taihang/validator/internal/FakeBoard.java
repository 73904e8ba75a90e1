package cn.taihang.validator.internal;

import cn.taihang.hardware.api.BoardProfile;
import cn.taihang.hardware.api.DigitalInput;
import cn.taihang.hardware.api.DigitalOutput;
import cn.taihang.hardware.api.EdgeListener;
import cn.taihang.hardware.api.Gpio;
import cn.taihang.hardware.api.HardwareException;
import cn.taihang.hardware.api.InputSpec;
import cn.taihang.hardware.api.LineListener;
import cn.taihang.hardware.api.OutputSpec;
import cn.taihang.hardware.api.PinStatus;
import cn.taihang.hardware.api.SerialLine;
import cn.taihang.hardware.api.SerialPorts;
import cn.taihang.hardware.api.SerialSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Gpio and serial ports of our own ports, in memory: records pulses, levels and lines written, delivers scanner lines and input edges. */
final class FakeBoard implements Gpio, SerialPorts {

    /** A pulse driven on a pin. */
    record Pulse(int pin, Duration length) {}

    final List<Pulse> pulses = new CopyOnWriteArrayList<>();
    final List<String> written = new CopyOnWriteArrayList<>();
    final Map<Integer, String> outputs = new ConcurrentHashMap<>();
    final Map<String, LineListener> ports = new ConcurrentHashMap<>();
    final Map<Integer, Boolean> levels = new ConcurrentHashMap<>();
    final Map<Integer, EdgeListener> inputs = new ConcurrentHashMap<>();
    final Map<Integer, Boolean> inputLevels = new ConcurrentHashMap<>();

    /** Sets an input's level, as the hardware would, and delivers the edge. */
    void edge(int pin, boolean high, java.time.Instant at) {
        inputLevels.put(pin, high);
        inputs.get(pin).onEdge(new cn.taihang.hardware.api.EdgeEvent(pin, high, at.getEpochSecond() * 1_000_000 + at.getNano() / 1000));
    }

    boolean level(int pin) {
        return levels.getOrDefault(pin, false);
    }

    void scan(String port, String line) {
        ports.get(port).onLine(line, System.currentTimeMillis() * 1000);
    }

    long pulsesOn(int pin) {
        return pulses.stream().filter(p -> p.pin() == pin).count();
    }

    @Override
    public DigitalInput openInput(InputSpec spec, EdgeListener listener) throws HardwareException {
        if (outputs.putIfAbsent(spec.pin(), spec.owner()) != null) {
            throw new HardwareException(HardwareException.Reason.PIN_IN_USE, "GPIO " + spec.pin() + " is held by " + outputs.get(spec.pin()));
        }
        inputs.put(spec.pin(), listener);
        inputLevels.putIfAbsent(spec.pin(), spec.pull() == cn.taihang.hardware.api.Pull.UP);
        return new DigitalInput() {
            @Override
            public int pin() {
                return spec.pin();
            }

            @Override
            public boolean isHigh() {
                return inputLevels.get(spec.pin());
            }

            @Override
            public void close() {
                outputs.remove(spec.pin());
                inputs.remove(spec.pin());
            }
        };
    }

    @Override
    public DigitalOutput openOutput(OutputSpec spec) throws HardwareException {
        if (outputs.putIfAbsent(spec.pin(), spec.owner()) != null) {
            throw new HardwareException(HardwareException.Reason.PIN_IN_USE, "GPIO " + spec.pin() + " is held by " + outputs.get(spec.pin()));
        }
        return new DigitalOutput() {
            @Override
            public int pin() {
                return spec.pin();
            }

            @Override
            public void set(boolean high) {
                levels.put(spec.pin(), high);
            }

            @Override
            public void pulse(Duration length) {
                pulses.add(new Pulse(spec.pin(), length));
            }

            @Override
            public boolean isHigh() {
                return levels.getOrDefault(spec.pin(), false);
            }

            @Override
            public void close() {
                levels.put(spec.pin(), false);
                outputs.remove(spec.pin());
            }
        };
    }

    @Override
    public List<PinStatus> pins() {
        return List.of();
    }

    @Override
    public BoardProfile board() {
        return BoardProfile.load("raspberry-pi-4");
    }

    @Override
    public SerialLine open(SerialSpec spec, LineListener listener) throws HardwareException {
        if (ports.putIfAbsent(spec.port(), listener) != null) {
            throw new HardwareException(HardwareException.Reason.PIN_IN_USE, "port " + spec.port() + " is held");
        }
        return new SerialLine() {
            @Override
            public String port() {
                return spec.port();
            }

            @Override
            public void writeLine(String line) {
                written.add(line);
            }

            @Override
            public void close() {
                ports.remove(spec.port());
            }
        };
    }
}
