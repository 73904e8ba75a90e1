package cn.taihang.bridge.signs;

import cn.taihang.bridge.dispatch.port.HubSignPublisher;
import cn.taihang.bridge.dispatch.port.HubNotice;
import io.vertx.core.Future;
import java.time.Clock;

/**
 * Dispatch's notices on the hub signs. The signs module stays the one owner of what a sign shows: a notice is kept
 * (table {@code sign_hub_notices}, the latest per hub until its {@code validUntil}) and becomes pages of the hub's boards —
 * before the departures when urgent (priority up to {@value HubBoards#URGENT_NOTICE}: extra buses), after everything
 * else otherwise ("services as scheduled") — and the hub's boards are composed again at once. The boards keep their own
 * message priority, so an operator's message of higher priority stays on the sign.
 */
final class DispatchNotices implements HubSignPublisher {

    private final SignStore store;
    private final SignMessages messages;
    private final Clock clock;

    DispatchNotices(SignStore store, SignMessages messages, Clock clock) {
        this.store = store;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public Future<Void> publish(HubNotice notice) {
        return store.saveNotice(notice.site(), notice.messageId(), notice.lines(), notice.priority(), notice.validUntil(), clock.instant())
                .compose(v -> messages.composeHubs(notice.site(), clock.instant())).mapEmpty();
    }
}
