package cn.taihang.roadsensors.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One road sensor's place and reporting (factory PID {@value #PID}); its key comes from the bridge's sensor-keys command. */
@ObjectClassDefinition(id = SensorConfig.PID, name = "路侧传感器 / Road sensor",
        description = "Where a 5G roadside sensor stands and how often it reports; alarms carry this place.")
public @interface SensorConfig {

    /** The factory configuration PID. */
    String PID = "cn.taihang.roadsensors.sensor";

    @AttributeDefinition(name = "Sensor id / 传感器编号", description = "Device id, as in the sensor-keys command. Required.")
    String sensor();

    @AttributeDefinition(name = "Description / 描述", required = false,
            description = "Bilingual, e.g. 浙水—王莽岭 K13.7 能见度仪 / Zheshui–Wangmangling K13.7 visibility meter")
    String description() default "";

    @AttributeDefinition(name = "Site / 站点", required = false, description = "Site id; empty = this gateway's site")
    String site() default "";

    @AttributeDefinition(name = "Road section / 路段", required = false, description = "Road section id, e.g. zheshui-wangmangling")
    String section() default "";

    @AttributeDefinition(name = "Kilometre / 公里桩", description = "Position on the section; negative if not on one")
    double km() default -1;

    @AttributeDefinition(name = "Report period (s) / 上报周期", min = "1", description = "How often the sensor reports")
    int reportSeconds() default 60;

    @AttributeDefinition(name = "Application types / 应用类型", required = false,
            description = "For sensors that do not send resource 5750: object/instance=type, e.g. 3300/0=visibility")
    String[] applicationTypes() default {};
}
