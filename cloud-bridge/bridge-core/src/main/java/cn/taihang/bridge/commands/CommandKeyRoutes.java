package cn.taihang.bridge.commands;

import cn.taihang.bridge.http.Replies;
import cn.taihang.bridge.module.Access;
import cn.taihang.bridge.module.ApiRoutes;
import cn.taihang.bridge.module.Scopes;
import cn.taihang.bridge.module.ServiceException;
import cn.taihang.wire.command.CommandAnchor;
import cn.taihang.wire.sign.SignatureAlgorithm;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code GET /api/v1/command-keys} (the anchor gateways pin: public keys only) and
 * {@code POST /api/v1/command-keys/rotate?algorithm=ed25519|sm2}, both for fleet administrators ({@link Scopes#FLEET_ADMIN}).
 */
public final class CommandKeyRoutes {

    private static final Access ADMIN = Access.scopes(Scopes.FLEET_ADMIN);

    private final Supplier<CommandAnchor> anchor;
    private final Function<SignatureAlgorithm, Future<CommandAnchor>> rotate;

    /**
     * @param anchor the current anchor
     * @param rotate rotates to a new key of that algorithm, completing with the new anchor
     */
    public CommandKeyRoutes(Supplier<CommandAnchor> anchor, Function<SignatureAlgorithm, Future<CommandAnchor>> rotate) {
        this.anchor = anchor;
        this.rotate = rotate;
    }

    /** Registers the routes on the routes of {@code /api/v1/}. */
    public void mount(ApiRoutes routes) {
        routes.get("/command-keys", ADMIN).handler(ctx -> Replies.json(ctx, 200, json(anchor.get())));
        routes.post("/command-keys/rotate", ADMIN).handler(ctx -> Replies.json(ctx, 200, () -> rotate.apply(SignatureAlgorithm.ofLabel(
                ctx.queryParams().contains("algorithm") ? ctx.queryParams().get("algorithm") : SignatureAlgorithm.ED25519.label())),
                CommandKeyRoutes::json, e -> ServiceException.invalid("algorithm", "ed25519 or sm2", e.getMessage())));
    }

    private static JsonObject json(CommandAnchor anchor) {
        return new JsonObject(new String(anchor.toJson(), java.nio.charset.StandardCharsets.UTF_8));
    }
}
