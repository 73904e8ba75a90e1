package cn.taihang.wire;

import java.util.List;
import java.util.Map;

/**
 * Sent by a gateway on every connect (Sparkplug B's NBIRTH): what it is and runs.
 *
 * @param version format version, 1
 * @param gateway gateway id
 * @param site site id
 * @param siteName site name for people (bilingual)
 * @param bdSeq birth/death sequence, persisted across restarts; the matching death carries the same
 * @param timeMillis when the gateway connected
 * @param software gateway software version
 * @param bundles symbolic name → version of every bundle installed
 * @param devices devices registered on the gateway
 * @param consoleUrl URL of the gateway's maintenance console, or {@code null}
 * @param configHash hash of the gateway's configuration, so the bridge can tell when it changed
 * @param sealingKey the gateway's 32-byte X25519 sealing public key, to which the bridge seals secret command bodies
 *     (HPKE, {@code cn.taihang.wire.command.SealedBody}), or {@code null} (a gateway before sealed commands); an added
 *     field that older bridges ignore
 */
public record Birth(int version, String gateway, String site, String siteName, long bdSeq, long timeMillis, String software,
                    Map<String, String> bundles, List<DeviceEntry> devices, String consoleUrl, String configHash, byte[] sealingKey) {

    /**
     * A device listed in a birth.
     *
     * @param id device id
     * @param kind device kind
     * @param description human description
     */
    public record DeviceEntry(String id, String kind, String description) {}

    /** Copies collections, tolerating absent ones. */
    public Birth {
        bundles = bundles == null ? Map.of() : Map.copyOf(bundles);
        devices = devices == null ? List.of() : List.copyOf(devices);
        sealingKey = sealingKey == null ? null : sealingKey.clone();
    }

    /** A birth without a sealing key. */
    public Birth(int version, String gateway, String site, String siteName, long bdSeq, long timeMillis, String software,
                 Map<String, String> bundles, List<DeviceEntry> devices, String consoleUrl, String configHash) {
        this(version, gateway, site, siteName, bdSeq, timeMillis, software, bundles, devices, consoleUrl, configHash, null);
    }

    /** @return this birth announcing that sealing key (32 bytes X25519; {@code null}: none) */
    public Birth withSealingKey(byte[] key) {
        return new Birth(version, gateway, site, siteName, bdSeq, timeMillis, software, bundles, devices, consoleUrl, configHash, key);
    }

    @Override
    public byte[] sealingKey() {
        return sealingKey == null ? null : sealingKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Birth b && version == b.version && bdSeq == b.bdSeq && timeMillis == b.timeMillis && java.util.Objects.equals(gateway, b.gateway)
                && java.util.Objects.equals(site, b.site) && java.util.Objects.equals(siteName, b.siteName)
                && java.util.Objects.equals(software, b.software) && bundles.equals(b.bundles) && devices.equals(b.devices)
                && java.util.Objects.equals(consoleUrl, b.consoleUrl) && java.util.Objects.equals(configHash, b.configHash)
                && java.util.Arrays.equals(sealingKey, b.sealingKey);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(version, gateway, site, bdSeq, timeMillis, java.util.Arrays.hashCode(sealingKey));
    }
}
