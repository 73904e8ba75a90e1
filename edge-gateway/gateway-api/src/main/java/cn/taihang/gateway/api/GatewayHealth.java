package cn.taihang.gateway.api;

import java.util.List;

/** The health of the whole gateway, as an OSGi service. */
public interface GatewayHealth {

    /** @return every registered indicator's report, ordered by name */
    List<HealthReport> reports();

    /** @return the worst status of all reports, {@link HealthReport.Status#UP} when there are none */
    HealthReport.Status overall();
}
