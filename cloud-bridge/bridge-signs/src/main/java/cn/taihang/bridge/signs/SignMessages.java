package cn.taihang.bridge.signs;

import cn.taihang.bridge.module.GatewayCommands;
import cn.taihang.bridge.module.ServiceException;
import cn.taihang.sign.rendering.ColourScheme;
import cn.taihang.sign.rendering.FontSet;
import cn.taihang.sign.rendering.MessageRenderer;
import cn.taihang.sign.rendering.MultiSyntaxException;
import cn.taihang.sign.rendering.PanelSpec;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the bridge wants each sign to show, and how it gets there — this class is the one owner of it: operator messages
 * and composed hub boards (with dispatch's notices in them) become rows of {@code sign_desired}; each change re-sends the gateway's retained {@code sign-message} command with every
 * unexpired message of its signs. Hub boards run at priority {@value #HUB_PRIORITY} for {@value #HUB_DURATION}
 * minutes from their issue, refreshed every minute the content changes and at least every {@code HUB_REFRESH}, so a
 * board whose bridge went quiet goes to its end-duration message instead of showing stale departures. A hub board
 * never replaces an operator message of higher priority that is still running.
 */
final class SignMessages {

    static final String COMMAND = "sign-message";
    static final String HUB_SOURCE = "bridge/hub-board";
    static final int HUB_PRIORITY = 50;
    static final int HUB_DURATION = 5;
    static final Duration HUB_REFRESH = Duration.ofMinutes(2);
    private static final Logger LOG = LoggerFactory.getLogger(SignMessages.class);

    /**
     * An operator's message for a sign, validated: MULTI text up to 2000 characters, priority 0-255, duration in minutes
     * 1-65535 (65535 = until replaced), who asks.
     */
    record OperatorMessage(String multi, int priority, int duration, String source) {

        private static final Set<String> FIELDS = Set.of("multi", "priority", "duration", "source");

        /** @throws ServiceException INVALID saying what a message looks like */
        static OperatorMessage parse(JsonObject body) {
            Object multi = body == null ? null : body.getValue("multi");
            Object priority = body == null ? null : body.getValue("priority");
            Object duration = body == null ? null : body.getValue("duration");
            Object source = body == null ? null : body.getValue("source", "operator");
            if (!(multi instanceof String m) || m.length() > 2000 || !(priority instanceof Integer p) || p < 0 || p > 255
                    || !(duration instanceof Integer d) || d < 1 || d > 65535 || !(source instanceof String s) || s.isBlank() || s.length() > 64
                    || !FIELDS.containsAll(body.fieldNames())) {
                throw ServiceException.invalid("send {\"multi\": MULTI text up to 2000 characters, \"priority\": 0-255, "
                        + "\"duration\": minutes 1-65535 (65535 = until replaced), \"source\": optional, who asks}");
            }
            return new OperatorMessage(m, p, d, s);
        }
    }

    /**
     * An operator message the bridge took: the retained command that carries it to the sign's gateway.
     *
     * @param command the command's id
     * @param expires when the message ends, or {@code null} for until replaced
     */
    record Accepted(String sign, String gateway, long command, OperatorMessage message, Instant issued, Instant expires) {}

    private final SignStore store;
    private final GatewayCommands commands;
    private final FontSet fonts;
    private final HubBoards boards;

    SignMessages(SignStore store, GatewayCommands commands, FontSet fonts, HubBoards boards) {
        this.store = store;
        this.commands = commands;
        this.fonts = fonts;
        this.boards = boards;
    }

    /**
     * Sends an operator's message to a sign, checked against the panel it reported.
     *
     * @return the accepted command; fails NOT_FOUND for a sign that never reported its panel, UNPROCESSABLE for a
     *     message the sign would refuse
     */
    Future<Accepted> operatorMessage(String id, OperatorMessage message, Instant now) {
        return store.status(id).compose(stored -> {
            if (stored == null) {
                return Future.failedFuture(ServiceException.notFound("no sign '" + id + "' has reported its panel; GET /api/v1/signs lists them"));
            }
            try {
                renderer(stored.status()).render(message.multi());
            } catch (MultiSyntaxException e) {
                return Future.failedFuture(ServiceException.unprocessable("sign '" + id + "' would refuse it: " + e.getMessage()));
            } catch (IllegalArgumentException e) {
                return Future.failedFuture(ServiceException.unprocessable("sign '" + id + "' reported a panel the bridge cannot check against ("
                        + e.getMessage() + "); is its gateway newer than the bridge?"));
            }
            return send(stored.status(), message.multi(), message.priority(), message.duration(), message.source(), now)
                    .map(commandId -> new Accepted(id, stored.status().gateway(), commandId, message, now,
                            message.duration() == 65535 ? null : now.plus(Duration.ofMinutes(message.duration()))));
        });
    }

    /** Composes every hub sign's board and sends those that changed or are due for refresh. */
    Future<Integer> composeHubs(Instant now) {
        return composeHubs(null, now);
    }

    /** Composes the hub signs of one site ({@code null}: every site) and sends those that changed or are due for refresh. */
    Future<Integer> composeHubs(String site, Instant now) {
        return store.statuses().compose(signs -> {
            Future<Integer> chain = Future.succeededFuture(0);
            for (SignStore.StoredSign stored : signs) {
                SignStatus sign = stored.status();
                if ("hub".equals(sign.role()) && (site == null || site.equals(sign.site()))) {
                    chain = chain.compose(sent -> composeOne(sign, now).map(s -> sent + (s ? 1 : 0)));
                }
            }
            return chain;
        });
    }

    private Future<Boolean> composeOne(SignStatus sign, Instant now) {
        String id = sign.sign();
        return store.desired(id).compose(desired -> {
            if (desired != null && !HUB_SOURCE.equals(desired.source()) && desired.priority() > HUB_PRIORITY
                    && (desired.expiresMillis() == null || desired.expiresMillis() > now.toEpochMilli())) {
                return Future.succeededFuture(false);
            }
            return boards.compose(sign, now).compose(multi -> {
                if (multi == null) {
                    return Future.succeededFuture(false);
                }
                boolean fresh = desired != null && HUB_SOURCE.equals(desired.source()) && multi.equals(desired.multi())
                        && now.isBefore(desired.issued().plus(HUB_REFRESH));
                if (fresh) {
                    return Future.succeededFuture(false);
                }
                return send(sign, multi, HUB_PRIORITY, HUB_DURATION, HUB_SOURCE, now).map(true);
            }).recover(e -> {
                LOG.warn("hub board of sign {} not composed: {}", id, e.getMessage());
                return Future.succeededFuture(false);
            });
        });
    }

    private Future<Long> send(SignStatus sign, String multi, int priority, int duration, String source, Instant now) {
        String gateway = sign.gateway();
        String site = sign.site();
        Long expires = duration == 65535 ? null : now.plus(Duration.ofMinutes(duration)).toEpochMilli();
        return store.setDesired(sign.sign(), gateway, site, multi, priority, duration, source, now, expires).compose(entries -> {
            long ttl = ttl(entries, now);
            JsonArray signs = new JsonArray();
            entries.forEach(e -> signs.add(new JsonObject().put("sign", e.sign()).put("action", "activate").put("multi", e.multi())
                    .put("priority", e.priority()).put("duration", e.duration()).put("source", e.source()).put("issued", e.issued().toEpochMilli())));
            byte[] body = new JsonObject().put("v", 1).put("signs", signs).encode().getBytes(StandardCharsets.UTF_8);
            return commands.send(site, gateway, COMMAND, body, true, ttl);
        });
    }

    /** @return how long the command stays valid: until its last message ends, or 0 (for ever) if one never ends */
    private static long ttl(List<SignStore.Desired> entries, Instant now) {
        long latest = 0;
        for (SignStore.Desired e : entries) {
            if (e.duration() == 65535) {
                return 0;
            }
            latest = Math.max(latest, e.issued().toEpochMilli() + Duration.ofMinutes(e.duration()).toMillis() - now.toEpochMilli());
        }
        return Math.max(1, latest);
    }

    private MessageRenderer renderer(SignStatus sign) {
        return new MessageRenderer(PanelSpec.of(sign.width(), sign.height(), ColourScheme.valueOf(sign.colour()), sign.large()), fonts);
    }
}
