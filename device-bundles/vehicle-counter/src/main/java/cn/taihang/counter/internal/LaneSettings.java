package cn.taihang.counter.internal;

import cn.taihang.counter.domain.LaneConfig;
import cn.taihang.counter.domain.LengthClassifier;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads a {@link LaneConfiguration} into a validated {@link LaneConfig}, failing with one log line. */
final class LaneSettings {

    private static final Logger LOG = LoggerFactory.getLogger(LaneCounterComponent.class);

    private LaneSettings() {
    }

    /**
     * @throws IllegalStateException after logging one line naming the lane, the problem and the fix
     */
    static LaneConfig toLaneConfig(LaneConfiguration configuration, Map<String, Object> properties) {
        String device = configuration.device();
        String name = device == null || device.isBlank() ? String.valueOf(properties.get("service.pid")) : device;
        if (device == null || device.isBlank()) {
            throw fail(name, "device is not set: give the lane a unique device id such as post-zw-03-l1");
        }
        if (!properties.containsKey("loopAPin")) {
            throw fail(name, "loopAPin is not set: set the GPIO number that loop A's detector output is wired to");
        }
        try {
            configuration.pull();
        } catch (IllegalArgumentException e) {
            throw fail(name, "pull must be one of UP, DOWN, NONE, was " + properties.get("pull"));
        }
        try {
            return LaneConfig.builder(device, configuration.loopAPin())
                    .loopBPin(configuration.loopBPin())
                    .loopSpacingMeters(configuration.loopSpacingMeters())
                    .loopLengthMeters(configuration.loopLengthMeters())
                    .debounce(Duration.ofMillis(configuration.debounceMillis()))
                    .interval(Duration.ofSeconds(configuration.intervalSeconds()))
                    .grace(Duration.ofSeconds(configuration.graceSeconds()))
                    .maxOccupied(Duration.ofSeconds(configuration.maxOccupiedSeconds()))
                    .missingLoopTimeout(Duration.ofMillis(configuration.missingLoopTimeoutMillis()))
                    .classifier(LengthClassifier.of(configuration.classBoundariesMeters()))
                    .build();
        } catch (IllegalArgumentException e) {
            throw fail(name, e.getMessage());
        }
    }

    /** Logs the one line and returns the exception that fails activation. */
    static IllegalStateException fail(String lane, String problem) {
        String message = "vehicle counter lane " + lane + " not started: " + problem;
        LOG.error(message);
        return new IllegalStateException(message);
    }
}
