package cn.taihang.wire.ticket;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a rental key-locker pass carries besides its {@link EntitlementKind#RENTAL_KEY} entitlement (whose place is the
 * station's code and whose window is the pickup or return window): the action, the reservation and, when the bridge
 * already holds one, the car. A key locker reads it offline to choose the slot and to name the reservation in its
 * {@code rental.pickup} / {@code rental.return} records.
 *
 * <p>It travels in the ticket's 8-byte holder reference (for a rental pass the reservation is the holder's order):
 * <pre>
 * byte 0     0xA1 pickup, 0xA2 return
 * bytes 1–5  the reservation id's 40 bits: the id is "R" + 10 upper-case hex digits, as the bridge's rental service makes them
 * bytes 6–7  the car's number, big-endian, for car id "car-NNN" (as {@code car-%03d} writes it, 1–65535); 0 = no car named
 * </pre>
 *
 * @param action pickup or return
 * @param reservation the reservation id, {@code R} + 10 upper-case hex digits
 * @param car the car id ({@code car-NNN}), or {@code null} while the bridge holds none for the reservation
 */
public record RentalPass(Action action, String reservation, String car) {

    /** What the pass lets its holder do at the locker. */
    public enum Action {
        /** Take a car key out of a slot. */
        PICKUP(0xA1, "pickup"),
        /** Put a car key back into a free slot. */
        RETURN(0xA2, "return");

        private final int code;
        private final String id;

        Action(int code, String id) {
            this.code = code;
            this.id = id;
        }

        /** @return the name used in records and the API: {@code pickup} or {@code return} */
        public String id() {
            return id;
        }

        /** @return the action named {@code pickup} or {@code return} */
        public static Action of(String id) {
            for (Action a : values()) {
                if (a.id.equals(id)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("a rental pass is for 'pickup' or 'return', not '" + id + "'");
        }
    }

    private static final Pattern RESERVATION = Pattern.compile("R[0-9A-F]{10}");
    private static final Pattern CAR = Pattern.compile("car-(\\d{3,5})");
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    /** Validates at the boundary. @throws IllegalArgumentException if an id does not fit the layout */
    public RentalPass {
        Objects.requireNonNull(action, "action");
        if (reservation == null || !RESERVATION.matcher(reservation).matches()) {
            throw new IllegalArgumentException("a rental pass names a reservation id R + 10 upper-case hex digits, was " + reservation);
        }
        if (car != null && carNumber(car) == 0) {
            throw new IllegalArgumentException("a rental pass names a car id car-NNN (1-65535), was " + car);
        }
    }

    /** @return whether a car id fits the pass (otherwise a pass is issued naming no car) */
    public static boolean fits(String car) {
        return car != null && carNumber(car) > 0;
    }

    /** @return the 8 bytes of the ticket's holder reference */
    public byte[] holderRef() {
        byte[] ref = new byte[Ticket.HOLDER_REF_BYTES];
        ref[0] = (byte) action.code;
        System.arraycopy(HEX.parseHex(reservation.substring(1)), 0, ref, 1, 5);
        int n = car == null ? 0 : carNumber(car);
        ref[6] = (byte) (n >>> 8);
        ref[7] = (byte) n;
        return ref;
    }

    /**
     * @param ticket a ticket with a rental-key entitlement
     * @return the pass its holder reference carries
     * @throws TicketException MALFORMED if the holder reference is not a rental pass
     */
    public static RentalPass of(Ticket ticket) throws TicketException {
        byte[] ref = ticket.holderRef();
        Action action = (ref[0] & 0xFF) == Action.PICKUP.code ? Action.PICKUP : (ref[0] & 0xFF) == Action.RETURN.code ? Action.RETURN : null;
        if (action == null) {
            throw new TicketException(TicketException.Reason.MALFORMED, "ticket " + ticket.idText() + " is not a rental pass (holder reference "
                    + ticket.holderRefHex() + ")");
        }
        String reservation = "R" + HEX.formatHex(ref, 1, 6);
        int n = ((ref[6] & 0xFF) << 8) | (ref[7] & 0xFF);
        return new RentalPass(action, reservation, n == 0 ? null : String.format(Locale.ROOT, "car-%03d", n));
    }

    private static int carNumber(String car) {
        var m = CAR.matcher(car);
        if (!m.matches()) {
            return 0;
        }
        int n = Integer.parseInt(m.group(1));
        return n <= 65535 && car.equals(String.format(Locale.ROOT, "car-%03d", n)) ? n : 0;
    }
}
