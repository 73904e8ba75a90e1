package cn.taihang.hardware.pi4j.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Which board this is and which Pi4J provider drives its GPIO. */
@ObjectClassDefinition(id = Pi4jConfig.PID, name = "GPIO (Pi4J) / 数字输入输出",
        description = "Digital inputs and outputs of the gateway's own board, driven by Pi4J v2.")
@interface Pi4jConfig {

    /** The configuration PID. */
    String PID = "cn.taihang.hardware.pi4j";

    @AttributeDefinition(name = "Board profile / 板型",
            description = "Pin map that decides which GPIO numbers exist and which are reserved, e.g. raspberry-pi-4.")
    String board() default "raspberry-pi-4";

    @AttributeDefinition(name = "Pi4J provider / 驱动",
            description = "gpiod: the kernel's GPIO character device (Raspberry Pi OS bookworm and later); "
                    + "linuxfs: the old sysfs interface; mock: no hardware, for tests and demos.",
            options = {@Option(value = "gpiod", label = "gpiod"), @Option(value = "linuxfs", label = "linuxfs"),
                @Option(value = "mock", label = "mock")})
    String provider() default "gpiod";

    @AttributeDefinition(name = "Input debounce (µs) / 输入去抖(微秒)", min = "0", max = "1000000",
            description = "Pi4J's own debounce of inputs. 0 delivers every edge at once, which keeps timestamps close to "
                    + "the wire; device bundles such as the vehicle counter debounce with those timestamps themselves.")
    long debounceMicros() default 0;
}
