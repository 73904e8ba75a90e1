package cn.taihang.wire.ticket;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Ticket ids that gates must refuse (refunded or revoked), keyed on the ticket id, never on a signature.
 * Sent to every gateway as the retained fleet command {@code ticket-deny-list}. An entry can be dropped
 * after {@link Entry#until()}: by then the ticket has expired anyway.
 *
 * @param version increases with every change; a gateway ignores a list older than the one it holds
 * @param entries the denied tickets, at most {@value #MAX_ENTRIES}
 */
public record DenyList(long version, List<Entry> entries) {

    /** Most entries (about 1 MB on the wire, under the MQTT message limit). */
    public static final int MAX_ENTRIES = 50_000;

    /** Validates and copies. */
    public DenyList {
        entries = List.copyOf(entries);
        if (version < 0 || entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("a deny list has a version >= 0 and at most " + MAX_ENTRIES + " entries");
        }
    }

    /**
     * A denied ticket.
     *
     * @param ticketId the ticket id
     * @param until when the ticket expires anyway (the entry may be dropped after)
     */
    public record Entry(long ticketId, Instant until) {
        /** Validates. */
        public Entry {
            Objects.requireNonNull(until, "until");
        }
    }

    /** @return the denied ticket ids, for fast lookup */
    public Set<Long> ids() {
        Set<Long> ids = new HashSet<>(entries.size() * 2);
        entries.forEach(e -> ids.add(e.ticketId()));
        return ids;
    }
}
