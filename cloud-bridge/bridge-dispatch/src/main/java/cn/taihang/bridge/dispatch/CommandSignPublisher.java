package cn.taihang.bridge.dispatch;

import cn.taihang.bridge.dispatch.port.HubSignPublisher;
import cn.taihang.bridge.dispatch.port.HubNotice;
import cn.taihang.bridge.module.GatewayCommands;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The default {@link HubSignPublisher}: a retained command {@value #COMMAND} to every gateway of the hub's site (as
 * the bridge knows them from their births), so a gateway that is offline gets the latest notice when it reconnects.
 * Body (UTF-8 JSON): {@code {"site","messageId","priority","validUntil","lines":[{"zh","en"}]}}.
 */
public final class CommandSignPublisher implements HubSignPublisher {

    /** The command's name. */
    public static final String COMMAND = "dispatch-notice";

    private final GatewayCommands commands;
    private final Pool reader;
    private final Clock clock;

    /**
     * @param commands command sending
     * @param reader the bridge's read connections (the {@code gateways} table)
     * @param clock for the commands' time to live
     */
    public CommandSignPublisher(GatewayCommands commands, Pool reader, Clock clock) {
        this.commands = commands;
        this.reader = reader;
        this.clock = clock;
    }

    @Override
    public Future<Void> publish(HubNotice notice) {
        byte[] body = DispatchJson.notice(notice).encode().getBytes(StandardCharsets.UTF_8);
        long ttl = Math.max(1, notice.validUntil().toEpochMilli() - clock.millis());
        return reader.preparedQuery("SELECT id FROM gateways WHERE site = ? ORDER BY id").execute(Tuple.of(notice.site())).compose(rows -> {
            List<Future<Long>> sent = new ArrayList<>();
            for (Row r : rows) {
                sent.add(commands.send(notice.site(), r.getString(0), COMMAND, body, true, ttl));
            }
            return Future.all(sent).mapEmpty();
        });
    }
}
