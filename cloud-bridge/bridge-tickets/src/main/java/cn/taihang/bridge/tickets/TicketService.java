package cn.taihang.bridge.tickets;

import cn.taihang.wire.ticket.DenyList;
import cn.taihang.wire.sign.SignatureAlgorithm;
import cn.taihang.wire.ticket.KeyRing;
import cn.taihang.wire.ticket.TrustCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import cn.taihang.bridge.module.HolderToken;
import cn.taihang.bridge.module.ServiceException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The ticket service's operations, for the HTTP routes: orders, tickets, refunds and revocations, key
 * rotation and withdrawal; every change of the key ring or deny list is pushed to all gateways.
 */
final class TicketService {

    /** Fleet command carrying the key ring. */
    static final String KEY_RING_COMMAND = "ticket-keyring";
    /** Fleet command carrying the deny list. */
    static final String DENY_LIST_COMMAND = "ticket-deny-list";

    private final Catalogue catalogue;
    private final TicketKeys keys;
    private final TicketStore store;
    private final RedemptionLedger redemptions;
    private final TrustPublisher publisher;
    private final HolderRefs holders;
    private final Clock clock;
    private final TrustCodec codec = new TrustCodec();
    private final Counter issued;
    private final Counter soldOut;
    private final SecureRandom random = new SecureRandom();

    TicketService(Catalogue catalogue, TicketKeys keys, TicketStore store, RedemptionLedger redemptions, TrustPublisher publisher, HolderRefs holders,
                  Clock clock, MeterRegistry meters) {
        this.catalogue = catalogue;
        this.keys = keys;
        this.store = store;
        this.redemptions = redemptions;
        this.publisher = publisher;
        this.holders = holders;
        this.clock = clock;
        this.issued = Counter.builder("bridge_tickets_issued").description("tickets issued").register(meters);
        this.soldOut = Counter.builder("bridge_tickets_sold_out").description("orders refused because a product was sold out").register(meters);
    }

    Catalogue catalogue() {
        return catalogue;
    }

    /** @return the service day now, in the catalogue's zone (orders are checked against it) */
    LocalDate today() {
        return LocalDate.now(clock.withZone(catalogue.zone()));
    }

    /** @return the time now */
    Instant now() {
        return clock.instant();
    }

    /**
     * A ticket with what the gateways reported of it.
     *
     * @param redemptions its redemptions, oldest first (none for a ticket just issued)
     */
    record TicketDetail(TicketStore.StoredTicket ticket, List<RedemptionLedger.Redemption> redemptions) {}

    /**
     * A ticket just sold, with its holder's capability (given out this once).
     *
     * @param holderToken what its holder presents to see it, its QR code, or refund it
     */
    record Ordered(TicketDetail detail, String holderToken) {}

    /** @return the ticket issued; fails with a {@link ServiceException} CONFLICT naming what is sold out */
    Future<Ordered> order(OrderRequest order) {
        HolderToken holder = HolderToken.issue(random);
        return store.order(order, holders.of(order.holder()), holder, keys.signer(), clock.instant()).onSuccess(t -> issued.increment())
                .onFailure(e -> {
                    if (e instanceof ServiceException refusal && refusal.kind() == ServiceException.Kind.CONFLICT) {
                        soldOut.increment();
                    }
                }).map(t -> new Ordered(new TicketDetail(t, List.of()), holder.token()));
    }

    /** @return the stored hash of a ticket's holder token, or {@code null} if it has none; fails NOT_FOUND for an unknown ticket */
    Future<String> holderHash(long id) {
        return store.find(id).compose(t -> store.holderHash(id));
    }

    /** @return the ticket with its redemptions; fails NOT_FOUND for an unknown ticket */
    Future<TicketDetail> ticket(long id) {
        return store.find(id).compose(t -> redemptions.ofTicket(id).map(r -> new TicketDetail(t, r)));
    }

    /** @return the ticket, for its QR code */
    Future<TicketStore.StoredTicket> stored(long id) {
        return store.find(id);
    }

    /** Refunds (capacity back) or revokes a ticket and pushes the new deny list. */
    Future<TicketDetail> end(long id, String status) {
        return store.end(id, status, clock.instant()).compose(t -> publishDenyList().compose(v -> ticket(id)));
    }

    Future<KeyRing> rotate(SignatureAlgorithm algorithm) {
        return keys.rotate(clock.instant(), algorithm).onSuccess(this::publishKeyRing);
    }

    Future<KeyRing> withdraw(int id) {
        return keys.withdraw(id, clock.instant()).onSuccess(this::publishKeyRing);
    }

    KeyRing keyRing() {
        return keys.ring();
    }

    Future<DenyList> denyList() {
        return store.denyList(clock.instant());
    }

    RedemptionLedger redemptions() {
        return redemptions;
    }

    /** Pushes the current key ring and deny list (at start). */
    Future<Void> publishAll() {
        publishKeyRing(keys.ring());
        return publishDenyList();
    }

    private void publishKeyRing(KeyRing ring) {
        publisher.publish(KEY_RING_COMMAND, ring.version(), codec.encode(ring));
    }

    /** Pushes the current deny list to every gateway. */
    Future<Void> publishDenyList() {
        return denyList().map(list -> {
            publisher.publish(DENY_LIST_COMMAND, list.version(), codec.encode(list));
            return null;
        });
    }
}
