package cn.taihang.hardware.sim.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Where the simulator's harness is and which gateway this simulated board belongs to. */
@ObjectClassDefinition(id = SimConfig.PID, name = "Simulated board / 模拟板",
        description = "Digital I/O and serial ports of a simulated board, wired to the simulator over a loopback harness.")
@interface SimConfig {

    /** The configuration PID. */
    String PID = "cn.taihang.hardware.sim";

    @AttributeDefinition(name = "Harness host / 仿真器地址",
            description = "Host the simulator's harness listens on; normally this machine.")
    String harnessHost() default "127.0.0.1";

    @AttributeDefinition(name = "Harness port / 仿真器端口", min = "1", max = "65535",
            description = "TCP port of the simulator's harness (HarnessServer.port()). Required.")
    int harnessPort();

    @AttributeDefinition(name = "Node id / 节点编号",
            description = "This gateway's id (1-64 of a-z, 0-9 and '-'); the simulator finds the board by it. Required.")
    String nodeId();

    @AttributeDefinition(name = "Board profile / 板型",
            description = "Pin map the simulated board checks pins against, as on the real board, e.g. raspberry-pi-4.")
    String board() default "raspberry-pi-4";
}
