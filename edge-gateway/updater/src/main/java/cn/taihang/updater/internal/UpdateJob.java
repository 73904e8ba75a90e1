package cn.taihang.updater.internal;

import cn.taihang.release.BundleEntry;
import cn.taihang.release.ReleaseCodec;
import cn.taihang.release.ReleaseException;
import cn.taihang.release.ReleaseKeys;
import cn.taihang.release.ReleaseManifest;
import cn.taihang.release.ReleaseVerifier;
import cn.taihang.release.SignedManifest;
import cn.taihang.release.UpdateOrder;
import cn.taihang.release.UpdateStep;
import cn.taihang.slots.Phase;
import cn.taihang.slots.SlotControl;
import cn.taihang.slots.SlotException;
import cn.taihang.slots.Staging;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Carries out one install order, on the updater's thread: the signed manifest first (fetched, its signature checked
 * against the pinned keys, then its board, the launcher's shared APIs and the gateway's configuration against its
 * schema — any refusal before anything changes), then only the bundles the gateway does not hold, then the staging into
 * the inactive slot, then the switch. Each step is reported; a temporary failure leaves what was downloaded for the next
 * attempt.
 */
final class UpdateJob {

    private final SlotControl slots;
    private final ReleaseServer server;
    private final BundleFetcher fetcher;
    private final ConfigurationAdmin admin;
    private final StepReporter reporter;
    private final UpdaterSettings settings;
    private final ReleaseCodec codec = new ReleaseCodec();

    UpdateJob(SlotControl slots, ReleaseServer server, BundleFetcher fetcher, ConfigurationAdmin admin, StepReporter reporter, UpdaterSettings settings) {
        this.slots = slots;
        this.server = server;
        this.fetcher = fetcher;
        this.admin = admin;
        this.reporter = reporter;
        this.settings = settings;
    }

    /** Runs the order to its switch, or to the step that stops it. */
    void install(UpdateOrder order, BooleanSupplier cancelled) {
        reporter.report(order, UpdateStep.ACCEPTED, "", "", Map.of());
        try {
            if (!alreadyStaged(order)) {
                byte[] envelope = server.manifest(order.release());
                ReleaseManifest manifest = check(order, envelope);
                stage(order, envelope, manifest, cancelled);
            }
            if (cancelled.getAsBoolean()) {
                slots.discard(order.release(), "cancelled before the switch");
                reporter.report(order, UpdateStep.CANCELLED, "", "cancelled before the switch; the gateway keeps its release", Map.of());
                return;
            }
            reporter.report(order, UpdateStep.SWITCHING, "", "restarting into the staged slot; on trial for up to "
                    + settings.healthTimeout().toSeconds() + " s", Map.of());
            slots.switchTo(order.release(), (int) settings.healthTimeout().toSeconds());
        } catch (ReleaseException e) {
            reporter.report(order, UpdateStep.REFUSED, e.code(), e.getMessage(), Map.of());
        } catch (InterruptedException e) {
            discardQuietly(order);
            reporter.report(order, UpdateStep.CANCELLED, "", "stopped before the switch (" + e.getMessage() + "); the gateway keeps its release", Map.of());
        } catch (IOException | SlotException e) {
            reporter.report(order, UpdateStep.FAILED, e instanceof SlotException ? "busy" : "unavailable", e.getMessage()
                    + "; the gateway keeps its release and what it downloaded", Map.of());
        }
    }

    private boolean alreadyStaged(UpdateOrder order) {
        var state = slots.state();
        return state.phase() == Phase.STAGED && state.pending().release().equals(order.release()) && state.pending().rollout().equals(order.job());
    }

    private ReleaseManifest check(UpdateOrder order, byte[] envelope) throws ReleaseException, IOException {
        SignedManifest signed = codec.openEnvelope(envelope);
        ReleaseManifest manifest = verifier().verify(signed);
        if (!manifest.version().equals(order.release())) {
            throw new ReleaseException(ReleaseException.Reason.MALFORMED, "the bridge sent the manifest of release " + manifest.version()
                    + " for release " + order.release());
        }
        manifest.requireBoard(slots.board());
        manifest.requireSharedApis(slots.sharedBundles());
        List<String> problems = manifest.configSchema().problems(InstalledConfiguration.of(admin), true, false);
        if (!problems.isEmpty()) {
            throw new ReleaseException(ReleaseException.Reason.CONFIGURATION, "this gateway's configuration does not fit release " + order.release()
                    + ": " + String.join("; ", problems) + " — change the configuration first, or fix the release");
        }
        return manifest;
    }

    private ReleaseVerifier verifier() throws ReleaseException {
        try {
            return new ReleaseVerifier(ReleaseKeys.readPublicKeys(settings.releaseKeyFile()));
        } catch (NoSuchFileException e) {
            throw new ReleaseException(ReleaseException.Reason.UNKNOWN_KEY, "no release key is pinned on this gateway (" + settings.releaseKeyFile()
                    + " is missing); install the city's release public key there");
        } catch (IOException | IllegalArgumentException e) {
            throw new ReleaseException(ReleaseException.Reason.UNKNOWN_KEY, "the pinned release keys cannot be read: " + e.getMessage());
        }
    }

    private void stage(UpdateOrder order, byte[] envelope, ReleaseManifest manifest, BooleanSupplier cancelled)
            throws IOException, ReleaseException, SlotException, InterruptedException {
        Map<String, Path> held = slots.heldBundles();
        Map<String, Path> sources = new LinkedHashMap<>();
        int reused = 0;
        for (BundleEntry b : manifest.bundles()) {
            Path have = held.containsKey(b.sha256()) ? held.get(b.sha256()) : fetcher.completed(b);
            if (have != null) {
                sources.put(b.sha256(), have);
                reused++;
            }
        }
        List<BundleEntry> needed = manifest.bundles().stream().filter(b -> !sources.containsKey(b.sha256())).toList();
        long neededBytes = needed.stream().mapToLong(BundleEntry::size).sum();
        reporter.report(order, UpdateStep.DOWNLOADING, "", needed.size() + " of " + manifest.bundles().size() + " bundles to fetch (" + neededBytes
                + " of " + manifest.totalBytes() + " bytes)", Map.of(UpdateStep.FETCHED, (long) needed.size(), UpdateStep.REUSED, (long) reused));
        AtomicLong bytes = new AtomicLong();
        for (BundleEntry b : needed) {
            sources.put(b.sha256(), fetcher.fetch(b, bytes, cancelled));
        }
        reporter.report(order, UpdateStep.DOWNLOADED, "", "every bundle held and verified", Map.of(UpdateStep.BYTES, bytes.get(),
                UpdateStep.FETCHED, (long) needed.size(), UpdateStep.REUSED, (long) reused));
        Staging staging = slots.beginStaging(order.release(), order.job());
        for (BundleEntry b : manifest.bundles()) {
            staging.add(b.fileName(), b.sha256(), b.size(), sources.get(b.sha256()));
        }
        staging.finish(envelope, manifest.sharedApis());
        for (BundleEntry b : needed) {
            Files.deleteIfExists(sources.get(b.sha256()));
        }
        reporter.report(order, UpdateStep.STAGED, "", "slot " + staging.slotDir().getFileName() + " holds release " + order.release(), Map.of());
    }

    private void discardQuietly(UpdateOrder order) {
        try {
            slots.discard(order.release(), "cancelled");
        } catch (IOException | SlotException e) {
            // on trial or unwritable: nothing staged to drop
        }
    }
}
