package cn.taihang.release;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a release is: the bundles a gateway runs, by content, the boards it is built for, the APIs it expects the
 * launcher to share, and the configuration schema its bundles declare. Signed as a whole ({@link SignedManifest}).
 *
 * @param version the release's version and id at the bridge, e.g. {@code 2026.12.1}: 1-40 of {@code [0-9A-Za-z.+_-]}
 * @param boards board profile ids it runs on, e.g. {@code raspberry-pi-4}; at least one
 * @param sharedApis symbolic names of the jars the bundles were resolved against on the launcher's class path (the
 *     distribution's {@code framework.properties}); a gateway whose launcher lacks one refuses the release
 * @param bundles every bundle the gateway installs, symbolic names unique
 * @param configSchema the configuration its bundles declare
 * @param created when it was built
 * @param notes what changed, for people; may be empty
 */
public record ReleaseManifest(String version, List<String> boards, List<String> sharedApis, List<BundleEntry> bundles, ConfigSchema configSchema,
                              Instant created, String notes) {

    /** The manifest format this build writes and reads. */
    public static final int FORMAT = 1;
    /** Most bundles in a release. */
    public static final int MAX_BUNDLES = 512;

    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z.+_-]{1,40}");
    private static final Pattern BOARD = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    /** Validates and copies. @throws IllegalArgumentException naming what is wrong */
    public ReleaseManifest {
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("a release version is 1-40 of [0-9A-Za-z.+_-], was " + version);
        }
        boards = List.copyOf(boards);
        if (boards.isEmpty() || !boards.stream().allMatch(b -> BOARD.matcher(b).matches())) {
            throw new IllegalArgumentException("a release names 1 or more boards of [a-z0-9-], was " + boards);
        }
        sharedApis = List.copyOf(sharedApis);
        bundles = List.copyOf(bundles);
        if (bundles.isEmpty() || bundles.size() > MAX_BUNDLES) {
            throw new IllegalArgumentException("a release holds 1-" + MAX_BUNDLES + " bundles, had " + bundles.size());
        }
        Set<String> names = new HashSet<>();
        for (BundleEntry b : bundles) {
            if (!names.add(b.symbolicName())) {
                throw new IllegalArgumentException("bundle " + b.symbolicName() + " appears twice in release " + version);
            }
        }
        Objects.requireNonNull(configSchema, "configSchema");
        Objects.requireNonNull(created, "created");
        notes = notes == null ? "" : notes;
    }

    /** @return the bundle with this symbolic name */
    public Optional<BundleEntry> bundle(String symbolicName) {
        return bundles.stream().filter(b -> b.symbolicName().equals(symbolicName)).findFirst();
    }

    /** @return the bytes of all its bundles */
    public long totalBytes() {
        return bundles.stream().mapToLong(BundleEntry::size).sum();
    }

    /**
     * @param board the gateway's board profile id
     * @throws ReleaseException {@code WRONG_BOARD} if the release is not built for it
     */
    public void requireBoard(String board) throws ReleaseException {
        if (!boards.contains(board)) {
            throw new ReleaseException(ReleaseException.Reason.WRONG_BOARD, "release " + version + " is built for " + String.join(", ", boards)
                    + ", this gateway is a " + board + "; build the release for its board");
        }
    }

    /**
     * @param provided the symbolic names of the jars the gateway's launcher shares
     * @throws ReleaseException {@code INCOMPATIBLE_LAUNCHER} naming what is missing
     */
    public void requireSharedApis(Set<String> provided) throws ReleaseException {
        List<String> missing = sharedApis.stream().filter(s -> !provided.contains(s)).toList();
        if (!missing.isEmpty()) {
            throw new ReleaseException(ReleaseException.Reason.INCOMPATIBLE_LAUNCHER, "release " + version + " needs " + missing
                    + " on the launcher's class path, which this gateway's launcher does not share; install a newer distribution first");
        }
    }
}
