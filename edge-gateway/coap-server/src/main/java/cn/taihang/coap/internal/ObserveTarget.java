package cn.taihang.coap.internal;

import cn.taihang.gateway.api.config.Ranges;
import java.net.URI;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/** One observed sensor's configuration, offered as a service to the CoAP server component. */
@Component(configurationPid = ObserveConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = ObserveTarget.class)
@Designate(ocd = ObserveConfig.class, factory = true)
public final class ObserveTarget {

    private final String sensor;
    private final URI uri;
    private final String identity;
    private final int retrySeconds;

    /** @throws IllegalArgumentException (activation fails) on a bad URI */
    @Activate
    public ObserveTarget(ObserveConfig config, Map<String, Object> properties) {
        this(config.sensor(), URI.create(config.uri() == null ? "" : config.uri()), config.identity(), config.retrySeconds());
    }

    ObserveTarget(String sensor, URI uri, String identity, int retrySeconds) {
        if (sensor == null || !sensor.matches("[A-Za-z0-9_./:-]{1,96}")) {
            throw new IllegalArgumentException(ObserveConfig.PID + "/sensor must be 1-96 of [A-Za-z0-9_./:-], was '" + sensor + "'");
        }
        if (!"coap".equals(uri.getScheme()) && !"coaps".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(ObserveConfig.PID + "/uri must be coaps://host:port/path (or coap:// in a lab), was '" + uri + "'");
        }
        Ranges.require(ObserveConfig.PID + "/retrySeconds", retrySeconds, ObserveConfig.RETRY_SECONDS_MIN, Integer.MAX_VALUE);
        this.sensor = sensor;
        this.uri = uri;
        this.identity = identity == null || identity.isBlank() ? sensor : identity;
        this.retrySeconds = retrySeconds;
    }

    String sensor() {
        return sensor;
    }

    URI uri() {
        return uri;
    }

    boolean secure() {
        return "coaps".equals(uri.getScheme());
    }

    String identity() {
        return identity;
    }

    int retrySeconds() {
        return retrySeconds;
    }

    @Override
    public String toString() {
        return sensor + " at " + uri;
    }
}
