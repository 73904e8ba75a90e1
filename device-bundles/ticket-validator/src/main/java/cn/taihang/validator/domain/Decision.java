package cn.taihang.validator.domain;

import cn.taihang.wire.ticket.Ticket;
import java.util.Objects;

/**
 * The verdict on one scan, with what it is based on.
 *
 * @param verdict accepted or why not
 * @param ticket the ticket read, or {@code null} if none could be read
 * @param entitlement index of the entitlement used (accepted) or considered, or -1
 * @param state the ledger state of that entitlement before this scan ({@link UseState#NONE} if unknown)
 * @param stateVersion the ledger version of {@code state}, 0 if absent; the write of an accept expects it
 * @param detail what exactly was wrong, for logs and the console; {@code ""} when accepted
 */
public record Decision(Verdict verdict, Ticket ticket, int entitlement, UseState state, long stateVersion, String detail) {

    /** Validates. */
    public Decision {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(detail, "detail");
    }

    /** @return a refusal with no ticket read */
    public static Decision refused(Verdict verdict, String detail) {
        return new Decision(verdict, null, -1, UseState.NONE, 0, detail);
    }

    /** @return the ticket id as text, or {@code ""} */
    public String ticketId() {
        return ticket == null ? "" : ticket.idText();
    }
}
