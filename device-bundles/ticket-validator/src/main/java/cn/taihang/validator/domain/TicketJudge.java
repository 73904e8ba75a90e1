package cn.taihang.validator.domain;

import cn.taihang.wire.ticket.Entitlement;
import cn.taihang.wire.ticket.SignedTicket;
import cn.taihang.wire.ticket.Ticket;
import cn.taihang.wire.ticket.TicketCodec;
import cn.taihang.wire.ticket.TicketException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A gate's rules, offline: decode, signature and key, deny list, entitlement for this gate, validity window
 * against the gateway clock (widened by the skew tolerance), uses left on this gateway, passback. Pure:
 * the ledger is read through {@link UseLookup} and written by the caller on an accept. Thread-safe.
 */
public final class TicketJudge {

    private final GateRules rules;
    private final TicketCodec codec = new TicketCodec();

    /** @param rules the gate's rules */
    public TicketJudge(GateRules rules) {
        this.rules = rules;
    }

    /** @return the gate's rules */
    public GateRules rules() {
        return rules;
    }

    /**
     * @param text the scanned line
     * @param now the gateway clock
     * @param trust the key ring and deny list now
     * @param uses the ledger
     * @return the decision; never throws for bad input
     */
    public Decision judge(String text, Instant now, Trust trust, UseLookup uses) {
        SignedTicket signed;
        try {
            signed = codec.decode(text);
        } catch (TicketException e) {
            return Decision.refused(Verdict.of(e.reason()), e.getMessage());
        }
        Ticket ticket = signed.ticket();
        if (trust.verifier() == null) {
            return new Decision(Verdict.NO_KEY_RING, ticket, -1, UseState.NONE, 0,
                    "this gateway has not received the bridge's key ring yet; it arrives with the first connection to the bridge");
        }
        try {
            trust.verifier().verify(signed);
        } catch (TicketException e) {
            return new Decision(Verdict.of(e.reason()), ticket, -1, UseState.NONE, 0, e.getMessage());
        }
        if (trust.denied().contains(ticket.id())) {
            return new Decision(Verdict.REVOKED, ticket, -1, UseState.NONE, 0, "ticket " + ticket.idText() + " is on the deny list (version "
                    + trust.denyList().version() + "): refunded or revoked");
        }
        return judgeEntitlements(ticket, now, uses);
    }

    private Decision judgeEntitlements(Ticket ticket, Instant now, UseLookup uses) {
        Decision best = null;
        List<Entitlement> entitlements = ticket.entitlements();
        for (int i = 0; i < entitlements.size(); i++) {
            Entitlement e = entitlements.get(i);
            if (e.kindCode() != rules.kind().honours().code() || !rules.places().contains(e.place())) {
                continue;
            }
            Decision d = judgeOne(ticket, i, e, now, uses);
            if (d.verdict().accepted()) {
                return d;
            }
            if (best == null || rank(d.verdict()) < rank(best.verdict())) {
                best = d;
            }
        }
        if (best == null) {
            return new Decision(Verdict.WRONG_GATE, ticket, -1, UseState.NONE, 0, "ticket " + ticket.idText() + " grants nothing at this "
                    + rules.kind() + " gate (places " + rules.places() + ")");
        }
        return best;
    }

    private Decision judgeOne(Ticket ticket, int index, Entitlement e, Instant now, UseLookup uses) {
        Duration skew = rules.skew();
        if (now.plus(skew).isBefore(e.validFrom())) {
            return new Decision(Verdict.NOT_YET_VALID, ticket, index, UseState.NONE, 0, "valid from " + e.validFrom());
        }
        if (!now.minus(skew).isBefore(e.validUntil())) {
            return new Decision(Verdict.EXPIRED, ticket, index, UseState.NONE, 0, "valid until " + e.validUntil());
        }
        UseLookup.Versioned used;
        try {
            used = uses.find(ticket.id(), index);
        } catch (UseLookup.LookupFailure failure) {
            return new Decision(Verdict.LEDGER_FAULT, ticket, index, UseState.NONE, 0, failure.getMessage());
        }
        UseState state = used.state();
        if (state.uses() >= e.uses()) {
            return new Decision(Verdict.REPLAYED, ticket, index, state, used.version(), "all " + e.uses() + " use(s) taken, the latest at "
                    + state.lastGate() + " " + Instant.ofEpochMilli(state.lastAtMillis()));
        }
        if (state.lastGate().equals(rules.gate()) && now.toEpochMilli() - state.lastAtMillis() < rules.passback().toMillis()) {
            return new Decision(Verdict.PASSBACK, ticket, index, state, used.version(), "used at this gate "
                    + (now.toEpochMilli() - state.lastAtMillis()) / 1000 + " s ago");
        }
        return new Decision(Verdict.ACCEPTED, ticket, index, state, used.version(), "");
    }

    private static int rank(Verdict v) {
        return switch (v) {
            case LEDGER_FAULT -> 0;
            case PASSBACK -> 1;
            case REPLAYED -> 2;
            case NOT_YET_VALID -> 3;
            default -> 4;
        };
    }
}
