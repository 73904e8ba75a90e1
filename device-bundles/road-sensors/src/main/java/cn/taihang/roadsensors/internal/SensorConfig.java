package cn.taihang.roadsensors.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One road sensor's place and reporting (factory PID {@value #PID}); its key comes from the bridge's sensor-keys command. */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", id = SensorConfig.PID, name = "%sensor.name",
        description = "%sensor.description")
public @interface SensorConfig {

    /** The factory configuration PID. */
    String PID = "cn.taihang.roadsensors.sensor";

    @AttributeDefinition(name = "%sensor.sensor.name", description = "%sensor.sensor.description")
    String sensor();

    @AttributeDefinition(name = "%sensor.description.name", required = false,
            description = "%sensor.description.description")
    String description() default "";

    @AttributeDefinition(name = "%sensor.site.name", required = false, description = "%sensor.site.description")
    String site() default "";

    @AttributeDefinition(name = "%sensor.section.name", required = false, description = "%sensor.section.description")
    String section() default "";

    @AttributeDefinition(name = "%sensor.km.name", description = "%sensor.km.description")
    double km() default -1;

    @AttributeDefinition(name = "%sensor.reportSeconds.name", min = "1", description = "%sensor.reportSeconds.description")
    int reportSeconds() default 60;

    @AttributeDefinition(name = "%sensor.applicationTypes.name", required = false,
            description = "%sensor.applicationTypes.description")
    String[] applicationTypes() default {};
}
