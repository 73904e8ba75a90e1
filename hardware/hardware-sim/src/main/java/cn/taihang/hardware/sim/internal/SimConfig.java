package cn.taihang.hardware.sim.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Where the simulator's harness is and which gateway this simulated board belongs to. */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", id = SimConfig.PID, name = "%sim.name",
        description = "%sim.description")
@interface SimConfig {

    /** The configuration PID. */
    String PID = "cn.taihang.hardware.sim";

    @AttributeDefinition(name = "%sim.harnessHost.name",
            description = "%sim.harnessHost.description")
    String harnessHost() default "127.0.0.1";

    /** Lowest harness port. */
    int HARNESS_PORT_MIN = 1;
    /** Highest harness port. */
    int HARNESS_PORT_MAX = 65535;

    @AttributeDefinition(name = "%sim.harnessPort.name", min = "" + HARNESS_PORT_MIN, max = "" + HARNESS_PORT_MAX,
            description = "%sim.harnessPort.description")
    int harnessPort();

    @AttributeDefinition(name = "%sim.nodeId.name",
            description = "%sim.nodeId.description")
    String nodeId();

    @AttributeDefinition(name = "%sim.board.name",
            description = "%sim.board.description")
    String board() default "raspberry-pi-4";
}
