package cn.taihang.remoteconfig.internal;

import cn.taihang.gateway.api.config.Ranges;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * The remote configuration's settings, validated at the boundary.
 *
 * @param activationTimeout how long the components a push configures have to come up before it is rolled back
 * @param protectedPids PIDs (factory PIDs for factories) a push may never change; always holds {@value RemoteConfigConfig#PID}
 */
record RemoteConfigSettings(Duration activationTimeout, Set<String> protectedPids) {

    /** Validates and copies. @throws IllegalArgumentException with what to fix */
    RemoteConfigSettings {
        Ranges.require(RemoteConfigConfig.PID + "/activationTimeoutSeconds", activationTimeout.toSeconds(),
                RemoteConfigConfig.ACTIVATION_TIMEOUT_SECONDS_MIN, RemoteConfigConfig.ACTIVATION_TIMEOUT_SECONDS_MAX);
        TreeSet<String> pids = new TreeSet<>(protectedPids);
        pids.add(RemoteConfigConfig.PID);
        protectedPids = Set.copyOf(pids);
    }

    static RemoteConfigSettings from(RemoteConfigConfig config) {
        return new RemoteConfigSettings(Duration.ofSeconds(config.activationTimeoutSeconds()),
                config.protectedPids() == null ? Set.of() : Set.copyOf(Arrays.stream(config.protectedPids()).map(String::strip).filter(p -> !p.isEmpty()).toList()));
    }
}
