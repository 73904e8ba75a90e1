package cn.taihang.validator.domain;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What one key-locker slot holds, as far as the locker knows: nothing, or a car key — of a known car, or of the car a
 * reservation returned (when its return pass named no car). Stored in the ledger as {@code KEY|car|returnedBy|since}
 * or {@code EMPTY|||since}.
 *
 * @param key whether a key is in the slot
 * @param car the car whose key it is, or {@code ""} if not known
 * @param returnedBy the reservation whose return put it there, or {@code ""} (stocked by the crew)
 * @param sinceMillis when the slot last changed, ms since the epoch
 */
public record SlotContent(boolean key, String car, String returnedBy, long sinceMillis) {

    /** Validates. */
    public SlotContent {
        Objects.requireNonNull(car, "car");
        Objects.requireNonNull(returnedBy, "returnedBy");
        if (car.indexOf('|') >= 0 || returnedBy.indexOf('|') >= 0 || (!key && !(car.isEmpty() && returnedBy.isEmpty()))) {
            throw new IllegalArgumentException("ids without '|'; an empty slot names no car");
        }
    }

    /** @return an empty slot */
    public static SlotContent empty(long sinceMillis) {
        return new SlotContent(false, "", "", sinceMillis);
    }

    /** @return a slot holding a key */
    public static SlotContent keyOf(String car, String returnedBy, long sinceMillis) {
        return new SlotContent(true, car == null ? "" : car, returnedBy == null ? "" : returnedBy, sinceMillis);
    }

    /**
     * What the crew wrote for a slot in the locker's stock list.
     *
     * @param entry {@code ""} or {@code -} for an empty slot, {@code ?} for a key of an unknown car, else the car id
     */
    public static SlotContent stocked(String entry, long sinceMillis) {
        String e = entry == null ? "" : entry.strip();
        if (e.isEmpty() || e.equals("-")) {
            return empty(sinceMillis);
        }
        return keyOf(e.equals("?") ? "" : e, "", sinceMillis);
    }

    /** @return the ledger value */
    public byte[] encode() {
        return ((key ? "KEY" : "EMPTY") + "|" + car + "|" + returnedBy + "|" + sinceMillis).getBytes(StandardCharsets.UTF_8);
    }

    /** @throws IllegalArgumentException if the value is not one {@link #encode} wrote */
    public static SlotContent decode(byte[] value) {
        String[] parts = new String(value, StandardCharsets.UTF_8).split("\\|", -1);
        if (parts.length != 4 || !(parts[0].equals("KEY") || parts[0].equals("EMPTY"))) {
            throw new IllegalArgumentException("not a slot record");
        }
        return new SlotContent(parts[0].equals("KEY"), parts[1], parts[2], Long.parseLong(parts[3]));
    }

    /** @return for people: {@code empty}, {@code key car-017} or {@code key (returned by R…)} */
    public String describe() {
        if (!key) {
            return "empty";
        }
        return "key " + (car.isEmpty() ? "of an unknown car" : car) + (returnedBy.isEmpty() ? "" : " (returned by " + returnedBy + ")");
    }
}
