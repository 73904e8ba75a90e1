package cn.taihang.validator.domain;

import cn.taihang.wire.ticket.DenyList;
import cn.taihang.wire.ticket.KeyRing;
import cn.taihang.wire.ticket.TicketVerifier;
import java.util.List;
import java.util.Set;

/**
 * What a gateway trusts right now: the bridge's key ring (or none yet) and the deny list. Immutable; a
 * new one replaces it when the bridge sends a change.
 *
 * @param verifier the key ring's verifier, or {@code null} before the first key ring arrived
 * @param denyList the deny list (version 0, empty, before the first)
 * @param denied its ticket ids
 */
public record Trust(TicketVerifier verifier, DenyList denyList, Set<Long> denied) {

    /** Nothing received yet: every ticket is refused with {@link Verdict#NO_KEY_RING}. */
    public static final Trust NONE = new Trust(null, new DenyList(0, List.of()), Set.of());

    /** @return trust with this key ring and deny list */
    public static Trust of(KeyRing ring, DenyList denyList) {
        return new Trust(ring == null ? null : new TicketVerifier(ring), denyList, denyList.ids());
    }

    /** @return the key ring, or {@code null} */
    public KeyRing keyRing() {
        return verifier == null ? null : verifier.ring();
    }

    /** @return a copy with another key ring */
    public Trust withKeyRing(KeyRing ring) {
        return new Trust(new TicketVerifier(ring), denyList, denied);
    }

    /** @return a copy with another deny list */
    public Trust withDenyList(DenyList list) {
        return new Trust(verifier, list, list.ids());
    }
}
