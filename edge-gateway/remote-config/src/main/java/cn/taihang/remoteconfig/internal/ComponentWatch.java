package cn.taihang.remoteconfig.internal;

import cn.taihang.gateway.api.GatewayHealth;
import cn.taihang.gateway.api.HealthReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Watches the components a change configures, as the updater's health gate watches a release on trial: each component
 * configured by a changed PID must be active (or satisfied, for a delayed one) with the new values; one that failed to
 * activate with them ends the wait at once; an uplink connected before the change must be connected again.
 */
final class ComponentWatch {

    private static final long CHECK_MILLIS = 100;

    private final ServiceComponentRuntime scr;
    private final Supplier<GatewayHealth> health;

    ComponentWatch(ServiceComponentRuntime scr, Supplier<GatewayHealth> health) {
        this.scr = scr;
        this.health = health;
    }

    boolean uplinkUp() {
        GatewayHealth h = health.get();
        return h != null && h.reports().stream().anyMatch(r -> r.name().equals("uplink") && r.status() == HealthReport.Status.UP);
    }

    /**
     * @param changed configuration key → the values that must be in effect
     * @param uplinkBefore whether the uplink must be connected too
     * @return empty once everything is up, or what failed or was still awaited at the deadline
     * @throws InterruptedException if stopped while waiting
     */
    Optional<String> awaitActive(Map<String, Map<String, Object>> changed, boolean uplinkBefore, Duration timeout, BooleanSupplier stopped)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> waiting = new ArrayList<>();
        while (!stopped.getAsBoolean()) {
            waiting.clear();
            for (Map.Entry<String, Map<String, Object>> e : changed.entrySet()) {
                Optional<String> failed = check(e.getKey(), e.getValue(), waiting);
                if (failed.isPresent()) {
                    return failed;
                }
            }
            if (uplinkBefore && !uplinkUp()) {
                waiting.add("the uplink to connect again");
            }
            if (waiting.isEmpty()) {
                return Optional.empty();
            }
            if (System.nanoTime() - deadline > 0) {
                return Optional.of("not up within " + timeout.toSeconds() + " s 未在时限内激活: waiting for " + String.join("; ", waiting));
            }
            Thread.sleep(CHECK_MILLIS);
        }
        throw new InterruptedException("the gateway is stopping");
    }

    /** @return a failure, or adds to {@code waiting} what is not up yet */
    private Optional<String> check(String key, Map<String, Object> values, List<String> waiting) {
        String pid = key.split("~", 2)[0];
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            if (Arrays.stream(description.configurationPid).noneMatch(pid::equals) || !scr.isComponentEnabled(description)) {
                continue;
            }
            boolean up = false;
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(description)) {
                if (!key.equals(c.properties.get("service.pid")) || !holds(c.properties, values)) {
                    continue;
                }
                if (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    return Optional.of("component " + description.name + " failed to activate with " + key + " 组件激活失败: " + cause(c.failure));
                }
                up = up || c.state == ComponentConfigurationDTO.ACTIVE || c.state == ComponentConfigurationDTO.SATISFIED;
            }
            if (!up) {
                waiting.add("component " + description.name + " (" + key + ")");
            }
        }
        return Optional.empty();
    }

    private static boolean holds(Map<String, Object> properties, Map<String, Object> values) {
        return values.entrySet().stream().allMatch(v -> properties.containsKey(v.getKey())
                && Arrays.asList(texts(properties.get(v.getKey()))).equals(Arrays.asList(texts(v.getValue()))));
    }

    private static String[] texts(Object value) {
        return Arrays.stream(ConfigHash.elements(value)).map(String::valueOf).toArray(String[]::new);
    }

    private static String cause(String failure) {
        if (failure == null) {
            return "unknown failure";
        }
        return failure.lines().filter(l -> l.startsWith("Caused by: ")).reduce((a, b) -> b).orElse(failure.lines().findFirst().orElse(failure))
                .replace("Caused by: ", "");
    }
}
