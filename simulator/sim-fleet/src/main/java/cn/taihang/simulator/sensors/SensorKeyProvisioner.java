package cn.taihang.simulator.sensors;

import cn.taihang.bridge.module.BridgeContext;
import cn.taihang.bridge.module.BridgeModule;
import cn.taihang.bridge.module.GatewayCommands;
import cn.taihang.bridge.module.ServiceException;
import cn.taihang.coap.api.SensorKeys;
import io.vertx.core.Future;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * The bridge side of sensor provisioning in the simulator: a bridge module that hands out the bridge's
 * command sender, through which the simulated operator pushes each gateway's {@code sensor-keys} set, sealed to it.
 */
public final class SensorKeyProvisioner implements BridgeModule {

    /** How long provisioning waits for the bridge (and the gateway's birth) by default. */
    public static final long TIMEOUT_SECONDS = 120;
    private static final long SEALING_KEY_POLL_MILLIS = 200;

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

    /**
     * Sends a gateway its sensor keys sealed to it (they never cross the broker in clear), once the bridge knows its
     * sealing key (from its birth, which may still be on its way right after the gateway started).
     *
     * @param deadline {@link System#nanoTime()} by which the bridge must have taken the command
     * @throws IOException if the bridge does not take it by then, naming why
     */
    public static void sendSealed(GatewayCommands commands, String site, String gateway, byte[] keys, long deadline) throws IOException {
        while (true) {
            try {
                commands.sendSealed(site, gateway, SensorKeys.COMMAND, keys, true, 0).toCompletionStage().toCompletableFuture()
                        .get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                return;
            } catch (ExecutionException e) {
                boolean birthPending = e.getCause() instanceof ServiceException refusal && refusal.kind() == ServiceException.Kind.CONFLICT;
                if (!birthPending || System.nanoTime() > deadline) {
                    throw new IOException("the bridge did not take the sensor keys of " + gateway + " in time (" + e.getCause().getMessage()
                            + "); the machine may be overloaded — try fewer gateways (--gateways) or the in-process mode", e);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(SEALING_KEY_POLL_MILLIS));
            } catch (TimeoutException e) {
                throw new IOException("the bridge did not take the sensor keys of " + gateway + " in time; the machine may be overloaded — try fewer "
                        + "gateways (--gateways) or the in-process mode", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while provisioning sensor keys", e);
            }
        }
    }
}
