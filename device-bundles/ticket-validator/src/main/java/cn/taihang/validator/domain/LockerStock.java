package cn.taihang.validator.domain;

import cn.taihang.wire.ticket.RentalPass;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Which slot of a key locker a rental pass opens, decided offline from what the locker knows each slot holds.
 * Slots are numbered from 1, as on their doors.
 * <ul>
 *   <li><b>Pickup</b>: the slot holding the key of the car the pass names; if the pass names none (the bridge held no
 *       car yet when it issued the pass) or that key is not here, the key that has waited longest, known cars before
 *       keys of unknown cars. The locker reports the car it handed over; the bridge takes that as the rented car.</li>
 *   <li><b>Return</b>: the lowest-numbered empty slot.</li>
 * </ul>
 * A slot already open for another pass is never chosen. Not thread-safe: one locker's thread owns it.
 */
public final class LockerStock {

    private final List<SlotContent> slots;

    /** @param slots what slots 1…n hold */
    public LockerStock(List<SlotContent> slots) {
        if (slots.isEmpty()) {
            throw new IllegalArgumentException("a locker has at least one slot");
        }
        this.slots = new ArrayList<>(slots);
    }

    /** @return the number of slots */
    public int size() {
        return slots.size();
    }

    /** @return what slot {@code slot} (from 1) holds */
    public SlotContent at(int slot) {
        return slots.get(slot - 1);
    }

    /** Records what slot {@code slot} (from 1) holds now. */
    public void set(int slot, SlotContent content) {
        slots.set(slot - 1, content);
    }

    /**
     * @param action pickup or return
     * @param car the car the pass names, or {@code null}
     * @param busy slots open for other passes
     * @return the slot to open, or empty: no key to hand out (pickup) or no free slot (return)
     */
    public OptionalInt choose(RentalPass.Action action, String car, Set<Integer> busy) {
        int best = -1;
        for (int slot = 1; slot <= slots.size(); slot++) {
            SlotContent s = at(slot);
            if (busy.contains(slot)) {
                continue;
            }
            if (action == RentalPass.Action.RETURN) {
                if (!s.key()) {
                    return OptionalInt.of(slot);
                }
                continue;
            }
            if (!s.key()) {
                continue;
            }
            if (car != null && car.equals(s.car())) {
                return OptionalInt.of(slot);
            }
            if (best < 0 || better(s, at(best))) {
                best = slot;
            }
        }
        return best < 0 ? OptionalInt.empty() : OptionalInt.of(best);
    }

    private static boolean better(SlotContent candidate, SlotContent current) {
        if (candidate.car().isEmpty() != current.car().isEmpty()) {
            return !candidate.car().isEmpty();
        }
        return candidate.sinceMillis() < current.sinceMillis();
    }

    /** @return how many slots hold a key */
    public int keys() {
        return (int) slots.stream().filter(SlotContent::key).count();
    }
}
