package cn.taihang.bridge.module;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A gateway as the bridge knows it: what it said in its latest birth, whether it is online, when it was last heard from.
 * A gateway heard from only through records (no birth yet) has {@code null} birth fields, no bundles and no devices.
 *
 * @param siteName the site's display name, or {@code null}
 * @param bdSeq the latest birth's birth/death sequence, or {@code null}
 * @param software its software version, or {@code null}
 * @param bundles bundle symbolic name → version
 * @param devices the devices its birth listed
 * @param consoleUrl its maintenance console, or {@code null}
 * @param configHash the hash of its configuration, or {@code null}
 */
public record GatewayInfo(String id, String site, String siteName, boolean online, Instant lastSeen, Long bdSeq, String software,
                          Map<String, String> bundles, List<Device> devices, String consoleUrl, String configHash) {

    /** Copies. */
    public GatewayInfo {
        bundles = Map.copyOf(bundles);
        devices = List.copyOf(devices);
    }

    /**
     * A device a birth listed.
     *
     * @param kind e.g. {@code digital-sign}, {@code vehicle-counter}
     * @param description what and where it is, or {@code null}
     */
    public record Device(String id, String kind, String description) {}
}
