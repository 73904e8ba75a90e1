package cn.taihang.gateway.api;

import java.util.List;

/**
 * Runs a ticket text through a gate's full validation without using it: no gate opening, no ledger
 * entry, no record. Registered by the ticket validator bundle, one service per gate, with the service
 * property {@value #DEVICE_PROPERTY} = the gate's device id. The maintenance console offers it as
 * "test scan": a crew pastes what a scanner read (or scans into the console) and sees what the gate would
 * do and why.
 */
public interface TicketCheck {

    /**
     * Service property: the device id of the gate. A Declarative Services component registered per factory
     * configuration carries its configuration's {@code device} property instead; consumers look for this one, then
     * {@code device}.
     */
    String DEVICE_PROPERTY = "taihang.device";

    /**
     * @param scannedText the text exactly as a scanner reads it from the QR code (line ends around it are ignored);
     *     anything is accepted
     * @return the verdict as the gate would give it now; never {@code null}, never throws for bad input
     */
    TicketCheckResult check(String scannedText);

    /**
     * The latest real scans of this gate (test scans through {@link #check} are not among them), for the console.
     * Kept in memory only: empty after a restart.
     *
     * @param max the most entries wanted, at least 1
     * @return the newest scans first, at most {@code max}; never {@code null}. The default keeps none.
     */
    default List<ScanEntry> recentScans(int max) {
        return List.of();
    }
}
