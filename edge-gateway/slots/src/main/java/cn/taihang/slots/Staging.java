package cn.taihang.slots;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writing a release into the inactive slot ({@link SlotControl#beginStaging}). Until {@link #finish} the slot is
 * {@link Phase#STAGING}: incomplete, never booted; a power cut leaves it so and the next staging starts it afresh.
 */
public interface Staging {

    /** @return the slot directory being written */
    Path slotDir();

    /**
     * Puts one bundle into the slot: a hard link to {@code source} where the file system allows (bundles are immutable,
     * named by content), a copy otherwise; then checks the slot's file has {@code sha256} and {@code size}.
     *
     * @param fileName the file name in the slot's {@code bundles/}
     * @param sha256 the content it must have
     * @param size its length
     * @param source a verified file with that content (a download, or a bundle of another slot)
     * @throws IOException if it cannot be written or does not have that content
     */
    void add(String fileName, String sha256, long size, Path source) throws IOException;

    /**
     * Completes the slot: writes its {@code framework.properties} (the APIs the launcher must share with its bundles),
     * the signed release as received, the index of its bundles by hash, forces everything to disk, and records
     * {@link Phase#STAGED} — only then may it be switched to.
     *
     * @param releaseEnvelope the signed manifest ({@code release.json}) the slot was staged from
     * @param sharedApis symbolic names of the launcher's jars the release's bundles were resolved against
     * @throws IOException if writing fails
     * @throws SlotException if the staging was superseded meanwhile (discarded, or another one begun)
     */
    void finish(byte[] releaseEnvelope, List<String> sharedApis) throws IOException, SlotException;
}
