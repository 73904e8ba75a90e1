package cn.taihang.validator.internal;

import cn.taihang.hardware.api.DigitalInput;
import cn.taihang.hardware.api.DigitalOutput;
import cn.taihang.hardware.api.Gpio;
import cn.taihang.hardware.api.HardwareException;
import cn.taihang.hardware.api.InputSpec;
import cn.taihang.hardware.api.OutputSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A locker's pins: per slot a lock output (high = unlocked; it starts and falls back low, so a crashed or booting gateway
 * leaves every slot locked) and a door contact input. A failing lock is reported in the status, never thrown at a scan.
 */
final class LockerSlots implements AutoCloseable {

    /** Receives door changes. */
    interface DoorListener {
        /**
         * @param slot the slot, from 1
         * @param open whether its door is open now
         * @param at when the contact changed, at the source
         */
        void door(int slot, boolean open, Instant at);
    }

    private static final Logger LOG = LoggerFactory.getLogger(LockerSlots.class);

    private final String device;
    private final boolean openHigh;
    private final List<DigitalOutput> locks = new ArrayList<>();
    private final List<DigitalInput> doors = new ArrayList<>();
    private final String[] problems;

    /** @throws HardwareException if a pin cannot be opened (everything opened so far is released) */
    LockerSlots(Gpio gpio, LockerSettings settings, DoorListener listener) throws HardwareException {
        this.device = settings.device();
        this.openHigh = settings.doorOpenHigh();
        this.problems = new String[settings.slots()];
        try {
            for (int i = 0; i < settings.slots(); i++) {
                int slot = i + 1;
                problems[i] = "";
                locks.add(gpio.openOutput(new OutputSpec(settings.slotPins().get(i), false, "locker " + device + " slot " + slot + " lock")));
                doors.add(gpio.openInput(new InputSpec(settings.doorPins().get(i), settings.doorPull(), "locker " + device + " slot " + slot + " door"),
                        e -> listener.door(slot, e.high() == openHigh, Instant.ofEpochSecond(e.timestampMicros() / 1_000_000,
                                (e.timestampMicros() % 1_000_000) * 1000))));
            }
        } catch (HardwareException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** @return whether the door of {@code slot} reads open now */
    boolean doorOpen(int slot) {
        return doors.get(slot - 1).isHigh() == openHigh;
    }

    /** Drives the lock of {@code slot}: unlocked or locked. */
    void lock(int slot, boolean unlocked) {
        DigitalOutput out = locks.get(slot - 1);
        try {
            out.set(unlocked);
            problems[slot - 1] = "";
        } catch (HardwareException | RuntimeException e) {
            if (problems[slot - 1].isEmpty()) {
                LOG.error("locker {}: the lock of slot {} (GPIO {}) could not be {}: {}", device, slot, out.pin(), unlocked ? "released" : "closed",
                        e.getMessage());
            }
            problems[slot - 1] = "GPIO " + out.pin() + ": " + e.getMessage();
        }
    }

    /** @return whether the lock of {@code slot} is released */
    boolean unlocked(int slot) {
        return locks.get(slot - 1).isHigh();
    }

    /** @return the last lock failure of {@code slot}, or {@code ""} */
    String problem(int slot) {
        return problems[slot - 1];
    }

    /** @return "lock GPIO a, door GPIO b" of {@code slot} */
    String pins(int slot) {
        return "lock GPIO " + locks.get(slot - 1).pin() + ", door GPIO " + doors.get(slot - 1).pin();
    }

    @Override
    public void close() {
        for (int i = doors.size() - 1; i >= 0; i--) {
            doors.get(i).close();
        }
        for (int i = locks.size() - 1; i >= 0; i--) {
            locks.get(i).close();
        }
        doors.clear();
        locks.clear();
    }
}
