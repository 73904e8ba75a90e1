package cn.taihang.hardware.spi;

import cn.taihang.hardware.api.BoardProfile;
import cn.taihang.hardware.api.HardwareException;
import cn.taihang.hardware.api.PinStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The pins an implementation of {@link cn.taihang.hardware.api.Gpio} holds: each pin checked against
 * the board profile and held by one owner at a time. Thread-safe.
 */
public final class PinTable {

    private final BoardProfile board;
    private final Map<Integer, HeldPin> held = new TreeMap<>();

    /** @param board the board whose pins may be claimed, never {@code null} */
    public PinTable(BoardProfile board) {
        this.board = Objects.requireNonNull(board, "board");
    }

    /** @return the board this table checks pins against */
    public BoardProfile board() {
        return board;
    }

    /**
     * Claims a pin for one owner.
     *
     * @param pin GPIO number
     * @param direction input or output
     * @param owner who holds it, shown in status and in the errors of later claimants
     * @param initialHigh the level the pin has when claimed
     * @return the claim; release it with {@link #release(HeldPin)}
     * @throws HardwareException {@code NO_SUCH_PIN} or {@code RESERVED_PIN} from the board profile, or
     *     {@code PIN_IN_USE} naming the current owner
     */
    public synchronized HeldPin claim(int pin, PinStatus.Direction direction, String owner, boolean initialHigh)
            throws HardwareException {
        board.requireUsable(pin);
        HeldPin current = held.get(pin);
        if (current != null) {
            throw new HardwareException(HardwareException.Reason.PIN_IN_USE,
                    "GPIO " + pin + " is already held as " + current.direction() + " by '" + current.owner()
                            + "'; close it there first, or give '" + owner + "' another pin in its configuration");
        }
        HeldPin claim = new HeldPin(pin, direction, owner, initialHigh);
        held.put(pin, claim);
        return claim;
    }

    /**
     * Releases a claim. Does nothing if this claim no longer holds its pin, so closing twice is harmless.
     *
     * @return {@code true} if the claim was released by this call
     */
    public synchronized boolean release(HeldPin claim) {
        return held.remove(claim.pin(), claim);
    }

    /** @return the current claim of a pin, if any */
    public synchronized Optional<HeldPin> holder(int pin) {
        return Optional.ofNullable(held.get(pin));
    }

    /** @return every current claim, ordered by pin number */
    public synchronized List<HeldPin> held() {
        return new ArrayList<>(held.values());
    }

    /** @return the status of every held pin, ordered by pin number */
    public List<PinStatus> statuses() {
        return held().stream().map(HeldPin::status).toList();
    }
}
