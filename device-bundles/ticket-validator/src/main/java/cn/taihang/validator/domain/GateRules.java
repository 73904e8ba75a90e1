package cn.taihang.validator.domain;

import cn.taihang.wire.ticket.GateKind;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What a gate honours and how strictly.
 *
 * @param gate the gate's device id (ledger entries and records name it)
 * @param kind what the gate controls
 * @param places catalogue codes of the lines, areas or lodgings it admits to, not empty
 * @param skew how far the gateway clock may be off: windows are widened by this much on both sides
 * @param passback a second scan of the same entitlement at the same gate within this is refused
 */
public record GateRules(String gate, GateKind kind, Set<Integer> places, Duration skew, Duration passback) {

    /** Lowest catalogue code of a place. */
    public static final int PLACE_MIN = 0;
    /** Highest catalogue code of a place (two bytes in a ticket). */
    public static final int PLACE_MAX = 65_535;

    /** Validates and copies. @throws IllegalArgumentException on a bad value */
    public GateRules {
        Objects.requireNonNull(kind, "kind");
        if (gate == null || gate.isBlank()) {
            throw new IllegalArgumentException("the gate needs a device id");
        }
        places = Set.copyOf(places);
        if (places.isEmpty() || places.stream().anyMatch(p -> p < PLACE_MIN || p > PLACE_MAX)) {
            throw new IllegalArgumentException("places must list the catalogue codes (" + PLACE_MIN + "-" + PLACE_MAX + ") this gate admits to, e.g. 2001 for Wangmangling");
        }
        if (skew.isNegative() || skew.compareTo(Duration.ofHours(2)) > 0 || passback.isNegative()) {
            throw new IllegalArgumentException("clock skew tolerance must be 0-7200 s and the passback time >= 0");
        }
    }
}
