package cn.taihang.slots;

import java.nio.file.Path;
import java.util.List;

/**
 * What to boot, as {@link SlotManager#planBoot()} decided it (and already recorded).
 *
 * @param slot the slot
 * @param release its release
 * @param bundlesDir its bundles directory
 * @param trying whether it boots on trial: the launcher must see it commit within {@code deadlineSeconds} or roll it back
 * @param deadlineSeconds for a trial, the time it has to commit
 * @param notes what the decision did besides booting, for the log (e.g. a rollback after an interrupted trial)
 */
public record BootPlan(String slot, String release, Path bundlesDir, boolean trying, int deadlineSeconds, List<String> notes) {

    /** Copies the notes. */
    public BootPlan {
        notes = List.copyOf(notes);
    }
}
