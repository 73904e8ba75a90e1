package cn.taihang.bridge.dispatch.port;

import io.vertx.core.Future;

/**
 * Where dispatch puts its decisions for people at a hub. The bridge's signs module implements it (the notice becomes
 * pages of the hub's boards, see {@code SignsModule#hubNotices()}); {@link CommandSignPublisher}, which sends the notice
 * as a retained {@code dispatch-notice} command to the hub's gateways, remains for a dispatch module run without signs.
 *
 * <p>Dispatch calls it only when a hub's notice changed ({@link HubNotice#messageId()} differs from the last one),
 * on the Vert.x event loop; an implementation must not block.
 */
public interface HubSignPublisher {

    /**
     * @param notice what the hub's signs should show until {@link HubNotice#validUntil()}
     * @return completes once handed over (e.g. the broker has the retained command); a failure is logged and the
     *     notice is sent again at the next planning round
     */
    Future<Void> publish(HubNotice notice);
}
