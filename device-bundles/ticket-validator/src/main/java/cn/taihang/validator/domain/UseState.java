package cn.taihang.validator.domain;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * How often an entitlement was used on this gateway, and where last: the ledger's value per entitlement,
 * stored as the text {@code uses|gate|epochMillis}.
 *
 * @param uses uses so far, >= 0
 * @param lastGate device id of the gate of the latest use, or {@code ""}
 * @param lastAtMillis when, ms since the epoch, or 0
 */
public record UseState(int uses, String lastGate, long lastAtMillis) {

    /** Never used. */
    public static final UseState NONE = new UseState(0, "", 0);

    /** Validates. */
    public UseState {
        Objects.requireNonNull(lastGate, "lastGate");
        if (uses < 0 || lastGate.indexOf('|') >= 0) {
            throw new IllegalArgumentException("uses >= 0 and a gate id without '|'");
        }
    }

    /** @return the state after one more use */
    public UseState plusOne(String gate, long atMillis) {
        return new UseState(uses + 1, gate, atMillis);
    }

    /** @return the ledger value */
    public byte[] encode() {
        return (uses + "|" + lastGate + "|" + lastAtMillis).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @return the state a ledger value holds
     * @throws IllegalArgumentException if the value is not one {@link #encode} wrote
     */
    public static UseState decode(byte[] value) {
        String[] parts = new String(value, StandardCharsets.UTF_8).split("\\|", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a use record");
        }
        return new UseState(Integer.parseInt(parts[0]), parts[1], Long.parseLong(parts[2]));
    }
}
