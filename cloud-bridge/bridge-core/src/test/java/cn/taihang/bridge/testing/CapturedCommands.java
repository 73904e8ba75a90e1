package cn.taihang.bridge.testing;

import cn.taihang.bridge.module.BridgeContext;
import cn.taihang.bridge.module.BridgeModule;
import cn.taihang.bridge.module.GatewayCommands;
import io.vertx.core.Future;

/** A bridge module that only hands out the bridge's command sender, for tests that send commands as a module does. */
public final class CapturedCommands implements BridgeModule {

    private volatile GatewayCommands commands;

    @Override
    public String name() {
        return "test-commands";
    }

    @Override
    public Future<Void> start(BridgeContext context) {
        commands = context.commands();
        return Future.succeededFuture();
    }

    /** @return the bridge's command sender @throws IllegalStateException before the bridge started this module */
    public GatewayCommands commands() {
        if (commands == null) {
            throw new IllegalStateException("the bridge has not started this module yet");
        }
        return commands;
    }
}
