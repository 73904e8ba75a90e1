package cn.taihang.validator.internal;

import cn.taihang.gateway.api.ChannelStatus;
import cn.taihang.wire.ticket.KeyRing;

/** The key ring as a device channel, the same on gates and key lockers. */
final class TrustStatus {

    private TrustStatus() {
    }

    /**
     * @param ring the key ring from the bridge, or {@code null} before the first one arrived
     * @param refused what is refused without one, for the crew ("ticket", "pass")
     */
    static ChannelStatus keyRing(KeyRing ring, String refused) {
        return new ChannelStatus("key-ring", ring == null ? ChannelStatus.State.FAULT : ChannelStatus.State.OK,
                ring == null ? "none" : "version " + ring.version() + ", " + ring.keys().size() + " keys",
                ring == null ? "no key ring from the bridge yet: every " + refused + " is refused; connect the gateway to the bridge once" : "");
    }
}
