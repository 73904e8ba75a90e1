package cn.taihang.gateway.core.internal;

import cn.taihang.gateway.api.GatewayHealth;
import cn.taihang.gateway.api.HealthIndicator;
import cn.taihang.gateway.api.HealthReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** Aggregates every {@link HealthIndicator} service (whiteboard). */
@Component
public class GatewayHealthComponent implements GatewayHealth {

    private final List<HealthIndicator> indicators = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addIndicator(HealthIndicator indicator) {
        indicators.add(indicator);
    }

    void removeIndicator(HealthIndicator indicator) {
        indicators.remove(indicator);
    }

    @Override
    public List<HealthReport> reports() {
        List<HealthReport> reports = new ArrayList<>();
        for (HealthIndicator indicator : indicators) {
            try {
                reports.add(indicator.health());
            } catch (RuntimeException e) {
                reports.add(new HealthReport(indicator.getClass().getSimpleName(), HealthReport.Status.DOWN,
                        "health check failed: " + e.getMessage(), Map.of()));
            }
        }
        reports.sort(Comparator.comparing(HealthReport::name));
        return reports;
    }

    @Override
    public HealthReport.Status overall() {
        return reports().stream().map(HealthReport::status).max(Comparator.naturalOrder()).orElse(HealthReport.Status.UP);
    }
}
