package cn.taihang.simulator.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * What a rollout run found.
 *
 * @param updated gateways that committed the good release and run it (the bridge, their last boot and their slots say so)
 * @param of gateways in the run
 * @param badRolledBack gateways that rolled the bad release back
 * @param badBeyondCanary gateways other than the canary that received the bad release (any step of it, or an order)
 * @param bricked gateways not running, or whose last boot was not fully up, at the end
 * @param lost acknowledged records missing at the end or at a power cut
 * @param duplicated records the bridge counted twice
 * @param cutList the power cuts carried out
 * @param cutsNotIntact power cuts after which the gateway did not come back up with its store as counted
 * @param cutsUnfired planned power cuts whose step never came, plus cuts that could not be carried out
 */
public record RolloutResult(int updated, int of, int badRolledBack, int badBeyondCanary, int bricked, long lost, long duplicated, List<PowerCuts.Cut> cutList,
                            int cutsNotIntact, int cutsUnfired) {

    static RolloutResult of(List<String> ids, RolloutGateways gateways, Map<String, JsonNode> goodEntries, RolloutReport.BadOutcome bad, PowerCuts cuts,
                            CrashVerdict verdict) throws IOException {
        int updated = 0;
        int bricked = 0;
        int beyond = 0;
        int rolledBack = 0;
        for (String id : ids) {
            RolloutGateways.Boot boot = gateways.lastBoot(id);
            boolean up = gateways.alive(id) && boot != null && boot.ready();
            bricked += up ? 0 : 1;
            RolloutGateways.Slots slots = gateways.slots(id);
            if (up && slots.phase().equals("IDLE") && slots.committed().equals(RolloutRun.GOOD) && boot.release().equals(RolloutRun.GOOD)
                    && goodEntries.get(id).path("state").asText().equals("committed")) {
                updated++;
            }
            if (bad != null) {
                String state = bad.entries().get(id).path("state").asText();
                rolledBack += state.equals("rolled-back") ? 1 : 0;
                boolean reached = !state.equals("pending") || gateways.steps(id).stream().anyMatch(s -> s.release().equals(RolloutRun.BAD));
                beyond += !id.equals(ids.get(0)) && reached ? 1 : 0;
            }
        }
        List<PowerCuts.Cut> done = cuts.cuts();
        long missingAtCuts = done.stream().mapToLong(PowerCuts.Cut::missing).sum();
        int notIntact = (int) done.stream().filter(c -> !c.intact()).count();
        int unfired = cuts.unfired().values().stream().mapToInt(List::size).sum() + cuts.failures().size();
        return new RolloutResult(updated, ids.size(), rolledBack, beyond, bricked, verdict.lost() + missingAtCuts, verdict.duplicated(), done,
                notIntact, unfired);
    }

    /** Copies the list. */
    public RolloutResult {
        cutList = List.copyOf(cutList);
    }

    /** @return {@code RESULT rollout updated=… of=… bad_release_rolled_back=… bad_release_beyond_canary=… bricked=… lost=…} */
    public String resultLine() {
        return "RESULT rollout updated=" + updated + " of=" + of + " bad_release_rolled_back=" + badRolledBack + " bad_release_beyond_canary="
                + badBeyondCanary + " bricked=" + bricked + " lost=" + lost;
    }

    /** @return whether everything went as it must: all updated, the bad release stopped at the canary, nothing bricked or lost */
    public boolean exact() {
        return updated == of && bricked == 0 && lost == 0 && duplicated == 0 && badBeyondCanary == 0 && cutsNotIntact == 0 && cutsUnfired == 0;
    }
}
