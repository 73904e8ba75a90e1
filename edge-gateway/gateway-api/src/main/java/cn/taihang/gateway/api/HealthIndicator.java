package cn.taihang.gateway.api;

/** A health check, registered as an OSGi service (whiteboard) and aggregated by {@link GatewayHealth}. */
public interface HealthIndicator {

    /** @return the current verdict; must be quick and must not block on I/O */
    HealthReport health();
}
