package cn.taihang.hardware.pi4j.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Which board this is and which Pi4J provider drives its GPIO. */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", id = Pi4jConfig.PID, name = "%pi4j.name",
        description = "%pi4j.description")
@interface Pi4jConfig {

    /** The configuration PID. */
    String PID = "cn.taihang.hardware.pi4j";

    @AttributeDefinition(name = "%pi4j.board.name",
            description = "%pi4j.board.description")
    String board() default "raspberry-pi-4";

    @AttributeDefinition(name = "%pi4j.provider.name",
            description = "%pi4j.provider.description",
            options = {@Option(value = "gpiod", label = "gpiod"), @Option(value = "linuxfs", label = "linuxfs"),
                @Option(value = "mock", label = "mock")})
    String provider() default "gpiod";

    /** Shortest input debounce, µs (none). */
    long DEBOUNCE_MICROS_MIN = 0;
    /** Longest input debounce, µs. */
    long DEBOUNCE_MICROS_MAX = 1_000_000;

    @AttributeDefinition(name = "%pi4j.debounceMicros.name", min = "" + DEBOUNCE_MICROS_MIN, max = "" + DEBOUNCE_MICROS_MAX,
            description = "%pi4j.debounceMicros.description")
    long debounceMicros() default 0;
}
