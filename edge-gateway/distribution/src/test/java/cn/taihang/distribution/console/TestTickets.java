package cn.taihang.distribution.console;

import cn.taihang.wire.ticket.Entitlement;
import cn.taihang.wire.ticket.EntitlementKind;
import cn.taihang.wire.ticket.KeyRing;
import cn.taihang.wire.ticket.Ticket;
import cn.taihang.wire.ticket.TicketSigner;
import cn.taihang.wire.ticket.TrustCodec;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Plays the bridge's ticket service: a signing key, its key ring (as the {@code ticket-keyring} command body) and tickets. */
final class TestTickets {

    static final int KEY_ID = 7;
    private final TicketSigner signer = new TicketSigner(KEY_ID, TicketSigner.newPrivateKey(new SecureRandom()));
    /** Someone else's key under the same key id: what a forger would sign with. */
    private final TicketSigner forger = new TicketSigner(KEY_ID, TicketSigner.newPrivateKey(new SecureRandom()));

    byte[] keyRingCommand() {
        return new TrustCodec().encode(new KeyRing(1, List.of(new KeyRing.Key(KEY_ID, signer.publicKey(), KeyRing.KeyState.ACTIVE))));
    }

    /** @return the QR text of a one-entry scenic ticket valid now at {@code place} */
    String scenicTicket(long id, int place) {
        return signer.sign(ticket(id, place));
    }

    /** @return the same ticket signed with another key */
    String forged(long id, int place) {
        return forger.sign(ticket(id, place));
    }

    private static Ticket ticket(long id, int place) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        return new Ticket(KEY_ID, id, new byte[Ticket.HOLDER_REF_BYTES], now.minus(Duration.ofDays(1)),
                List.of(Entitlement.of(EntitlementKind.SCENIC_ENTRY, place, now.minus(Duration.ofHours(2)), now.plus(Duration.ofHours(8)), 1)));
    }
}
