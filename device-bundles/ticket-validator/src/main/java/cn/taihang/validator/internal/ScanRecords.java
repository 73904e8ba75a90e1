package cn.taihang.validator.internal;

import cn.taihang.gateway.api.Measurement;
import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.gateway.api.Outbox;
import cn.taihang.gateway.api.OutboxException;
import cn.taihang.gateway.api.Priority;
import cn.taihang.validator.domain.Decision;
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
 * Publishes a gate's scans: every accept as a CRITICAL {@value #REDEMPTION} record (never evicted; the
 * bridge's ticket ledger and double-use detection consume it), every refusal as a NORMAL
 * {@value #REJECTION} record; a key locker's pickups and returns as CRITICAL {@code rental.*} records. A record the outbox refuses is counted and logged once per reason.
 */
final class ScanRecords {

    static final String REDEMPTION = "ticket.redemption";
    static final String REJECTION = "ticket.rejection";
    static final String PICKUP = "rental.pickup";
    static final String RETURN = "rental.return";
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

    /**
     * Measurements: {@code ticket} (id, text), {@code entitlement} (index), {@code kind}, {@code place},
     * {@code use} (which use on this gateway, from 1), {@code uses} (allowed), {@code key} (key id),
     * {@code gate} (gate kind).
     */
    void redemption(Decision accepted, int use, Instant at) {
        Entitlement e = accepted.ticket().entitlements().get(accepted.entitlement());
        publish(new OutboundRecord(device, REDEMPTION, Priority.CRITICAL, at, List.of(
                Measurement.text("ticket", accepted.ticketId()),
                Measurement.number("entitlement", null, accepted.entitlement()),
                Measurement.text("kind", e.kindName()),
                Measurement.number("place", null, e.place()),
                Measurement.number("use", "count", use),
                Measurement.number("uses", "count", e.uses()),
                Measurement.number("key", null, accepted.ticket().keyId()),
                Measurement.text("gate", gate.name().toLowerCase(Locale.ROOT)))));
    }

    /**
     * A key locker's completed pickup or return, CRITICAL, {@value #PICKUP} or {@value #RETURN}, timed when the slot's door
     * shut. Measurements: {@code reservation}, {@code car} (when known), {@code keyFrom} (pickup of a key whose car the
     * locker does not know: the reservation that returned it), {@code slot}, {@code ticket} (the pass), {@code place}
     * (the station code).
     */
    void rental(RentalPass pass, String car, String keyFrom, int slot, long ticketId, int place, Instant closedAt) {
        List<Measurement> values = new ArrayList<>(6);
        values.add(Measurement.text("reservation", pass.reservation()));
        if (car != null && !car.isEmpty()) {
            values.add(Measurement.text("car", car));
        }
        if (keyFrom != null && !keyFrom.isEmpty()) {
            values.add(Measurement.text("keyFrom", keyFrom));
        }
        values.add(Measurement.number("slot", null, slot));
        values.add(Measurement.text("ticket", Long.toString(ticketId)));
        values.add(Measurement.number("place", null, place));
        publish(new OutboundRecord(device, pass.action() == RentalPass.Action.PICKUP ? PICKUP : RETURN, Priority.CRITICAL, closedAt, values));
    }

    /** Measurements: {@code reason} (the verdict code), {@code ticket} (when one was read), {@code detail}. */
    void rejection(Decision refused, Instant at) {
        List<Measurement> values = new ArrayList<>(3);
        values.add(Measurement.text("reason", refused.verdict().name()));
        if (refused.ticket() != null) {
            values.add(Measurement.text("ticket", refused.ticketId()));
        }
        String detail = refused.detail().isEmpty() ? "-" : refused.detail();
        values.add(Measurement.text("detail", detail.length() > DETAIL_CHARS ? detail.substring(0, DETAIL_CHARS) : detail));
        publish(new OutboundRecord(device, REJECTION, Priority.NORMAL, at, values));
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
