package cn.taihang.validator.internal;

import cn.taihang.gateway.api.LedgerEntry;
import cn.taihang.gateway.api.LedgerException;
import cn.taihang.gateway.api.LocalLedger;
import cn.taihang.validator.domain.SlotContent;
import cn.taihang.wire.ticket.RentalPass;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a key locker keeps in the {@link LocalLedger} (namespace {@value #NAMESPACE}) so that it knows its slots after a
 * restart with no uplink: {@code <device>/slot/<n>} what slot n holds ({@link SlotContent}), {@code <device>/open/<n>}
 * the pass whose door is open on slot n (from the door opening until it shuts), {@code <device>/stock} the stock
 * revision last taken from the configuration.
 */
final class LockerLedger {

    static final String NAMESPACE = "rental-locker";

    /**
     * A pass whose slot door is open.
     *
     * @param slot the slot
     * @param ticketId the pass
     * @param entitlement its entitlement's index
     * @param validUntilMillis the entitlement's end (for the use's expiry)
     * @param place the entitlement's station code
     * @param pass what it carries
     * @param openedAtMillis when the door opened
     */
    record OpenDoor(int slot, long ticketId, int entitlement, long validUntilMillis, int place, RentalPass pass, long openedAtMillis) {

        byte[] encode() {
            return (slot + "|" + ticketId + "|" + entitlement + "|" + validUntilMillis + "|" + place + "|" + pass.action().id() + "|" + pass.reservation() + "|"
                    + (pass.car() == null ? "" : pass.car()) + "|" + openedAtMillis).getBytes(StandardCharsets.UTF_8);
        }

        static OpenDoor decode(byte[] value) {
            String[] p = new String(value, StandardCharsets.UTF_8).split("\\|", -1);
            if (p.length != 9) {
                throw new IllegalArgumentException("not an open-door record");
            }
            return new OpenDoor(Integer.parseInt(p[0]), Long.parseLong(p[1]), Integer.parseInt(p[2]), Long.parseLong(p[3]), Integer.parseInt(p[4]),
                    new RentalPass(RentalPass.Action.of(p[5]), p[6], p[7].isEmpty() ? null : p[7]), Long.parseLong(p[8]));
        }
    }

    private final LocalLedger ledger;
    private final String device;

    LockerLedger(LocalLedger ledger, String device) {
        this.ledger = ledger;
        this.device = device;
    }

    /**
     * The slots as stored, or as stocked by the configuration when the locker starts for the first time or the stock
     * revision was raised (then written).
     */
    List<SlotContent> slots(LockerSettings settings, Instant now) throws LedgerException {
        Optional<LedgerEntry> revision = ledger.get(NAMESPACE, device + "/stock");
        long stored = revision.map(e -> Long.parseLong(new String(e.value(), StandardCharsets.UTF_8))).orElse(-1L);
        boolean restock = stored < settings.stockRevision();
        List<SlotContent> slots = new ArrayList<>();
        for (int slot = 1; slot <= settings.slots(); slot++) {
            SlotContent configured = SlotContent.stocked(slot <= settings.slotCars().size() ? settings.slotCars().get(slot - 1) : "", now.toEpochMilli());
            Optional<LedgerEntry> entry = restock ? Optional.empty() : ledger.get(NAMESPACE, slotKey(slot));
            SlotContent content = entry.map(e -> decodeOr(e, configured)).orElse(configured);
            if (entry.isEmpty()) {
                save(slot, content);
            }
            slots.add(content);
        }
        if (restock) {
            ledger.put(NAMESPACE, device + "/stock", Integer.toString(settings.stockRevision()).getBytes(StandardCharsets.UTF_8), null);
        }
        return slots;
    }

    void save(int slot, SlotContent content) throws LedgerException {
        ledger.put(NAMESPACE, slotKey(slot), content.encode(), null);
    }

    void opened(OpenDoor door) throws LedgerException {
        ledger.put(NAMESPACE, openKey(door.slot()), door.encode(), null);
    }

    void shut(int slot) throws LedgerException {
        ledger.remove(NAMESPACE, openKey(slot));
    }

    /** @return the doors that were open for a pass when the locker last stopped */
    List<OpenDoor> openDoors(int slots) throws LedgerException {
        List<OpenDoor> open = new ArrayList<>();
        for (int slot = 1; slot <= slots; slot++) {
            Optional<LedgerEntry> entry = ledger.get(NAMESPACE, openKey(slot));
            if (entry.isPresent()) {
                try {
                    open.add(OpenDoor.decode(entry.get().value()));
                } catch (IllegalArgumentException e) {
                    ledger.remove(NAMESPACE, openKey(slot));
                }
            }
        }
        return open;
    }

    private SlotContent decodeOr(LedgerEntry entry, SlotContent fallback) {
        try {
            return SlotContent.decode(entry.value());
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    private String slotKey(int slot) {
        return device + "/slot/" + slot;
    }

    private String openKey(int slot) {
        return device + "/open/" + slot;
    }
}
