package cn.taihang.validator.domain;

import cn.taihang.wire.ticket.DenyList;
import cn.taihang.wire.ticket.Entitlement;
import cn.taihang.wire.ticket.EntitlementKind;
import cn.taihang.wire.ticket.KeyRing;
import cn.taihang.wire.ticket.Ticket;
import cn.taihang.wire.ticket.TicketSigner;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Plays the bridge in tests: a key, tickets for 1 May 2025 (bus 1001 ×2, Wangmangling 2001 ×1, lodging 3001), the key ring. */
public final class Issuer {

    public static final Instant DAY = Instant.parse("2025-05-01T00:00:00Z");
    public static final Instant NOON = DAY.plus(Duration.ofHours(4));
    private final TicketSigner signer;

    public Issuer(int keyId) {
        SecureRandom random;
        try {
            random = SecureRandom.getInstance("SHA1PRNG");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        random.setSeed(keyId);
        signer = new TicketSigner(keyId, TicketSigner.newPrivateKey(random));
    }

    public Ticket oneTicket(long id) {
        return new Ticket(signer.keyId(), id, new byte[8], DAY.minus(Duration.ofDays(3)), List.of(
                Entitlement.of(EntitlementKind.BUS_RIDE, 1001, DAY.minus(Duration.ofHours(3)), DAY.plus(Duration.ofHours(15)), 2),
                Entitlement.of(EntitlementKind.SCENIC_ENTRY, 2001, DAY.minus(Duration.ofHours(8)), DAY.plus(Duration.ofHours(16)), 1),
                Entitlement.of(EntitlementKind.LODGING_STAY, 3001, DAY.plus(Duration.ofHours(6)), DAY.plus(Duration.ofDays(2)), 1)));
    }

    /** A rental pass: one RENTAL_KEY entitlement at the station, the pass in the holder reference. */
    public String rentalPass(long id, cn.taihang.wire.ticket.RentalPass pass, int station, Instant from, Instant until) {
        return sign(new Ticket(signer.keyId(), id, pass.holderRef(), DAY.minus(Duration.ofDays(3)),
                List.of(Entitlement.of(EntitlementKind.RENTAL_KEY, station, from, until, 1))));
    }

    public String sign(Ticket ticket) {
        return signer.sign(ticket);
    }

    public String ticketText(long id) {
        return sign(oneTicket(id));
    }

    public KeyRing.Key key(KeyRing.KeyState state) {
        return new KeyRing.Key(signer.keyId(), signer.publicKey(), state);
    }

    public KeyRing ring() {
        return new KeyRing(1, List.of(key(KeyRing.KeyState.ACTIVE)));
    }

    public Trust trust() {
        return Trust.of(ring(), new DenyList(0, List.of()));
    }
}
