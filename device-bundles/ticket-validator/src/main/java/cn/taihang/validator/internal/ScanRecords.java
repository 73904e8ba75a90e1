package cn.taihang.validator.internal;

import cn.taihang.gateway.api.Measurement;
import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.gateway.api.Outbox;
import cn.taihang.gateway.api.OutboxException;
import cn.taihang.validator.domain.Decision;
import cn.taihang.wire.records.LockerHandover;
import cn.taihang.wire.records.TicketRedemption;
import cn.taihang.wire.records.TicketRejection;
import cn.taihang.wire.ticket.Entitlement;
import cn.taihang.wire.ticket.GateKind;
import cn.taihang.wire.ticket.RentalPass;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a gate's scans: every accept as a {@link TicketRedemption} (critical, never evicted; the bridge's ticket
 * ledger and double-use detection consume it), every refusal as a {@link TicketRejection}; a key locker's pickups and
 * returns as {@link LockerHandover}s. A record the outbox refuses is counted and logged once per reason.
 */
final class ScanRecords {

    private static final Logger LOG = LoggerFactory.getLogger(ScanRecords.class);
    private static final int DETAIL_CHARS = 200;

    private final Outbox outbox;
    private final String device;
    private final GateKind gate;
    private final AtomicLong failures = new AtomicLong();
    private final Set<String> reasonsLogged = ConcurrentHashMap.newKeySet();
    private volatile String lastProblem = "";

    ScanRecords(Outbox outbox, String device, GateKind gate) {
        this.outbox = outbox;
        this.device = device;
        this.gate = gate;
    }

    void redemption(Decision accepted, int use, Instant at) {
        Entitlement e = accepted.ticket().entitlements().get(accepted.entitlement());
        publish(new OutboundRecord(device, TicketRedemption.KIND, at, List.of(
                Measurement.of(TicketRedemption.TICKET, accepted.ticketId()),
                Measurement.of(TicketRedemption.ENTITLEMENT, accepted.entitlement()),
                Measurement.of(TicketRedemption.ENTITLEMENT_KIND, e.kindName()),
                Measurement.of(TicketRedemption.PLACE, e.place()),
                Measurement.of(TicketRedemption.USE, use),
                Measurement.of(TicketRedemption.USES, e.uses()),
                Measurement.of(TicketRedemption.KEY, accepted.ticket().keyId()),
                Measurement.of(TicketRedemption.GATE, gate.name().toLowerCase(Locale.ROOT)))));
    }

    /** A key locker's completed pickup or return, timed when the slot's door shut. */
    void rental(RentalPass pass, String car, String keyFrom, int slot, long ticketId, int place, Instant closedAt) {
        List<Measurement> values = new ArrayList<>(6);
        values.add(Measurement.of(LockerHandover.RESERVATION, pass.reservation()));
        if (car != null && !car.isEmpty()) {
            values.add(Measurement.of(LockerHandover.CAR, car));
        }
        if (keyFrom != null && !keyFrom.isEmpty()) {
            values.add(Measurement.of(LockerHandover.KEY_FROM, keyFrom));
        }
        values.add(Measurement.of(LockerHandover.SLOT, slot));
        values.add(Measurement.of(LockerHandover.TICKET, Long.toString(ticketId)));
        values.add(Measurement.of(LockerHandover.PLACE, place));
        publish(new OutboundRecord(device, pass.action() == RentalPass.Action.PICKUP ? LockerHandover.PICKUP : LockerHandover.RETURN, closedAt, values));
    }

    void rejection(Decision refused, Instant at) {
        List<Measurement> values = new ArrayList<>(3);
        values.add(Measurement.of(TicketRejection.REASON, refused.verdict().name()));
        if (refused.ticket() != null) {
            values.add(Measurement.of(TicketRejection.TICKET, refused.ticketId()));
        }
        String detail = refused.detail().isEmpty() ? "-" : refused.detail();
        values.add(Measurement.of(TicketRejection.DETAIL, detail.length() > DETAIL_CHARS ? detail.substring(0, DETAIL_CHARS) : detail));
        publish(new OutboundRecord(device, TicketRejection.KIND, at, values));
    }

    long failures() {
        return failures.get();
    }

    String lastProblem() {
        return lastProblem;
    }

    private void publish(OutboundRecord record) {
        try {
            outbox.publish(record).whenComplete((seq, error) -> {
                if (error == null) {
                    lastProblem = "";
                    reasonsLogged.clear();
                } else {
                    failed(record, error);
                }
            });
        } catch (RuntimeException e) {
            failed(record, e);
        }
    }

    private void failed(OutboundRecord record, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        failures.incrementAndGet();
        String reason = cause instanceof OutboxException refused ? refused.reason().name() : cause.getClass().getSimpleName();
        lastProblem = reason + ": " + cause.getMessage();
        if (reasonsLogged.add(reason)) {
            LOG.error("gate {}: the outbox refused a {} record ({}). Check the gateway store's health; further refusals for this "
                    + "reason are only counted.", device, record.kind(), lastProblem);
        }
    }
}
