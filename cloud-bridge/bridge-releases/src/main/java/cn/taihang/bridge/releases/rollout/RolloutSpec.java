package cn.taihang.bridge.releases.rollout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a rollout is asked to do.
 *
 * @param release the release's version
 * @param targets which gateways
 * @param canary gateways to put first (the canary wave takes from them), may be empty
 * @param canarySize how many gateways the first wave holds, 1 or more
 * @param growth how much each wave grows over the one before, at least 1
 * @param maxWave most gateways in one wave
 * @param successThreshold share of a wave that must have committed before the next wave starts (the next also starts
 *     once every gateway of the wave is done)
 * @param errorThreshold share of a wave that may fail before the rollout halts; the canary wave halts at the first failure
 * @param windows when gateways of a site kind must not be started
 * @param gatewayDeadline how long a gateway may take from its order to its commit before it counts as timed out
 * @param maxAttempts how often a gateway is sent the order again after an interrupted trial or a temporary failure, in all
 */
public record RolloutSpec(String release, Targets targets, List<String> canary, int canarySize, double growth, int maxWave, double successThreshold,
                          double errorThreshold, List<MaintenanceWindow> windows, Duration gatewayDeadline, int maxAttempts) {

    /** Validates and copies. @throws IllegalArgumentException naming what is out of range */
    public RolloutSpec {
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(targets, "targets");
        canary = List.copyOf(canary);
        windows = List.copyOf(windows);
        require(canarySize >= 1 && canarySize <= 1000, "waves.canary is 1-1000");
        require(growth >= 1 && growth <= 100, "waves.growth is 1-100");
        require(maxWave >= canarySize && maxWave <= 100_000, "waves.max is at least waves.canary and at most 100000");
        require(successThreshold > 0 && successThreshold <= 1, "thresholds.success is a share in (0, 1]");
        require(errorThreshold >= 0 && errorThreshold < 1, "thresholds.error is a share in [0, 1)");
        require(!gatewayDeadline.isNegative() && gatewayDeadline.toSeconds() >= 30 && gatewayDeadline.toHours() <= 72,
                "gatewayDeadlineSeconds is 30 s to 72 h");
        require(maxAttempts >= 1 && maxAttempts <= 10, "maxAttempts is 1-10");
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException(what);
        }
    }

    /**
     * Splits the targeted gateways into waves: the canary first (from {@link #canary} where given), then waves growing by
     * {@link #growth}, none larger than {@link #maxWave}.
     *
     * @param targeted the targeted gateway ids, in a stable order
     * @return the waves, each a list of gateway ids
     */
    public List<List<String>> waves(List<String> targeted) {
        Set<String> ordered = new LinkedHashSet<>();
        canary.stream().filter(targeted::contains).forEach(ordered::add);
        ordered.addAll(targeted);
        List<String> all = new ArrayList<>(ordered);
        List<List<String>> waves = new ArrayList<>();
        int from = 0;
        double size = canarySize;
        while (from < all.size()) {
            int n = (int) Math.min(Math.min(Math.round(size), maxWave), all.size() - from);
            waves.add(List.copyOf(all.subList(from, from + n)));
            from += n;
            size = waves.size() == 1 ? Math.max(canarySize * growth, 1) : size * growth;
        }
        return waves;
    }
}
