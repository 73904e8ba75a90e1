package cn.taihang.validator.internal;

import cn.taihang.gateway.api.config.Ranges;
import cn.taihang.hardware.api.Pull;
import cn.taihang.validator.domain.DoorWatch;
import cn.taihang.validator.domain.GateRules;
import cn.taihang.wire.ticket.GateKind;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * A key locker's configuration, validated.
 *
 * @param device device id
 * @param description bilingual description
 * @param rules what the locker honours (rental-key entitlements of its stations)
 * @param scannerPort serial port of the scanner
 * @param scannerBaud its speed
 * @param slotPins lock GPIO per slot, slot 1 first
 * @param doorPins door contact GPIO per slot
 * @param doorOpenHigh whether an open door reads high
 * @param doorPull pull of the door inputs
 * @param slotCars stocked keys per slot (may be shorter than the slots: the rest are empty)
 * @param stockRevision raise to restock from {@code slotCars}
 * @param timings unlock, alarm and settle times
 * @param echoVerdict whether verdicts are written back to the scanner port
 * @param publishRejections whether refusals are published
 */
record LockerSettings(String device, String description, GateRules rules, String scannerPort, int scannerBaud, List<Integer> slotPins,
                      List<Integer> doorPins, boolean doorOpenHigh, Pull doorPull, List<String> slotCars, int stockRevision, DoorWatch.Timings timings,
                      boolean echoVerdict, boolean publishRejections) {

    /** Most slots one locker drives (GPIO pins of one board). */
    static final int MAX_SLOTS = 12;

    /** @throws IllegalStateException after logging one line naming the locker, the problem and the fix */
    static LockerSettings from(LockerConfiguration c, Map<String, Object> properties) {
        String device = c.device();
        String name = device == null || device.isBlank() ? String.valueOf(properties.get("service.pid")) : device;
        if (device == null || device.isBlank()) {
            throw fail(name, "device is not set: give the locker a unique device id such as hsr-east-locker-1");
        }
        for (String required : new String[] {"places", "scannerPort", "slotPins", "doorPins"}) {
            if (!properties.containsKey(required)) {
                throw fail(name, required + " is not set: see the configuration form's description of " + required);
            }
        }
        try {
            int[] places = c.places() == null ? new int[0] : c.places();
            GateRules rules = new GateRules(device, GateKind.RENTAL_KEY_LOCKER, Arrays.stream(places).boxed().collect(Collectors.toSet()),
                    Duration.ofSeconds(c.clockSkewSeconds()), Duration.ZERO);
            List<Integer> locks = pins(c.slotPins());
            List<Integer> doors = pins(c.doorPins());
            if (locks.isEmpty() || locks.size() > MAX_SLOTS || locks.size() != doors.size()) {
                throw new IllegalArgumentException("slotPins and doorPins must list 1-" + MAX_SLOTS + " GPIOs each, one lock and one door per slot (had "
                        + locks.size() + " and " + doors.size() + ")");
            }
            Set<Integer> all = new HashSet<>(locks);
            all.addAll(doors);
            if (all.size() != locks.size() * 2) {
                throw new IllegalArgumentException("every lock and door needs its own GPIO; " + locks + " and " + doors + " share one");
            }
            List<String> stocked = c.slotCars() == null ? List.of() : List.of(c.slotCars());
            if (stocked.size() > locks.size()) {
                throw new IllegalArgumentException("slotCars lists " + stocked.size() + " slots but the locker has " + locks.size());
            }
            ScanStation.requireScanner(c.scannerPort(), c.scannerBaud());
            Ranges.require("stockRevision", c.stockRevision(), LockerConfiguration.STOCK_REVISION_MIN, Integer.MAX_VALUE);
            Ranges.require("unlockSeconds", c.unlockSeconds(), LockerConfiguration.UNLOCK_SECONDS_MIN, LockerConfiguration.UNLOCK_SECONDS_MAX);
            Ranges.require("doorAlarmSeconds", c.doorAlarmSeconds(), LockerConfiguration.DOOR_ALARM_SECONDS_MIN, LockerConfiguration.DOOR_ALARM_SECONDS_MAX);
            Ranges.require("doorSettleMillis", c.doorSettleMillis(), LockerConfiguration.DOOR_SETTLE_MILLIS_MIN, LockerConfiguration.DOOR_SETTLE_MILLIS_MAX);
            DoorWatch.Timings timings = new DoorWatch.Timings(Duration.ofSeconds(c.unlockSeconds()), Duration.ofSeconds(c.doorAlarmSeconds()),
                    Duration.ofMillis(c.doorSettleMillis()));
            String description = c.description() == null || c.description().isBlank()
                    ? "租车钥匙柜 " + device + " / rental key locker " + device : c.description();
            return new LockerSettings(device, description, rules, c.scannerPort(), c.scannerBaud(), locks, doors, c.doorOpenHigh(),
                    c.doorPull(), stocked, c.stockRevision(), timings, c.echoVerdict(), c.publishRejections());
        } catch (IllegalArgumentException e) {
            throw fail(name, e.getMessage());
        }
    }

    /** @return the number of slots */
    int slots() {
        return slotPins.size();
    }

    private static List<Integer> pins(int[] pins) {
        List<Integer> list = Arrays.stream(pins == null ? new int[0] : pins).boxed().toList();
        if (list.stream().anyMatch(p -> p < GateConfiguration.PIN_MIN)) {
            throw new IllegalArgumentException("GPIO numbers are >= 0, got " + list);
        }
        return list;
    }

    /** Logs the one line and returns the exception that fails activation. */
    static IllegalStateException fail(String locker, String problem) {
        String message = "key locker " + locker + " not started: " + problem;
        LoggerFactory.getLogger(LockerComponent.class).error(message);
        return new IllegalStateException(message);
    }
}
