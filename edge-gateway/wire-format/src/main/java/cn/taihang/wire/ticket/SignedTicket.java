package cn.taihang.wire.ticket;

import java.util.Objects;

/**
 * A decoded ticket with the bytes its signature covers. Decoding does not check the signature; a
 * {@link TicketVerifier} does.
 *
 * @param ticket the content
 * @param body the signed bytes (the CBOR body exactly as received)
 * @param signature the 64-byte signature (Ed25519, or SM2 as r ‖ s)
 */
public record SignedTicket(Ticket ticket, byte[] body, byte[] signature) {

    /** Validates. */
    public SignedTicket {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(body, "body");
        if (signature == null || signature.length != TicketCodec.SIGNATURE_BYTES) {
            throw new IllegalArgumentException("a ticket signature has " + TicketCodec.SIGNATURE_BYTES + " bytes");
        }
    }
}
