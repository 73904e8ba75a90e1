package cn.taihang.wire.ticket;

import java.util.HashMap;
import java.util.Map;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Checks ticket signatures against a {@link KeyRing}, offline. Uses BouncyCastle's RFC 8032 Ed25519 with
 * each public key decoded once (the JDK's own Ed25519 is several times slower). Immutable and
 * thread-safe: build a new verifier when the key ring changes.
 */
public final class TicketVerifier {

    private final KeyRing ring;
    private final Map<Integer, Ed25519.PublicPoint> points = new HashMap<>();
    private final TicketCodec codec = new TicketCodec();

    /** @param ring the keys to trust; keys that are not valid Ed25519 points verify nothing */
    public TicketVerifier(KeyRing ring) {
        this.ring = ring;
        for (KeyRing.Key key : ring.keys()) {
            Ed25519.PublicPoint point = Ed25519.validatePublicKeyFullExport(key.publicKey(), 0);
            if (point != null) {
                points.put(key.id(), point);
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
        Ed25519.PublicPoint point = points.get(keyId);
        if (point == null || !Ed25519.verify(signed.signature(), 0, point, signed.body(), 0, signed.body().length)) {
            throw new TicketException(TicketException.Reason.BAD_SIGNATURE, "the signature of ticket " + signed.ticket().idText()
                    + " does not match its content: altered or forged");
        }
        if (key.state() == KeyRing.KeyState.WITHDRAWN) {
            throw new TicketException(TicketException.Reason.KEY_WITHDRAWN, "ticket " + signed.ticket().idText() + " was signed with key "
                    + keyId + ", which was withdrawn: the ticket is void");
        }
    }
}
