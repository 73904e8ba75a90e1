package cn.taihang.simulator.mishaps;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mishaps scenario's ground truth against the bridge. An event a gateway's outbox acknowledged is
 * <ul>
 *   <li><b>delivered</b> if the bridge holds it as a record,</li>
 *   <li><b>kept aside</b> if the bridge holds it as a conflict (its key was taken by another record) — not lost, and
 *       flagged,</li>
 *   <li><b>still on a card</b> if it is unsent in a store the run left behind (a cloned card taken out),</li>
 *   <li>else <b>lost</b>; a lost event of a gateway the bridge raised no security event for is a <b>silent drop</b>.</li>
 * </ul>
 * Each mishap also has an end state the bridge must reach (a conflict flagged, two live stores alarmed, a salvaged
 * store's records delivered, …); each one it did not reach counts as a wrong end state.
 *
 * @param lost acknowledged events found nowhere
 * @param silentDrops lost events of gateways without any security event
 * @param conflictsFlagged events kept aside as conflicts
 * @param wrongEndStates expectations not met
 * @param delivered events the bridge holds as records
 * @param stillOnCards events unsent on a card left behind
 * @param expectations every mishap's expected end state, met or not
 */
public record MishapVerdict(long lost, long silentDrops, long conflictsFlagged, long wrongEndStates, long delivered, long stillOnCards,
                            List<Expectation> expectations) {

    /**
     * One end state a mishap must leave.
     *
     * @param mishap the mishap's name
     * @param expected what must hold, one sentence
     * @param met whether it held
     * @param found what was found
     */
    public record Expectation(String mishap, String expected, boolean met, String found) {}

    /** Copies. */
    public MishapVerdict {
        expectations = List.copyOf(expectations);
    }

    /**
     * @param acknowledged per gateway, the events its outboxes acknowledged (a cloned card's under the gateway's id)
     * @param records per gateway, the events the bridge holds as records
     * @param conflicts per gateway, the events the bridge kept aside as conflicts
     * @param onCards per gateway, the events unsent on cards left behind
     * @param alarmed gateways the bridge recorded a security event for
     * @param expectations the mishaps' end states
     */
    public static MishapVerdict of(Map<String, Set<String>> acknowledged, Map<String, Set<String>> records, Map<String, Set<String>> conflicts,
                                   Map<String, Set<String>> onCards, Set<String> alarmed, List<Expectation> expectations) {
        long lost = 0;
        long silent = 0;
        long delivered = 0;
        long kept = 0;
        long carded = 0;
        for (Map.Entry<String, Set<String>> g : acknowledged.entrySet()) {
            Set<String> held = records.getOrDefault(g.getKey(), Set.of());
            Set<String> aside = conflicts.getOrDefault(g.getKey(), Set.of());
            Set<String> card = onCards.getOrDefault(g.getKey(), Set.of());
            for (String event : g.getValue()) {
                if (held.contains(event)) {
                    delivered++;
                } else if (aside.contains(event)) {
                    kept++;
                } else if (card.contains(event)) {
                    carded++;
                } else {
                    lost++;
                    if (!alarmed.contains(g.getKey())) {
                        silent++;
                    }
                }
            }
        }
        long wrong = expectations.stream().filter(e -> !e.met()).count();
        return new MishapVerdict(lost, silent, kept, wrong, delivered, carded, expectations);
    }

    /** @return the scenario's last line */
    public String resultLine() {
        return "RESULT mishaps lost=" + lost + " silent_drops=" + silentDrops + " conflicts_flagged=" + conflictsFlagged + " wrong_end_states="
                + wrongEndStates;
    }

    /** @return whether the run is what a city needs: nothing lost, conflicts flagged, every end state right */
    public boolean passed() {
        return lost == 0 && silentDrops == 0 && conflictsFlagged > 0 && wrongEndStates == 0;
    }
}
