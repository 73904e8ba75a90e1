package cn.taihang.simulator.sensors;

import cn.taihang.bridge.module.BridgeContext;
import cn.taihang.bridge.module.BridgeModule;
import cn.taihang.bridge.module.GatewayCommands;
import io.vertx.core.Future;

/**
 * The bridge side of sensor provisioning in the simulator: a bridge module that hands out the bridge's
 * command sender, through which the simulated operator pushes each gateway's {@code sensor-keys} set.
 */
public final class SensorKeyProvisioner implements BridgeModule {

    private volatile GatewayCommands commands;

    @Override
    public String name() {
        return "simulated-sensor-provisioning";
    }

    @Override
    public Future<Void> start(BridgeContext context) {
        commands = context.commands();
        return Future.succeededFuture();
    }

    /** @return the command sender, once the bridge has started */
    public GatewayCommands commands() {
        if (commands == null) {
            throw new IllegalStateException("the bridge has not started this module yet");
        }
        return commands;
    }
}
