package cn.taihang.wire.ticket;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Tickets and keys for the tests: a fixed-seed key, a bus + scenic + lodging ticket. */
final class SampleTickets {

    static final Instant DAY = Instant.parse("2025-05-01T00:00:00Z");
    static final byte[] HOLDER = {1, 2, 3, 4, 5, 6, 7, 8};

    private SampleTickets() {
    }

    /** @return a fixed key for the id (Ed25519 or SM2, as the id says) */
    static byte[] privateKey(int seed) {
        SecureRandom random;
        try {
            random = SecureRandom.getInstance("SHA1PRNG");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        random.setSeed(seed);
        return cn.taihang.wire.sign.SigningKey.generate(seed, random).privateKey();
    }

    static TicketSigner signer(int keyId) {
        return new TicketSigner(keyId, privateKey(keyId));
    }

    /** A realistic "one ticket": bus line t01 for the day, Wangmangling admission, two nights of lodging. */
    static Ticket threeEntitlements(int keyId, long id) {
        return new Ticket(keyId, id, HOLDER, DAY.minus(Duration.ofDays(12)).plusSeconds(37 * 60), List.of(
                Entitlement.of(EntitlementKind.BUS_RIDE, 1001, DAY.minusSeconds(3 * 3600), DAY.plusSeconds(16 * 3600), 2),
                Entitlement.of(EntitlementKind.SCENIC_ENTRY, 2001, DAY.minusSeconds(8 * 3600), DAY.plusSeconds(16 * 3600), 1),
                Entitlement.of(EntitlementKind.LODGING_STAY, 3001, DAY.plusSeconds(6 * 3600), DAY.plusSeconds(6 * 3600).plus(Duration.ofDays(2)), 1)));
    }

    static KeyRing ring(long version, KeyRing.Key... keys) {
        return new KeyRing(version, List.of(keys));
    }

    static KeyRing.Key key(TicketSigner signer, KeyRing.KeyState state) {
        return new KeyRing.Key(signer.keyId(), signer.publicKey(), state);
    }
}
