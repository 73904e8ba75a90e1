package cn.taihang.slots;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Keeps the slots directory ({@code <data>/slots}: {@code state.properties}, {@code a/}, {@code b/}) beside the
 * distribution's own {@code bundles/} (the {@value SlotState#FACTORY} slot). The launcher asks it what to boot
 * ({@link #planBoot()}), registers it as the {@link SlotControl} service for the updater, tells it how to restart the
 * framework and how to check a trial before committing, and rolls a trial back when its deadline passes. Every change of
 * state is written (atomically, durably) before it takes effect. Thread-safe.
 */
public final class SlotManager implements SlotControl {

    private final Path dir;
    private final Path factoryBundles;
    private final String board;
    private final Set<String> sharedBundles;
    private final SlotStateFile file;
    private final LongSupplier clock;
    private SlotState state;
    private Running running;
    private long stagingToken;
    private Map<String, Path> factoryIndex;
    private volatile Consumer<String> restart = why -> { };
    private volatile Supplier<List<String>> commitGate = List::of;

    private SlotManager(Path dir, Path factoryBundles, String board, Set<String> sharedBundles, LongSupplier clock, SlotState state) {
        this.dir = dir;
        this.factoryBundles = factoryBundles;
        this.board = board;
        this.sharedBundles = Set.copyOf(sharedBundles);
        this.file = new SlotStateFile(dir);
        this.clock = clock;
        this.state = state;
        this.running = new Running(state.committed(), state.committedRelease(), false, 0);
    }

    /**
     * @param slotsDir the slots directory, created if absent (keep it on the data partition, beside the store)
     * @param factoryBundles the distribution's bundles directory
     * @param board the gateway's board profile id
     * @param sharedBundles the jars the launcher can share with bundles
     * @param clock milliseconds since the epoch
     * @throws IOException if the state file cannot be read or is damaged
     */
    public static SlotManager open(Path slotsDir, Path factoryBundles, String board, Set<String> sharedBundles, LongSupplier clock) throws IOException {
        Files.createDirectories(slotsDir);
        return new SlotManager(slotsDir, factoryBundles, Objects.requireNonNull(board, "board"), sharedBundles, clock, new SlotStateFile(slotsDir).read());
    }

    /** @param handler called (on the caller's thread, which must not wait for the framework) when the framework must restart */
    public void onRestart(Consumer<String> handler) {
        restart = Objects.requireNonNull(handler, "handler");
    }

    /** @param gate what keeps a trial from committing now (empty: nothing), checked by {@link #commit} */
    public void commitGate(Supplier<List<String>> gate) {
        commitGate = Objects.requireNonNull(gate, "gate");
    }

    /** @return the bundles directory of a slot */
    public Path bundlesDir(String slot) {
        return slot.equals(SlotState.FACTORY) ? factoryBundles : dir.resolve(slot).resolve("bundles");
    }

    /**
     * Decides what to boot and records it first: a release on trial that was never booted boots once; one that was
     * already booted (the gateway restarted before it committed) is rolled back; a damaged committed slot falls back to
     * the previous one, then to the distribution's own bundles.
     *
     * @throws IOException if the state file cannot be written
     */
    public synchronized BootPlan planBoot() throws IOException {
        List<String> notes = new ArrayList<>();
        long now = clock.getAsLong();
        SlotState s = state;
        if (s.phase() == Phase.TRYING) {
            SlotState.Pending p = s.pending();
            if (p.attempts() == 0 && SlotFiles.bootable(bundlesDir(p.slot()))) {
                s = s.with(Phase.TRYING, new SlotState.Pending(p.slot(), p.release(), p.rollout(), 1, p.deadlineSeconds(), now))
                        .withEvent("trying", p.release(), p.rollout(), now, "booted on trial from slot " + p.slot() + "; it must commit within "
                                + p.deadlineSeconds() + " s");
                write(s);
                running = new Running(p.slot(), p.release(), true, p.deadlineSeconds());
                notes.add("release " + p.release() + " boots on trial from slot " + p.slot());
                return new BootPlan(p.slot(), p.release(), bundlesDir(p.slot()), true, p.deadlineSeconds(), notes);
            }
            String why = p.attempts() == 0 ? "slot " + p.slot() + " cannot be booted (incomplete)"
                    : "interrupted: the gateway restarted while release " + p.release() + " was on trial (power cut, crash or hang)";
            s = s.with(Phase.IDLE, null).withEvent("rolled-back", p.release(), p.rollout(), now, why + "; back on " + s.committedRelease());
            notes.add("rolled back release " + p.release() + ": " + why);
        }
        if (!SlotFiles.bootable(bundlesDir(s.committed()))) {
            boolean previousGood = s.previous() != null && SlotFiles.bootable(bundlesDir(s.previous()));
            String fallback = previousGood ? s.previous() : SlotState.FACTORY;
            String release = previousGood ? s.previousRelease() : SlotState.FACTORY;
            notes.add("committed slot " + s.committed() + " is damaged; booting " + fallback + " (" + release + ")");
            s = new SlotState(fallback, release, null, null, Phase.IDLE, null, s.nextEventId(), s.events())
                    .withEvent("rolled-back", s.committedRelease(), "", now, "the committed slot " + s.committed() + " was damaged; back on " + release);
        }
        if (!s.equals(state)) {
            write(s);
        }
        running = new Running(s.committed(), s.committedRelease(), false, 0);
        return new BootPlan(s.committed(), s.committedRelease(), bundlesDir(s.committed()), false, 0, notes);
    }

    @Override
    public String board() {
        return board;
    }

    @Override
    public Set<String> sharedBundles() {
        return sharedBundles;
    }

    @Override
    public synchronized Running running() {
        return running;
    }

    @Override
    public synchronized SlotState state() {
        return state;
    }

    @Override
    public synchronized Map<String, Path> heldBundles() throws IOException {
        if (factoryIndex == null) {
            factoryIndex = SlotFiles.index(factoryBundles, factoryBundles);
        }
        Map<String, Path> held = new LinkedHashMap<>(factoryIndex);
        for (String slot : new java.util.LinkedHashSet<>(List.of(state.committed(), running.slot()))) {
            if (!slot.equals(SlotState.FACTORY)) {
                held.putAll(SlotFiles.index(dir.resolve(slot), bundlesDir(slot)));
            }
        }
        return held;
    }

    @Override
    public synchronized Staging beginStaging(String release, String rollout) throws IOException, SlotException {
        if (state.phase() == Phase.TRYING) {
            throw new SlotException("release " + state.pending().release() + " is on trial; stage " + release + " after it committed or rolled back");
        }
        String slot = state.inactive();
        write(state.with(Phase.STAGING, new SlotState.Pending(slot, release, rollout, 0, 0, clock.getAsLong())));
        Path slotDir = dir.resolve(slot);
        SlotFiles.deleteTree(slotDir);
        Files.createDirectories(slotDir.resolve("bundles"));
        return new SlotStaging(this, slotDir, release, ++stagingToken);
    }

    /** Called by a staging's finish: records STAGED if that staging is still the current one. */
    synchronized void staged(String release, long token) throws IOException, SlotException {
        if (token != stagingToken || state.phase() != Phase.STAGING || !state.pending().release().equals(release)) {
            throw new SlotException("the staging of " + release + " was superseded or discarded while it was written");
        }
        SlotState.Pending p = state.pending();
        write(state.with(Phase.STAGED, new SlotState.Pending(p.slot(), release, p.rollout(), 0, 0, clock.getAsLong())));
    }

    @Override
    public void switchTo(String release, int deadlineSeconds) throws IOException, SlotException {
        synchronized (this) {
            requirePending(Phase.STAGED, release, "switch to");
            SlotState.Pending p = state.pending();
            write(state.with(Phase.TRYING, new SlotState.Pending(p.slot(), release, p.rollout(), 0, deadlineSeconds, clock.getAsLong())));
        }
        restart.accept("switch to release " + release);
    }

    @Override
    public synchronized void commit(String release) throws IOException, SlotException {
        requirePending(Phase.TRYING, release, "commit");
        if (!running.trying() || !running.release().equals(release)) {
            throw new SlotException("release " + release + " is not running on trial here (running: " + running.release() + ")");
        }
        List<String> problems = commitGate.get();
        if (!problems.isEmpty()) {
            throw new SlotException("release " + release + " is not up yet: " + String.join("; ", problems));
        }
        long now = clock.getAsLong();
        SlotState.Pending p = state.pending();
        String previous = state.committedRelease();
        write(state.committing().withEvent("committed", release, p.rollout(), now, "committed after " + (now - p.sinceMillis()) / 1000
                + " s on trial; the previous release " + previous + " stays in slot " + state.committed()));
        running = new Running(p.slot(), release, false, 0);
    }

    @Override
    public void rollback(String release, String reason) throws IOException, SlotException {
        synchronized (this) {
            requirePending(Phase.TRYING, release, "roll back");
            SlotState.Pending p = state.pending();
            write(state.with(Phase.IDLE, null).withEvent("rolled-back", release, p.rollout(), clock.getAsLong(), reason + "; back on "
                    + state.committedRelease()));
        }
        restart.accept("roll back release " + release);
    }

    @Override
    public synchronized boolean discard(String release, String reason) throws IOException, SlotException {
        if (state.phase() == Phase.IDLE || !state.pending().release().equals(release)) {
            return false;
        }
        if (state.phase() == Phase.TRYING) {
            throw new SlotException("release " + release + " is on trial; roll it back instead of discarding it");
        }
        SlotState.Pending p = state.pending();
        write(state.with(Phase.IDLE, null).withEvent("discarded", release, p.rollout(), clock.getAsLong(), reason));
        stagingToken++;
        return true;
    }

    @Override
    public synchronized List<SlotEvent> unreported() {
        return state.events();
    }

    @Override
    public synchronized void reported(long id) throws IOException {
        SlotState s = state.withoutEventsUpTo(id);
        if (!s.equals(state)) {
            write(s);
        }
    }

    private void requirePending(Phase phase, String release, String what) throws SlotException {
        if (state.phase() != phase || !state.pending().release().equals(release)) {
            throw new SlotException("cannot " + what + " release " + release + ": the slots are " + state.phase()
                    + (state.pending() == null ? "" : " with release " + state.pending().release()));
        }
    }

    private void write(SlotState s) throws IOException {
        file.write(s);
        state = s;
    }
}
