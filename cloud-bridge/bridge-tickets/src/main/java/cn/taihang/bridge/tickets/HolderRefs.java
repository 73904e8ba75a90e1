package cn.taihang.bridge.tickets;

import cn.taihang.wire.ticket.Ticket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a holder's identity document number into the ticket's 8-byte holder reference: HMAC-SHA256 under a
 * secret of this bridge, truncated. The same document always gives the same reference (so a crew or the
 * platform can match a ticket to a presented document through the bridge), the number itself is never
 * stored, and without the secret the reference reveals nothing.
 */
final class HolderRefs {

    private final SecretKeySpec secret;

    HolderRefs(byte[] secret) {
        this.secret = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    byte[] of(String holder) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return Arrays.copyOf(mac.doFinal(holder.strip().toUpperCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8)), Ticket.HOLDER_REF_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
