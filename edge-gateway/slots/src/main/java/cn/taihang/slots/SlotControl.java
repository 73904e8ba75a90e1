package cn.taihang.slots;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The launcher's software slots as the updater sees them: an OSGi service the launcher registers from the system bundle
 * (this package is on its class path and shared with the bundles). Everything that changes the state file is written
 * atomically before it takes effect, so a power cut at any moment leaves a gateway that boots the committed slot — or the
 * slot under trial once, and then the committed one. Thread-safe.
 */
public interface SlotControl {

    /**
     * What the framework runs now.
     *
     * @param slot {@value SlotState#FACTORY}, {@code a} or {@code b}
     * @param release its release
     * @param trying whether it is on trial (booted from {@link Phase#TRYING}, not committed yet)
     * @param deadlineSeconds for a trial, how long after its boot it must commit before the launcher rolls it back
     */
    record Running(String slot, String release, boolean trying, int deadlineSeconds) {}

    /** @return the gateway's board profile id, e.g. {@code raspberry-pi-4} */
    String board();

    /** @return the symbolic names of the jars the launcher can share with bundles (what a release may need of it) */
    Set<String> sharedBundles();

    /** @return what runs now */
    Running running();

    /** @return the state as last written */
    SlotState state();

    /**
     * @return the bundles this gateway already holds, SHA-256 → file: those of the running slot, the committed slot, the
     *     previous one and the distribution's own (only bundles not in here need to be downloaded)
     * @throws IOException if a slot's index cannot be read
     */
    Map<String, Path> heldBundles() throws IOException;

    /**
     * Starts writing a release into the inactive slot (never the committed one), discarding whatever it held; refused
     * while a release is on trial.
     *
     * @param release the release's version
     * @param rollout the bridge's rollout id, may be empty
     * @throws SlotException while {@link Phase#TRYING}
     */
    Staging beginStaging(String release, String rollout) throws IOException, SlotException;

    /**
     * Switches to the staged slot: records {@link Phase#TRYING} (not booted yet), then has the launcher restart the
     * framework from it. Returns at once; the framework stops shortly after.
     *
     * @param deadlineSeconds how long the trial may take, from its boot, before the launcher rolls it back
     * @throws SlotException unless {@code release} is {@link Phase#STAGED}
     */
    void switchTo(String release, int deadlineSeconds) throws IOException, SlotException;

    /**
     * Commits the release on trial, if the launcher's own check (every bundle and component up) agrees: it becomes the
     * committed slot, and the one before it the previous.
     *
     * @throws SlotException unless {@code release} runs on trial, or with what the launcher found not up
     */
    void commit(String release) throws IOException, SlotException;

    /**
     * Gives up the release on trial: records the rollback with {@code reason} and has the launcher restart the framework
     * from the committed slot. Returns at once.
     *
     * @throws SlotException unless {@code release} is {@link Phase#TRYING}
     */
    void rollback(String release, String reason) throws IOException, SlotException;

    /**
     * Drops a staging or staged release (a cancelled rollout, a refused release); does nothing if it is not pending.
     *
     * @return whether it was pending
     * @throws SlotException while it is on trial (roll it back instead)
     */
    boolean discard(String release, String reason) throws IOException, SlotException;

    /** @return the events not reported yet, oldest first */
    List<SlotEvent> unreported();

    /** Forgets the events up to {@code id}: the updater has stored them durably. */
    void reported(long id) throws IOException;
}
