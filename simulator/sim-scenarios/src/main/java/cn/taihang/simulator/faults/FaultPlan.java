package cn.taihang.simulator.faults;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The faults of a crash run, in order: rounds of one fault of each kind in random order, a random gateway for each
 * gateway kill, SIGTERM and SIGKILL alternating for the broker and the bridge, random gaps and down times.
 */
final class FaultPlan {

    /** What is hit. */
    enum Kind {
        GATEWAY("kill -9 gateway"), BROKER("broker"), BRIDGE("bridge");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /**
     * One fault.
     *
     * @param kind what is hit
     * @param forcibly SIGKILL (else SIGTERM: a clean stop)
     * @param target the gateway for gateway kills, else the component's name
     * @param gapMillis load time before the fault
     * @param downMillis time down before the restart
     */
    record Fault(Kind kind, boolean forcibly, String target, long gapMillis, long downMillis) {

        String describe() {
            return switch (kind) {
                case GATEWAY -> "kill -9 gateway " + target;
                case BROKER, BRIDGE -> (forcibly ? "kill -9 " : "stop (SIGTERM) ") + target;
            };
        }
    }

    private FaultPlan() {
    }

    /**
     * @param perKind faults of each kind
     * @param gateways the gateways to pick from
     * @param random the randomness
     * @param gapMillis {min, max} load time before each fault
     * @param downMillis {min, max} down time
     */
    static List<Fault> make(int perKind, List<String> gateways, Random random, long[] gapMillis, long[] downMillis) {
        List<Fault> faults = new ArrayList<>();
        List<Kind> round = new ArrayList<>(List.of(Kind.values()));
        for (int i = 0; i < perKind; i++) {
            Collections.shuffle(round, random);
            for (Kind kind : round) {
                String target = switch (kind) {
                    case GATEWAY -> gateways.get(random.nextInt(gateways.size()));
                    case BROKER -> "mosquitto";
                    case BRIDGE -> "bridge";
                };
                boolean forcibly = kind == Kind.GATEWAY || i % 2 == 1;
                faults.add(new Fault(kind, forcibly, target, between(random, gapMillis), between(random, downMillis)));
            }
        }
        return faults;
    }

    private static long between(Random random, long[] range) {
        return range[0] + (range[1] > range[0] ? (long) (random.nextDouble() * (range[1] - range[0])) : 0);
    }
}
