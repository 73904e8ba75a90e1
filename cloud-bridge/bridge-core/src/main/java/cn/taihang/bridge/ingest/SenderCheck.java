package cn.taihang.bridge.ingest;

import cn.taihang.bridge.fleet.VerifiedGateways;
import cn.taihang.bridge.module.GatewayCommands;
import cn.taihang.bridge.security.SecurityEvents;
import cn.taihang.wire.Topics;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest's question before it takes a message: does the sender's certificate say what the topic says? A message
 * whose topic names another site than the gateway's enrolled one, or whose payload names another gateway, is refused
 * (not stored, not acknowledged) and kept as a security event (counted, logged once per gateway and reason). A gateway
 * whose birth the bridge has not verified yet is asked for a rebirth, at most once a minute.
 */
public final class SenderCheck {

    /** Reason: the payload names another gateway than the topic (whose gateway id the broker bound to the certificate). */
    public static final String OTHER_GATEWAY = "OTHER_GATEWAY";
    /** Reason: a birth's certificate names another gateway or site than its topic. */
    public static final String OTHER_IDENTITY = "OTHER_IDENTITY";
    private static final Logger LOG = LoggerFactory.getLogger(SenderCheck.class);
    private static final long REBIRTH_EVERY_MILLIS = 60_000;
    private static final String REBIRTH = "rebirth";

    private final VerifiedGateways verified;
    private final SecurityEvents events;
    private final GatewayCommands commands;
    private final Map<String, Long> rebirthAsked = new ConcurrentHashMap<>();

    /**
     * @param verified who each gateway is
     * @param events where refusals go
     * @param commands to ask an unknown gateway for its birth
     */
    public SenderCheck(VerifiedGateways verified, SecurityEvents events, GatewayCommands commands) {
        this.verified = verified;
        this.events = events;
        this.commands = commands;
    }

    /**
     * @param what e.g. {@code "data batch"}, for the event's detail
     * @param address the message's topic
     * @param revokedAllowed whether a gateway whose certificate was revoked since its birth may still send this (its death)
     * @return whether the message may be taken
     */
    public boolean believe(String what, Topics.Address address, boolean revokedAllowed) {
        Optional<VerifiedGateways.Refusal> refusal = verified.check(address.gateway(), address.site());
        if (refusal.isEmpty() || (revokedAllowed && refusal.get() == VerifiedGateways.Refusal.REVOKED)) {
            return true;
        }
        String detail = switch (refusal.get()) {
            case UNKNOWN_GATEWAY -> "a " + what + " on " + address.site() + "/" + address.gateway() + " before any birth with a valid "
                    + "certificate; refused, the gateway is asked for a rebirth";
            case SITE_MISMATCH -> "a " + what + " on site " + address.site() + ", but the certificate of " + address.gateway()
                    + " names site " + verified.enrolledSite(address.gateway()).orElse("?");
            case REVOKED -> "a " + what + " from " + address.gateway() + ", whose certificate was revoked or expired after its birth";
        };
        events.record(SecurityEvents.INGEST, address.gateway(), refusal.get().name(), detail);
        if (refusal.get() == VerifiedGateways.Refusal.UNKNOWN_GATEWAY) {
            askRebirth(address);
        }
        return false;
    }

    /** Records a message refused because it names someone else than its sender. */
    public void refuse(Topics.Address address, String reason, String detail) {
        events.record(SecurityEvents.INGEST, address.gateway(), reason, detail);
    }

    private void askRebirth(Topics.Address address) {
        long now = System.currentTimeMillis();
        Long last = rebirthAsked.get(address.gateway());
        if (last != null && now - last < REBIRTH_EVERY_MILLIS) {
            return;
        }
        rebirthAsked.put(address.gateway(), now);
        commands.send(address.site(), address.gateway(), REBIRTH, new byte[0], false, REBIRTH_EVERY_MILLIS)
                .onFailure(err -> LOG.debug("could not ask {} for a rebirth: {}", address.gateway(), err.getMessage()));
    }
}
