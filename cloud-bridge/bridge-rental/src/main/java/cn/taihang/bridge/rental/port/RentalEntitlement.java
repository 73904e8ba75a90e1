package cn.taihang.bridge.rental.port;

import java.time.Instant;

/**
 * What a rental QR entitles its holder to: pick up (or return) the car of one reservation at one station within a
 * window. The ticket service encodes it into a signed ticket; the validator at the station's key locker (rental
 * key-locker mode) checks it offline and opens a slot.
 *
 * @param reservationId the reservation
 * @param action {@code pickup} or {@code return}
 * @param stationId the station
 * @param place the station's ticket place code (what the pass's entitlement names and the locker is configured with)
 * @param lockerSite the site whose gateway runs the station's key locker, or {@code null} (keys at a desk)
 * @param carId the car held for the reservation, or {@code null} while none is held yet (pickup) — the locker then
 *     opens the slot of any car of the station that the bridge assigns
 * @param validFrom start of the window
 * @param validUntil end of the window
 */
public record RentalEntitlement(String reservationId, String action, String stationId, int place, String lockerSite, String carId, Instant validFrom,
                                Instant validUntil) {}
