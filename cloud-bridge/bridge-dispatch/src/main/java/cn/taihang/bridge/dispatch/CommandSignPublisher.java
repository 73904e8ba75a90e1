package cn.taihang.bridge.dispatch;

import cn.taihang.bridge.dispatch.port.HubSignPublisher;
import cn.taihang.bridge.dispatch.port.HubNotice;
import cn.taihang.bridge.module.GatewayCommands;
import cn.taihang.bridge.module.GatewayInfo;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The default {@link HubSignPublisher}: a retained command {@value #COMMAND} to every gateway of the hub's site (as
 * the bridge knows them from their births), so a gateway that is offline gets the latest notice when it reconnects.
 * Body (UTF-8 JSON): {@code {"site","messageId","priority","validUntil","lines":[{"zh","en"}]}}.
 */
public final class CommandSignPublisher implements HubSignPublisher {

    /** The command's name. */
    public static final String COMMAND = "dispatch-notice";

    private final GatewayCommands commands;
    private final Supplier<Future<List<GatewayInfo>>> gateways;
    private final Clock clock;

    /**
     * @param commands command sending
     * @param gateways the gateways the bridge knows (the core's fleet, {@code BridgeContext#gateways})
     * @param clock for the commands' time to live
     */
    public CommandSignPublisher(GatewayCommands commands, Supplier<Future<List<GatewayInfo>>> gateways, Clock clock) {
        this.commands = commands;
        this.gateways = gateways;
        this.clock = clock;
    }

    @Override
    public Future<Void> publish(HubNotice notice) {
        byte[] body = DispatchJson.notice(notice).encode().getBytes(StandardCharsets.UTF_8);
        long ttl = Math.max(1, notice.validUntil().toEpochMilli() - clock.millis());
        return gateways.get().compose(known -> {
            List<Future<Long>> sent = new ArrayList<>();
            for (GatewayInfo g : known) {
                if (g.site().equals(notice.site())) {
                    sent.add(commands.send(notice.site(), g.id(), COMMAND, body, true, ttl));
                }
            }
            return Future.all(sent).mapEmpty();
        });
    }
}
