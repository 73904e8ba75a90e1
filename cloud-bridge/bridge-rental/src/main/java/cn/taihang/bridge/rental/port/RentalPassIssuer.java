package cn.taihang.bridge.rental.port;

import io.vertx.core.Future;

/**
 * Turns a rental entitlement into a QR the customer shows at the key locker. Implemented by the ticket service
 * (signed CBOR ticket, Base45 text for QR alphanumeric mode); the rental service offers the entitlements at
 * {@code GET /api/v1/rental/reservations/{id}/entitlements} and calls the issuer when one is plugged in.
 */
public interface RentalPassIssuer {

    /**
     * A pass.
     *
     * @param ticketId the ticket's id (deny lists key on it)
     * @param qrText what the QR code encodes
     */
    record Pass(String ticketId, String qrText) {}

    /**
     * @param entitlement what the pass allows
     * @return the pass; fails if it cannot be signed (the reservation stays valid, the QR can be asked for again)
     */
    Future<Pass> issue(RentalEntitlement entitlement);
}
