package cn.taihang.bridge.releases;

import cn.taihang.release.BundleEntry;
import java.time.Instant;
import java.util.List;

/**
 * A release the bridge holds.
 *
 * @param version its version (its id)
 * @param keyId the release key that signed it
 * @param boards the boards it is built for
 * @param totalBytes the bytes of all its bundles
 * @param created when it was built
 * @param uploaded when the bridge took it
 * @param notes what changed
 * @param bundles its bundles, by content
 */
record StoredRelease(String version, String keyId, List<String> boards, long totalBytes, Instant created, Instant uploaded, String notes,
                     List<BundleEntry> bundles) {

    StoredRelease {
        boards = List.copyOf(boards);
        bundles = List.copyOf(bundles);
    }
}
