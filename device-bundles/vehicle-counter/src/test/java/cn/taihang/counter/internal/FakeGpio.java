package cn.taihang.counter.internal;

import cn.taihang.hardware.api.BoardProfile;
import cn.taihang.hardware.api.DigitalInput;
import cn.taihang.hardware.api.DigitalOutput;
import cn.taihang.hardware.api.EdgeEvent;
import cn.taihang.hardware.api.EdgeListener;
import cn.taihang.hardware.api.Gpio;
import cn.taihang.hardware.api.HardwareException;
import cn.taihang.hardware.api.InputSpec;
import cn.taihang.hardware.api.OutputSpec;
import cn.taihang.hardware.api.PinStatus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A Gpio whose inputs the test drives: {@link #fire} delivers an edge as a hardware thread would. */
final class FakeGpio implements Gpio {

    private final Map<Integer, Input> open = new ConcurrentHashMap<>();
    private final Map<Integer, String> heldElsewhere = new ConcurrentHashMap<>();
    private final Map<Integer, Boolean> levels = new ConcurrentHashMap<>();
    private final Map<Integer, RuntimeException> broken = new ConcurrentHashMap<>();

    /** Makes opening a pin throw, as a buggy driver might. */
    void breakPin(int pin, RuntimeException failure) {
        broken.put(pin, failure);
    }

    /** Makes a pin look held by another owner. */
    void holdElsewhere(int pin, String owner) {
        heldElsewhere.put(pin, owner);
    }

    /** Sets the level an input reads when opened. */
    void level(int pin, boolean high) {
        levels.put(pin, high);
    }

    void fire(int pin, boolean high, long timestampMicros) {
        Input input = open.get(pin);
        if (input == null) {
            throw new IllegalStateException("GPIO " + pin + " is not open");
        }
        input.high = high;
        input.listener.onEdge(new EdgeEvent(pin, high, timestampMicros));
    }

    boolean isOpen(int pin) {
        return open.containsKey(pin);
    }

    String owner(int pin) {
        return open.get(pin).spec.owner();
    }

    @Override
    public DigitalInput openInput(InputSpec spec, EdgeListener listener) throws HardwareException {
        if (broken.containsKey(spec.pin())) {
            throw broken.get(spec.pin());
        }
        String other = heldElsewhere.get(spec.pin());
        if (other != null) {
            throw new HardwareException(HardwareException.Reason.PIN_IN_USE, "GPIO " + spec.pin() + " is held by " + other);
        }
        Input input = new Input(spec, listener, levels.getOrDefault(spec.pin(), false));
        if (open.putIfAbsent(spec.pin(), input) != null) {
            throw new HardwareException(HardwareException.Reason.PIN_IN_USE,
                    "GPIO " + spec.pin() + " is held by " + open.get(spec.pin()).spec.owner());
        }
        return input;
    }

    @Override
    public DigitalOutput openOutput(OutputSpec spec) {
        throw new UnsupportedOperationException("no outputs in this test");
    }

    @Override
    public List<PinStatus> pins() {
        return open.values().stream()
                .map(i -> new PinStatus(i.spec.pin(), PinStatus.Direction.INPUT, i.spec.owner(), i.high, 0, 0)).toList();
    }

    @Override
    public BoardProfile board() {
        return BoardProfile.load("raspberry-pi-4");
    }

    private final class Input implements DigitalInput {
        final InputSpec spec;
        final EdgeListener listener;
        volatile boolean high;

        Input(InputSpec spec, EdgeListener listener, boolean high) {
            this.spec = spec;
            this.listener = listener;
            this.high = high;
        }

        @Override
        public int pin() {
            return spec.pin();
        }

        @Override
        public boolean isHigh() {
            return high;
        }

        @Override
        public void close() {
            open.remove(spec.pin(), this);
        }
    }
}
