package cn.taihang.bridge.tickets;

import cn.taihang.bridge.rental.port.RentalEntitlement;
import cn.taihang.bridge.rental.port.RentalPassIssuer;
import cn.taihang.wire.ticket.Entitlement;
import cn.taihang.wire.ticket.EntitlementKind;
import cn.taihang.wire.ticket.RentalPass;
import cn.taihang.wire.ticket.Ticket;
import cn.taihang.wire.ticket.TicketSigner;
import io.vertx.core.Future;
import cn.taihang.bridge.module.Storage;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * The ticket service's side of the one-way rental: signs a reservation's pickup or return entitlement into a key-locker
 * pass — a ticket with one {@link EntitlementKind#RENTAL_KEY} entitlement (the station's code, the window widened to
 * whole minutes, one use) whose holder reference is the {@link RentalPass} (action, reservation, car) — and keeps it with
 * the other tickets (table {@code tickets}, price 0; table {@code ticket_rental_passes} maps reservation and action to
 * it). Asking again returns the same pass while the car it names is unchanged; once the bridge holds another car the
 * new pass replaces the old one, which is revoked (deny list pushed), so a reservation never has two valid passes for the
 * same action (the reservation's lock serialises two requests for it, from any bridge instance).
 */
final class RentalPasses implements RentalPassIssuer {

    private final Storage storage;
    private final TicketKeys keys;
    private final TicketService service;
    private final Clock clock;
    private final SecureRandom random;

    RentalPasses(Storage storage, TicketKeys keys, TicketService service, Clock clock, SecureRandom random) {
        this.storage = storage;
        this.keys = keys;
        this.service = service;
        this.clock = clock;
        this.random = random;
    }

    /** A pass issued or found, and whether an older one was revoked for it. */
    private record Issued(Pass pass, boolean revoked) {}

    @Override
    public Future<Pass> issue(RentalEntitlement e) {
        RentalPass pass;
        Entitlement entitlement;
        try {
            pass = new RentalPass(RentalPass.Action.of(e.action()), e.reservationId(), RentalPass.fits(e.carId()) ? e.carId() : null);
            Instant from = e.validFrom().truncatedTo(ChronoUnit.MINUTES);
            Instant until = e.validUntil().truncatedTo(ChronoUnit.MINUTES).equals(e.validUntil()) ? e.validUntil()
                    : e.validUntil().truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
            entitlement = Entitlement.of(EntitlementKind.RENTAL_KEY, e.place(), from.isBefore(Ticket.EPOCH) ? Ticket.EPOCH : from, until, 1);
        } catch (IllegalArgumentException | NullPointerException invalid) {
            return Future.failedFuture(new IllegalStateException("the rental entitlement cannot be signed into a pass: " + invalid.getMessage(), invalid));
        }
        Instant now = clock.instant();
        return storage.writer().withTransaction(tx -> storage.lock(tx, "rental-pass:" + pass.reservation()).compose(locked -> tx.preparedQuery("SELECT p.ticket, p.car, t.qr, t.status FROM ticket_rental_passes p JOIN tickets t ON t.id = p.ticket "
                        + "WHERE p.reservation = $1 AND p.action = $2").execute(Tuple.of(pass.reservation(), pass.action().id()))
                .compose(rows -> {
                    Row held = rows.size() == 0 ? null : rows.iterator().next();
                    if (held != null && held.getString(3).equals("valid") && Objects.equals(held.getString(1), pass.car())) {
                        return Future.succeededFuture(new Issued(new Pass(Long.toString(held.getLong(0)), held.getString(2)), false));
                    }
                    Long old = held != null && held.getString(3).equals("valid") ? held.getLong(0) : null;
                    return insert(tx, e, pass, entitlement, now).compose(issued -> old == null ? Future.succeededFuture(new Issued(issued, false))
                            : revoke(tx, old, now).map(v -> new Issued(issued, true)));
                })))
                .compose(issued -> issued.revoked() ? service.publishDenyList().map(issued.pass()) : Future.succeededFuture(issued.pass()));
    }

    private Future<Pass> insert(SqlConnection tx, RentalEntitlement e, RentalPass pass, Entitlement entitlement, Instant now) {
        long id = 0;
        while (id == 0) {
            id = random.nextLong() & Long.MAX_VALUE;
        }
        long ticketId = id;
        TicketSigner signer = keys.signer();
        Ticket ticket = new Ticket(signer.keyId(), ticketId, pass.holderRef(), now.truncatedTo(ChronoUnit.MINUTES), List.of(entitlement));
        String qr = signer.sign(ticket);
        List<TicketStore.TicketItem> items = List.of(new TicketStore.TicketItem("rental-" + pass.action().id() + ":" + pass.reservation(),
                entitlement.kindName(), entitlement.place(), entitlement.validFrom().atZone(service.catalogue().zone()).toLocalDate(), 1,
                entitlement.validFrom(), entitlement.validUntil(), 1, 0.0));
        return tx.preparedQuery("INSERT INTO tickets (id, holder_ref, key_id, issued, valid_until, status, items, qr, price) VALUES ($1, $2, $3, $4, $5, 'valid', $6, $7, 0)")
                .execute(Tuple.of(ticketId, ticket.holderRefHex(), signer.keyId(), ticket.issuedAt().toEpochMilli(), entitlement.validUntil().toEpochMilli(),
                        TicketStore.encode(items), qr))
                .compose(v -> tx.preparedQuery("INSERT INTO ticket_rental_passes (reservation, action, ticket, car) VALUES ($1, $2, $3, $4) "
                        + "ON CONFLICT (reservation, action) DO UPDATE SET ticket = excluded.ticket, car = excluded.car")
                        .execute(Tuple.of(pass.reservation(), pass.action().id(), ticketId, pass.car())))
                .map(v -> new Pass(Long.toString(ticketId), qr));
    }

    private static Future<Void> revoke(SqlConnection tx, long ticket, Instant now) {
        return tx.preparedQuery("UPDATE tickets SET status = 'revoked', status_changed = $1 WHERE id = $2 AND status = 'valid'")
                .execute(Tuple.of(now.toEpochMilli(), ticket))
                .compose(v -> tx.preparedQuery("INSERT INTO ticket_meta (name, value) VALUES ($1, '1') "
                        + "ON CONFLICT (name) DO UPDATE SET value = CAST(CAST(ticket_meta.value AS INTEGER) + 1 AS TEXT)").execute(Tuple.of(TicketStore.DENY_VERSION)))
                .mapEmpty();
    }
}
