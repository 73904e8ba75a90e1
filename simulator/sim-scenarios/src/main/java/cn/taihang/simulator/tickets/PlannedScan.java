package cn.taihang.simulator.tickets;

/**
 * One scan a tourist will make, with the ground truth.
 *
 * @param category honest, replayed, forged, counterfeit, wrong-gate, not-yet-valid or expired
 * @param gatewayId where
 * @param gate at which gate
 * @param text what the scanner reads
 * @param expected the verdict the gate must give: ACCEPTED or a rejection code
 * @param ticket the ticket id, or {@code ""} for a counterfeit
 */
public record PlannedScan(String category, String gatewayId, GatePlan gate, String text, String expected, String ticket) {}
