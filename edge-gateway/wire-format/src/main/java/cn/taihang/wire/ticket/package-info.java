/**
 * Tickets: one QR code for the bus ride, the scenic-area admission and the lodging (一票通), signed by the
 * bridge and checked offline by the gates.
 *
 * <h2>Ticket text (what the QR code holds), format version 1</h2>
 * <pre>
 * text      = "TH1:" Base45( body ‖ signature )          RFC 9285 Base45, all in the QR alphanumeric set
 * signature = Sign( bridge key {keyId}, body )           64 bytes, always the last 64 bytes:
 *             Ed25519 (RFC 8032) for key ids 0–32767, SM2 with SM3 (GM/T 0003/0004, default user id
 *             1234567812345678) as the fixed r ‖ s for key ids 32768–65535
 * body      = CBOR [1, keyId, ticketId, holderRef, issuedMinute, [entitlement, …]]
 * entitlement = [kind, place, fromMinute, minutes, uses]
 * </pre>
 * <ul>
 *   <li>{@code 1}: body format version; a different version is {@code UNSUPPORTED_VERSION}, and so is a text
 *       starting {@code TH2:} etc.</li>
 *   <li>{@code keyId}: 0–65535, the bridge key that signed it, and so its algorithm
 *       ({@link cn.taihang.wire.sign.SignatureAlgorithm#ofKeyId}); gateways hold the public keys as a
 *       {@link cn.taihang.wire.ticket.KeyRing} (keys rotate; a withdrawn key voids its tickets).</li>
 *   <li>{@code ticketId}: positive 63-bit random number; deny lists and ledgers key on it.</li>
 *   <li>{@code holderRef}: 8 bytes, a keyed hash the bridge derives from the holder's identity document; no
 *       personal data is in the ticket (or kept by the bridge).</li>
 *   <li>Times are whole minutes since {@link cn.taihang.wire.ticket.Ticket#EPOCH} (2024-01-01T00:00Z): the
 *       issue time, and each entitlement's window {@code [fromMinute, fromMinute + minutes)}.</li>
 *   <li>{@code kind}: {@link cn.taihang.wire.ticket.EntitlementKind} code (1 bus ride, 2 scenic entry,
 *       3 lodging stay, 4 rental key); unknown codes decode but no gate honours them. {@code place}: the
 *       catalogue code of the bus line, scenic area or lodging (0–65535), or of the rental station. {@code uses}: rides,
 *       entries or check-ins, 1–255.</li>
 *   <li>Rental key-locker passes: one {@code RENTAL_KEY} entitlement (the station's code, the pickup or return window,
 *       1 use); the holder reference carries the action, the reservation and the car instead of a holder hash
 *       ({@link cn.taihang.wire.ticket.RentalPass}).</li>
 * </ul>
 * Integers are CBOR's shortest form (as written; a reader accepts any form, the signature covers the bytes
 * as received). A ticket with three entitlements is about 134 bytes, 205 characters: QR version 10 at
 * error-correction level Q holds 221 (checked in the tests with ZXing's encoder).
 *
 * <h2>Why a text is refused ({@link cn.taihang.wire.ticket.TicketException.Reason})</h2>
 * {@code NOT_A_TICKET} (no {@code TH1:} prefix), {@code TOO_LARGE} (over 512 characters), {@code MALFORMED}
 * (not Base45, not the CBOR structure, a field out of range, trailing data), {@code TRUNCATED} (ends early),
 * {@code UNSUPPORTED_VERSION}, {@code UNKNOWN_KEY}, {@code KEY_WITHDRAWN}, {@code BAD_SIGNATURE}. The gate's
 * own rules (validity window, gate, deny list, ledger) add their reasons in the validator.
 *
 * <h2>Trust state sent to gateways</h2>
 * The key ring and the deny list travel as retained fleet commands {@code ticket-keyring} and
 * {@code ticket-deny-list}, bodies by {@link cn.taihang.wire.ticket.TrustCodec}, each with a version that only
 * grows. Deny lists key on the ticket id, never on a signature hash.
 */
@Export
@Version("1.2.0")
package cn.taihang.wire.ticket;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
