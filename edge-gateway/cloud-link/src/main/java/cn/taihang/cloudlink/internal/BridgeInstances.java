package cn.taihang.cloudlink.internal;

import cn.taihang.cloudlink.internal.LinkStats.BridgeView;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the gateway knows of the bridge's instances from their retained states: the bridge is online while at least
 * one instance heard since the last connect says online, offline once every instance heard says offline, unknown
 * before any was heard. The legacy single state topic counts as one instance (id {@code ""}).
 *
 * <p>A state asks for an early resend of what the bridge has not acknowledged ({@link Change#bridgeRestarted}) only
 * when that instance carries the bridge alone — no other instance heard is online — and it is a new session of it
 * (it was offline, or its session started at another time), or it is an instance not known before and the bridge was
 * offline. One instance of several restarting does not make every gateway send again: what that instance lost is sent
 * again after the acknowledgement timeout. What was last known of each instance is kept across reconnects of the
 * gateway, so that reconnecting does not look like a bridge restart. Not thread-safe: used on the uplink's thread.
 */
final class BridgeInstances {

    /**
     * The outcome of one state.
     *
     * @param was what the bridge was before it
     * @param now what the bridge is after it
     * @param bridgeRestarted whether unacknowledged records should be sent again soon
     */
    record Change(BridgeView was, BridgeView now, boolean bridgeRestarted) {}

    private record Known(boolean online, long sinceMillis) {}

    private final Map<String, Known> known = new HashMap<>();
    private final Set<String> heard = new HashSet<>();

    /** The gateway (re)connected: nothing is heard yet in this session; what was known stays. */
    void connected() {
        heard.clear();
    }

    /**
     * @param instance the instance id, {@code ""} for the legacy single state
     * @param online whether it says it is online
     * @param sinceMillis when its session started
     * @return what changed
     */
    Change update(String instance, boolean online, long sinceMillis) {
        BridgeView was = view();
        boolean othersOnline = heard.stream().anyMatch(other -> !other.equals(instance) && known.get(other).online());
        Known before = known.put(instance, new Known(online, sinceMillis));
        heard.add(instance);
        boolean newSession = before == null ? was == BridgeView.OFFLINE : !before.online() || before.sinceMillis() != sinceMillis;
        return new Change(was, view(), online && !othersOnline && newSession);
    }

    /** @return the bridge as a whole, from the instances heard since the last connect */
    BridgeView view() {
        if (heard.isEmpty()) {
            return BridgeView.UNKNOWN;
        }
        return heard.stream().anyMatch(instance -> known.get(instance).online()) ? BridgeView.ONLINE : BridgeView.OFFLINE;
    }

    /** @return how many instances heard since the last connect say they are online */
    int online() {
        return (int) heard.stream().filter(instance -> known.get(instance).online()).count();
    }
}
