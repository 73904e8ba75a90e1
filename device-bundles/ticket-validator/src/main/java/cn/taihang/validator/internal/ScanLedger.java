package cn.taihang.validator.internal;

import cn.taihang.gateway.api.LedgerEntry;
import cn.taihang.gateway.api.LedgerException;
import cn.taihang.gateway.api.LocalLedger;
import cn.taihang.validator.domain.Decision;
import cn.taihang.validator.domain.UseLookup;
import cn.taihang.validator.domain.UseState;
import cn.taihang.wire.ticket.Entitlement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The gateway's redemption ledger in the {@link LocalLedger}: namespace {@value #NAMESPACE}, one entry per
 * used entitlement, key {@code <ticketId>/<index>}, value a {@link UseState}, kept until a day after the
 * entitlement's window (plus skew) ends. Shared by every gate of the gateway, so a ticket's uses count
 * across them.
 */
final class ScanLedger implements UseLookup {

    static final String NAMESPACE = "ticket-ledger";
    private static final Duration KEEP_AFTER_EXPIRY = Duration.ofDays(1);

    private final LocalLedger ledger;
    private final Duration skew;

    ScanLedger(LocalLedger ledger, Duration skew) {
        this.ledger = ledger;
        this.skew = skew;
    }

    @Override
    public Versioned find(long ticketId, int entitlement) throws LookupFailure {
        Optional<LedgerEntry> entry;
        try {
            entry = ledger.get(NAMESPACE, key(ticketId, entitlement));
        } catch (LedgerException e) {
            throw new LookupFailure(e.getMessage());
        }
        if (entry.isEmpty()) {
            return Versioned.NONE;
        }
        try {
            return new Versioned(UseState.decode(entry.get().value()), entry.get().version());
        } catch (IllegalArgumentException e) {
            throw new LookupFailure("ledger entry " + key(ticketId, entitlement) + " is unreadable: " + e.getMessage());
        }
    }

    /**
     * Records the use an accept decided on, if nobody wrote the entry since it was read.
     *
     * @return the state written, or empty if another scan got there first (judge again)
     * @throws LedgerException if the ledger cannot write
     */
    Optional<UseState> recordUse(Decision accepted, String gate, Instant at) throws LedgerException {
        Entitlement e = accepted.ticket().entitlements().get(accepted.entitlement());
        UseState next = accepted.state().plusOne(gate, at.toEpochMilli());
        Instant keepUntil = e.validUntil().plus(skew).plus(KEEP_AFTER_EXPIRY);
        return ledger.compareAndSet(NAMESPACE, key(accepted.ticket().id(), accepted.entitlement()), accepted.stateVersion(), next.encode(), keepUntil)
                .map(written -> next);
    }

    /**
     * Records one more use of an entitlement whatever the ledger held (a key locker, once its slot door has opened), retrying
     * if another gate wrote the entry meanwhile.
     *
     * @return the state written
     * @throws LedgerException if the ledger cannot read or write, or keeps changing under it
     */
    UseState addUse(long ticketId, int entitlement, Instant validUntil, String gate, Instant at) throws LedgerException {
        for (int attempt = 0; attempt < 3; attempt++) {
            Versioned now;
            try {
                now = find(ticketId, entitlement);
            } catch (LookupFailure e) {
                throw new LedgerException(LedgerException.Reason.UNAVAILABLE, e.getMessage());
            }
            UseState next = now.state().plusOne(gate, at.toEpochMilli());
            if (ledger.compareAndSet(NAMESPACE, key(ticketId, entitlement), now.version(), next.encode(), validUntil.plus(skew).plus(KEEP_AFTER_EXPIRY))
                    .isPresent()) {
                return next;
            }
        }
        throw new LedgerException(LedgerException.Reason.UNAVAILABLE, "ledger entry " + key(ticketId, entitlement) + " keeps changing; try again");
    }

    static String key(long ticketId, int entitlement) {
        return ticketId + "/" + entitlement;
    }
}
