package cn.taihang.hardware.pi4j.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Where the board's serial devices are and how their line speed is set. */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", id = TtyConfig.PID, name = "%tty.name",
        description = "%tty.description")
@interface TtyConfig {

    /** The configuration PID. */
    String PID = "cn.taihang.hardware.tty";

    @AttributeDefinition(name = "%tty.deviceDir.name",
            description = "%tty.deviceDir.description")
    String deviceDir() default "/dev";

    @AttributeDefinition(name = "%tty.sttyCommand.name",
            description = "%tty.sttyCommand.description")
    String sttyCommand() default "stty";
}
