package cn.taihang.bridge;

import cn.taihang.bridge.module.BridgeModule;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;

/**
 * Starts the assembled cloud bridge: the core ({@link BridgeCore}) with the standard modules — tickets, signs, rental,
 * dispatch ({@link StandardModules}). Each call makes an independent bridge with its own Vert.x instance and meter
 * registry, so several can run in one JVM (the simulator, tests).
 *
 * <pre>{@code
 * RunningBridge bridge = Bridge.start(BridgeOptions.ephemeral(dir)).toCompletableFuture().get();
 * String broker = bridge.brokerUrl();   // gateways connect here
 * int http = bridge.httpPort();
 * bridge.close();
 * }</pre>
 */
public final class Bridge {

    private Bridge() {
    }

    /**
     * Starts a bridge with the standard modules.
     *
     * @param options what to bind and where to store; see {@link BridgeOptions#ephemeral} for tests
     * @return as {@link BridgeCore#start}: the running bridge, or an exception that says what to change
     */
    public static CompletionStage<RunningBridge> start(BridgeOptions options) {
        return start(options, List.of());
    }

    /**
     * Starts a bridge with modules beyond the standard ones (tests, experiments, the simulator's key provisioning).
     *
     * @param options what to bind and where to store
     * @param extraModules started after the standard modules
     * @return as {@link BridgeCore#start}
     */
    public static CompletionStage<RunningBridge> start(BridgeOptions options, List<BridgeModule> extraModules) {
        return BridgeCore.start(options, Stream.concat(StandardModules.create().stream(), extraModules.stream()).toList());
    }
}
