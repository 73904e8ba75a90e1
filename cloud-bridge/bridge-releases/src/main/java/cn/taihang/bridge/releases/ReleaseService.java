package cn.taihang.bridge.releases;

import cn.taihang.bridge.module.BridgeContext;
import cn.taihang.bridge.module.GatewayInfo;
import cn.taihang.bridge.module.ServiceException;
import cn.taihang.bridge.releases.rollout.RolloutEntry;
import cn.taihang.bridge.releases.rollout.RolloutRules;
import cn.taihang.bridge.releases.rollout.RolloutSpec;
import cn.taihang.bridge.releases.rollout.RolloutStatus;
import cn.taihang.bridge.releases.rollout.Targets;
import cn.taihang.release.ReleaseCodec;
import cn.taihang.release.ReleaseException;
import cn.taihang.release.ReleaseKeys;
import cn.taihang.release.ReleaseManifest;
import cn.taihang.release.ReleaseVerifier;
import cn.taihang.release.SignedManifest;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Releases and rollouts: an upload is refused unless its signature verifies against a release key the bridge trusts
 * ({@code <data>/release-keys.pub}, read at each upload) and the bridge holds every bundle it names; a rollout names a
 * release the bridge holds and gateways it knows; cancel always works.
 */
final class ReleaseService {

    /** The bridge's pinned release keys, one hex public key per line. */
    static final String TRUSTED_KEYS = ReleasesModule.TRUSTED_KEYS;
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    private final BridgeContext context;
    private final ReleaseStore releases;
    private final RolloutStore rollouts;
    private final RolloutEngine engine;
    private final Clock clock;
    private final ReleaseCodec codec = new ReleaseCodec();

    ReleaseService(BridgeContext context, ReleaseStore releases, RolloutStore rollouts, RolloutEngine engine, Clock clock) {
        this.context = context;
        this.releases = releases;
        this.rollouts = rollouts;
        this.engine = engine;
        this.clock = clock;
    }

    ReleaseStore releases() {
        return releases;
    }

    RolloutStore rollouts() {
        return rollouts;
    }

    /** @return the stored release; fails UNPROCESSABLE with the reason (malformed, unknown-key, bad-signature) or CONFLICT */
    Future<StoredRelease> upload(byte[] envelope) {
        return context.vertx().executeBlocking(() -> {
            try {
                SignedManifest signed = codec.openEnvelope(envelope);
                ReleaseManifest manifest = verifier().verify(signed);
                return new Object[] {signed, manifest};
            } catch (ReleaseException e) {
                throw ServiceException.unprocessable("release refused: " + e.getMessage()).withReason(e.code());
            }
        }).compose(parts -> releases.add((SignedManifest) parts[0], (ReleaseManifest) parts[1], clock.instant()));
    }

    private ReleaseVerifier verifier() throws ReleaseException {
        Path file = context.dataDir().resolve(TRUSTED_KEYS);
        try {
            if (!Files.exists(file)) {
                throw new ReleaseException(ReleaseException.Reason.UNKNOWN_KEY, "the bridge trusts no release key yet: put the release public key "
                        + "(./taihang release keygen writes it) into " + file.toAbsolutePath());
            }
            return new ReleaseVerifier(ReleaseKeys.readPublicKeys(file));
        } catch (IOException | IllegalArgumentException e) {
            throw new ReleaseException(ReleaseException.Reason.UNKNOWN_KEY, "the bridge's release keys in " + file + " cannot be read: " + e.getMessage());
        }
    }

    /** @return the new rollout; fails INVALID for a bad request or targets that name no known gateway, NOT_FOUND for an unknown release */
    Future<RolloutStore.Rollout> create(JsonObject request) {
        JsonObject normalised = RolloutJson.normalise(request);
        RolloutSpec spec = RolloutJson.spec(normalised);
        return releases.find(spec.release()).compose(release -> context.gateways()).compose(known -> {
            List<Targets.GatewayRef> refs = known.stream().map(g -> new Targets.GatewayRef(g.id(), g.site())).toList();
            Set<String> unknown = spec.targets().gateways().stream().filter(id -> known.stream().noneMatch(g -> g.id().equals(id)))
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
            if (!unknown.isEmpty()) {
                throw ServiceException.invalid("targets.gateways", "ids of gateways the bridge knows (GET /api/v1/gateways)", "unknown gateways " + unknown);
            }
            List<String> targeted = spec.targets().select(refs);
            if (targeted.isEmpty()) {
                throw ServiceException.invalid("targets", null, "the targets name no gateway the bridge knows");
            }
            Map<String, String> siteOf = new HashMap<>();
            known.forEach(g -> siteOf.put(g.id(), g.site()));
            return rollouts.create(normalised, spec.waves(targeted), siteOf, clock.instant());
        }).onSuccess(r -> engine.tick());
    }

    /** Pauses a running or halted rollout. */
    Future<RolloutStore.Rollout> pause(long id) {
        return rollouts.find(id).compose(r -> requireOpen(r, "pause").setStatusOf(r, RolloutStatus.PAUSED, "paused by an operator"));
    }

    /** Resumes a paused or halted rollout (a halted one goes on past the threshold it crossed). */
    Future<RolloutStore.Rollout> resume(long id) {
        return rollouts.find(id).compose(r -> requireOpen(r, "resume").setStatusOf(r, RolloutStatus.RUNNING, null)).onSuccess(r -> engine.tick());
    }

    /**
     * Cancels a rollout: starts nothing more, ends every gateway not done as cancelled, and calls off the orders of those
     * under way (a release already on trial or committed stays). Always works on an open rollout; fails CONFLICT on one
     * completed or cancelled already.
     */
    Future<RolloutStore.Rollout> cancel(long id) {
        return rollouts.find(id).compose(r -> {
            requireOpen(r, "cancel");
            return rollouts.entries(id).compose(entries -> {
                List<RolloutEntry> ended = RolloutRules.cancelled(entries, clock.instant());
                List<RolloutEntry> underWay = entries.stream().filter(e -> e.state().inProgress()).toList();
                return rollouts.setStatus(id, RolloutStatus.CANCELLED, "cancelled by an operator", ended, clock.instant())
                        .compose(cancelled -> Future.join(underWay.stream().map(e -> engine.order(r.release(), id, e,
                                cn.taihang.release.UpdateOrder.Action.CANCEL)).toList()).map(cancelled));
            });
        });
    }

    /** Sets the kind of a site (for maintenance windows). */
    Future<Void> putSiteKind(String site, String kind) {
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw ServiceException.invalid("kind", "1-32 of [a-z0-9-], e.g. hub, post, scenic", "bad site kind " + kind);
        }
        return rollouts.putSiteKind(site, kind);
    }

    /** @return the gateways the bridge knows */
    Future<List<GatewayInfo>> gateways() {
        return context.gateways();
    }

    private ReleaseService requireOpen(RolloutStore.Rollout r, String what) {
        if (!r.status().open()) {
            throw ServiceException.conflict("rollout " + r.id() + " is " + r.status().wire() + "; it cannot " + what).withReason("rollout-" + r.status().wire());
        }
        return this;
    }

    private Future<RolloutStore.Rollout> setStatusOf(RolloutStore.Rollout r, RolloutStatus status, String reason) {
        return rollouts.setStatus(r.id(), status, reason, List.of(), clock.instant());
    }
}
