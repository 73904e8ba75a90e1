package cn.taihang.roadsensors.internal;

import cn.taihang.roadsensors.domain.SensorProfile;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/** One configured sensor, offered to {@link RoadSensorsComponent}; its site defaults to the gateway's there. */
@Component(configurationPid = SensorConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = SensorDefinition.class)
@Designate(ocd = SensorConfig.class, factory = true)
public final class SensorDefinition {

    private final SensorProfile profile;

    /** @throws IllegalArgumentException (activation fails) on a bad id or application type entry */
    @Activate
    public SensorDefinition(SensorConfig config) {
        String id = config.sensor();
        if (id == null || !id.matches("[A-Za-z0-9_./:-]{1,96}")) {
            throw new IllegalArgumentException(SensorConfig.PID + "/sensor must be 1-96 of [A-Za-z0-9_./:-], was '" + id + "'");
        }
        Map<String, String> types = new HashMap<>();
        for (String entry : config.applicationTypes()) {
            String[] parts = entry.split("=", 2);
            if (parts.length != 2 || !parts[0].trim().matches("\\d{1,5}/\\d{1,5}")) {
                throw new IllegalArgumentException(SensorConfig.PID + "/applicationTypes of " + id + ": '" + entry
                        + "' must be object/instance=type, e.g. 3300/0=visibility");
            }
            types.put(parts[0].trim(), parts[1].trim().toLowerCase(java.util.Locale.ROOT));
        }
        String description = config.description().isBlank() ? "传感器 " + id + " / sensor " + id : config.description();
        this.profile = new SensorProfile(id, description, config.site(), config.section(), config.km(), Duration.ofSeconds(config.reportSeconds()), types);
    }

    /** @return the profile; an empty site means the gateway's */
    SensorProfile profile() {
        return profile;
    }
}
