package cn.taihang.wire.ticket;

import cn.taihang.wire.sign.VerifyingKey;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks ticket signatures against a {@link KeyRing}, offline: Ed25519 or SM2 with SM3, as each key's id says, with
 * each public key decoded once (BouncyCastle; the JDK's own Ed25519 is several times slower). Immutable and
 * thread-safe: build a new verifier when the key ring changes.
 */
public final class TicketVerifier {

    private final KeyRing ring;
    private final Map<Integer, VerifyingKey> keys = new HashMap<>();
    private final TicketCodec codec = new TicketCodec();

    /** @param ring the keys to trust; keys that are not valid points of their curve verify nothing */
    public TicketVerifier(KeyRing ring) {
        this.ring = ring;
        for (KeyRing.Key key : ring.keys()) {
            try {
                keys.put(key.id(), VerifyingKey.of(key.id(), key.publicKey()));
            } catch (IllegalArgumentException notAPoint) {
                // stays out of the map: its tickets fail as BAD_SIGNATURE
            }
        }
    }

    /** @return the key ring it trusts */
    public KeyRing ring() {
        return ring;
    }

    /**
     * Decodes and verifies a scanned text.
     *
     * @throws TicketException a decoding reason, or UNKNOWN_KEY, KEY_WITHDRAWN, BAD_SIGNATURE
     */
    public SignedTicket verify(String text) throws TicketException {
        SignedTicket signed = codec.decode(text);
        verify(signed);
        return signed;
    }

    /**
     * Verifies a decoded ticket's signature and key.
     *
     * @throws TicketException UNKNOWN_KEY, KEY_WITHDRAWN or BAD_SIGNATURE
     */
    public void verify(SignedTicket signed) throws TicketException {
        int keyId = signed.ticket().keyId();
        KeyRing.Key key = ring.key(keyId).orElseThrow(() -> new TicketException(TicketException.Reason.UNKNOWN_KEY,
                "ticket signed with key " + keyId + ", which this gateway's key ring (version " + ring.version()
                        + ") does not hold: forged, or the key ring is out of date"));
        VerifyingKey verifying = keys.get(keyId);
        if (verifying == null || !verifying.verify(signed.body(), signed.signature())) {
            throw new TicketException(TicketException.Reason.BAD_SIGNATURE, "the " + key.algorithm().label() + " signature of ticket "
                    + signed.ticket().idText() + " does not match its content: altered or forged");
        }
        if (key.state() == KeyRing.KeyState.WITHDRAWN) {
            throw new TicketException(TicketException.Reason.KEY_WITHDRAWN, "ticket " + signed.ticket().idText() + " was signed with key "
                    + keyId + ", which was withdrawn: the ticket is void");
        }
    }
}
