package cn.taihang.updater.internal;

import cn.taihang.gateway.api.GatewayHealth;
import cn.taihang.gateway.api.HealthReport;
import cn.taihang.gateway.api.worker.DaemonThreads;
import cn.taihang.slots.SlotControl;
import cn.taihang.slots.SlotException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides a trial: commits the release on trial once the store took its steps (the trial's own critical records are the
 * proof it is writable), the uplink is connected and the launcher finds every bundle and component up; rolls it back at
 * once when a component failed to activate. If neither happens in time the launcher rolls it back by its deadline.
 */
final class HealthGate implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HealthGate.class);
    private static final long CHECK_MILLIS = 250;

    private final SlotControl slots;
    private final GatewayHealth health;
    private final ServiceComponentRuntime scr;
    private final StepReporter reporter;
    private final CountDownLatch closed = new CountDownLatch(1);

    HealthGate(SlotControl slots, GatewayHealth health, ServiceComponentRuntime scr, StepReporter reporter) {
        this.slots = slots;
        this.health = health;
        this.scr = scr;
        this.reporter = reporter;
    }

    /** Starts judging the release running on trial. */
    void start(String release) {
        DaemonThreads.start("update-health-gate", () -> judge(release));
    }

    private void judge(String release) {
        boolean stored = false;
        String waitingFor = "";
        try {
            while (closed.getCount() > 0) {
                List<String> failed = failedComponents();
                if (!failed.isEmpty()) {
                    LOG.error("release {} on trial is unhealthy: {}; rolling back", release, failed);
                    slots.rollback(release, "health gate: " + String.join("; ", failed));
                    return;
                }
                stored = stored || reporter.reportSlotEvents(slots);
                boolean uplink = uplinkConnected();
                if (stored && uplink) {
                    try {
                        slots.commit(release);
                        reporter.reportSlotEvents(slots);
                        LOG.info("release {} committed", release);
                        return;
                    } catch (SlotException e) {
                        waitingFor = e.getMessage();
                    }
                } else {
                    waitingFor = !stored ? "the store to take the trial's records" : "the uplink to connect";
                }
                if (closed.await(CHECK_MILLIS, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (IOException | SlotException e) {
            LOG.error("the health gate of release {} cannot record its verdict: {} (the launcher's deadline decides)", release, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (closed.getCount() > 0 && !waitingFor.isEmpty()) {
                LOG.debug("health gate of {} ended while waiting for {}", release, waitingFor);
            }
        }
    }

    private boolean uplinkConnected() {
        return health.reports().stream().anyMatch(r -> r.name().equals("uplink") && r.status() == HealthReport.Status.UP);
    }

    private List<String> failedComponents() {
        List<String> failed = new ArrayList<>();
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(description)) {
                if (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    failed.add("component " + description.name + " failed to activate: " + firstLine(c.failure));
                }
            }
        }
        return failed;
    }

    private static String firstLine(String failure) {
        if (failure == null) {
            return "unknown failure";
        }
        return failure.lines().filter(l -> l.startsWith("Caused by: ")).reduce((a, b) -> b).orElse(failure.lines().findFirst().orElse(failure))
                .replace("Caused by: ", "");
    }

    @Override
    public void close() {
        closed.countDown();
    }
}
