package cn.taihang.bridge.ingest;

import cn.taihang.bridge.fleet.DeathOutcome;
import cn.taihang.bridge.fleet.FleetStore;
import cn.taihang.bridge.fleet.VerifiedGateways;
import cn.taihang.identity.CertificateRefusedException;
import cn.taihang.identity.Identity;
import cn.taihang.wire.Birth;
import cn.taihang.wire.Death;
import cn.taihang.wire.LifecycleCodec;
import cn.taihang.wire.Topics;
import cn.taihang.wire.WireFormatException;
import io.vertx.core.Future;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Births and deaths: decode, check against the topic and against the sender's certificate, update the fleet. A birth is
 * believed only with a certificate chain of the city CA naming the gateway and site of its topic. The messages of one
 * gateway are applied in the order they arrived: on an engine with several writer connections a death must not
 * overtake its own birth.
 */
public final class LifecycleIngest {

    private static final Logger LOG = LoggerFactory.getLogger(LifecycleIngest.class);

    private final LifecycleCodec codec;
    private final FleetStore fleet;
    private final IngestMetrics metrics;
    private final RepeatFilter repeats;
    private final VerifiedGateways verified;
    private final SenderCheck senders;
    private final Map<String, Future<Void>> pending = new ConcurrentHashMap<>();

    /** Wires the lifecycle path. */
    public LifecycleIngest(LifecycleCodec codec, FleetStore fleet, IngestMetrics metrics, RepeatFilter repeats, VerifiedGateways verified,
                           SenderCheck senders) {
        this.codec = codec;
        this.fleet = fleet;
        this.metrics = metrics;
        this.repeats = repeats;
        this.verified = verified;
        this.senders = senders;
    }

    /** @return completes when the birth is recorded or refused; never fails */
    public Future<Void> onBirth(Topics.Address address, byte[] payload) {
        return inArrivalOrder(address.gateway(), () -> applyBirth(address, payload));
    }

    /** @return completes when the death is applied, ignored as stale, or refused; never fails */
    public Future<Void> onDeath(Topics.Address address, byte[] payload) {
        return inArrivalOrder(address.gateway(), () -> applyDeath(address, payload));
    }

    private Future<Void> inArrivalOrder(String gateway, Supplier<Future<Void>> step) {
        Future<Void> mine = pending.compute(gateway, (key, previous) -> previous == null ? step.get() : previous.transform(ignored -> step.get()));
        mine.onComplete(ignored -> pending.remove(gateway, mine));
        return mine;
    }

    private Future<Void> applyBirth(Topics.Address address, byte[] payload) {
        Birth birth;
        try {
            birth = codec.decodeBirth(payload);
        } catch (WireFormatException e) {
            return refuse(IngestMetrics.SCOPE_BIRTH, address, e.reason().name(), e.getMessage());
        }
        if (!birth.gateway().equals(address.gateway()) || !birth.site().equals(address.site())) {
            senders.refuse(address, SenderCheck.OTHER_GATEWAY, "a birth on " + address.site() + "/" + address.gateway() + " says "
                    + birth.site() + "/" + birth.gateway());
            return counted(IngestMetrics.SCOPE_BIRTH, BatchIngest.GATEWAY_MISMATCH);
        }
        Identity identity;
        try {
            identity = verified.verify(birth.certificateChain());
        } catch (CertificateRefusedException e) {
            senders.refuse(address, e.reason().name(), "a birth whose certificate is refused: " + e.getMessage());
            return counted(IngestMetrics.SCOPE_BIRTH, e.reason().name());
        }
        if (!identity.id().equals(address.gateway()) || !identity.site().equals(address.site())) {
            String detail = "a birth on " + address.site() + "/" + address.gateway() + " carries the certificate of " + identity;
            senders.refuse(address, SenderCheck.OTHER_IDENTITY, detail);
            return counted(IngestMetrics.SCOPE_BIRTH, SenderCheck.OTHER_IDENTITY);
        }
        // both writes are queued now, before a death that follows this birth is handled
        Future<Void> remembered = verified.remember(identity, birth.certificateChain());
        Future<Void> recorded = fleet.recordBirth(birth, System.currentTimeMillis());
        return Future.all(remembered, recorded).<Void>mapEmpty()
                .onSuccess(v -> {
                    metrics.lifecycle("birth", "accepted");
                    LOG.info("gateway {} of site {} is online (bdSeq {}, software {})", birth.gateway(), birth.site(), birth.bdSeq(), birth.software());
                })
                .recover(err -> storeFailed("birth", address, err));
    }

    private Future<Void> applyDeath(Topics.Address address, byte[] payload) {
        Death death;
        try {
            death = codec.decodeDeath(payload);
        } catch (WireFormatException e) {
            return refuse(IngestMetrics.SCOPE_DEATH, address, e.reason().name(), e.getMessage());
        }
        if (!death.gateway().equals(address.gateway())) {
            senders.refuse(address, SenderCheck.OTHER_GATEWAY, "a death on " + address.site() + "/" + address.gateway() + " says " + death.gateway());
            return counted(IngestMetrics.SCOPE_DEATH, BatchIngest.GATEWAY_MISMATCH);
        }
        if (!senders.believe("death", address, true)) {
            return counted(IngestMetrics.SCOPE_DEATH, "UNBELIEVED");
        }
        return fleet.recordDeath(address.site(), death, System.currentTimeMillis())
                .map(outcome -> {
                    metrics.lifecycle("death", outcome.name().toLowerCase(Locale.ROOT));
                    if (outcome == DeathOutcome.ACCEPTED) {
                        LOG.info("gateway {} is offline (bdSeq {})", death.gateway(), death.bdSeq());
                    } else {
                        LOG.debug("death of gateway {} with bdSeq {}: {}", death.gateway(), death.bdSeq(), outcome);
                    }
                    return (Void) null;
                })
                .recover(err -> storeFailed("death", address, err));
    }

    /** Counts a refusal that is a security event (logged there). */
    private Future<Void> counted(String scope, String reason) {
        metrics.rejected(scope, reason);
        metrics.lifecycle(scope, "rejected");
        return Future.succeededFuture();
    }

    private Future<Void> refuse(String scope, Topics.Address address, String reason, String detail) {
        metrics.rejected(scope, reason);
        metrics.lifecycle(scope, "rejected");
        if (repeats.firstTime(scope + "|" + address.gateway() + "|" + reason)) {
            LOG.warn("refused a {} on {}/{} ({}: {}); check that gateway's software version. Repeats are counted, not logged.",
                    scope, address.site(), address.gateway(), reason, detail);
        }
        return Future.succeededFuture();
    }

    private Future<Void> storeFailed(String kind, Topics.Address address, Throwable err) {
        metrics.lifecycle(kind, "failed");
        if (repeats.firstTime("store-" + kind + "|" + address.gateway())) {
            LOG.error("could not record the {} of gateway {}; check the disk and the database file: {}", kind, address.gateway(), err.toString());
        }
        return Future.succeededFuture();
    }
}
