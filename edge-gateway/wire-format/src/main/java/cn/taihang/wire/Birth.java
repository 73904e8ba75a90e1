package cn.taihang.wire;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 * @param certificateChain the gateway's certificate and its issuing CA's, DER, as in its {@code cert.pem}: the bridge
 *     believes the site and id the city CA signed, not the ones a topic or this birth claims; empty from a gateway
 *     without an identity (the bridge refuses such a birth)
 * @param sealingKey the gateway's 32-byte X25519 sealing public key, to which the bridge seals secret command bodies
 *     (HPKE, {@code cn.taihang.wire.command.SealedBody}), or {@code null} (a gateway before sealed commands); an added
 *     field that older bridges ignore
 * @param clockSynchronised whether the gateway's wall clock was known synchronised (NTP) when it made this birth: while
 *     {@code false} its record times may be far off (a Pi without a real-time clock boots with the time it last saved);
 *     {@code null} from a gateway that does not say (before this field); an added field that older bridges ignore
 */
public record Birth(int version, String gateway, String site, String siteName, long bdSeq, long timeMillis, String software,
                    Map<String, String> bundles, List<DeviceEntry> devices, String consoleUrl, String configHash,
                    List<byte[]> certificateChain, byte[] sealingKey, Boolean clockSynchronised) {

    /** Most certificates a birth's chain may carry. */
    public static final int MAX_CHAIN_CERTIFICATES = 4;
    /** Largest certificate a birth's chain may carry, bytes. */
    public static final int MAX_CERTIFICATE_BYTES = 8192;

    /**
     * A device listed in a birth.
     *
     * @param id device id
     * @param kind device kind
     * @param description human description
     */
    public record DeviceEntry(String id, String kind, String description) {}

    /** Copies collections and the key, tolerating absent ones. */
    public Birth {
        bundles = bundles == null ? Map.of() : Map.copyOf(bundles);
        devices = devices == null ? List.of() : List.copyOf(devices);
        certificateChain = certificateChain == null ? List.of() : List.copyOf(certificateChain);
        sealingKey = sealingKey == null ? null : sealingKey.clone();
    }

    /** A birth without a certificate chain or sealing key (add them with {@link #withCertificateChain}, {@link #withSealingKey}). */
    public Birth(int version, String gateway, String site, String siteName, long bdSeq, long timeMillis, String software,
                 Map<String, String> bundles, List<DeviceEntry> devices, String consoleUrl, String configHash) {
        this(version, gateway, site, siteName, bdSeq, timeMillis, software, bundles, devices, consoleUrl, configHash, List.of(), null, null);
    }

    /** A birth that does not say whether the clock is synchronised (as before {@code clockSynchronised}). */
    public Birth(int version, String gateway, String site, String siteName, long bdSeq, long timeMillis, String software,
                 Map<String, String> bundles, List<DeviceEntry> devices, String consoleUrl, String configHash,
                 List<byte[]> certificateChain, byte[] sealingKey) {
        this(version, gateway, site, siteName, bdSeq, timeMillis, software, bundles, devices, consoleUrl, configHash, certificateChain, sealingKey, null);
    }

    /** @return this birth carrying that certificate chain (DER, the gateway's certificate first) */
    public Birth withCertificateChain(List<byte[]> chain) {
        return new Birth(version, gateway, site, siteName, bdSeq, timeMillis, software, bundles, devices, consoleUrl, configHash, chain, sealingKey, clockSynchronised);
    }

    /** @return this birth announcing that sealing key (32 bytes X25519; {@code null}: none) */
    public Birth withSealingKey(byte[] key) {
        return new Birth(version, gateway, site, siteName, bdSeq, timeMillis, software, bundles, devices, consoleUrl, configHash, certificateChain, key, clockSynchronised);
    }

    /** @return this birth saying whether the gateway's clock is known synchronised */
    public Birth withClockSynchronised(boolean synchronised) {
        return new Birth(version, gateway, site, siteName, bdSeq, timeMillis, software, bundles, devices, consoleUrl, configHash, certificateChain,
                sealingKey, synchronised);
    }

    @Override
    public byte[] sealingKey() {
        return sealingKey == null ? null : sealingKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Birth b && version == b.version && bdSeq == b.bdSeq && timeMillis == b.timeMillis && Objects.equals(gateway, b.gateway)
                && Objects.equals(site, b.site) && Objects.equals(siteName, b.siteName)
                && Objects.equals(software, b.software) && bundles.equals(b.bundles) && devices.equals(b.devices)
                && Objects.equals(consoleUrl, b.consoleUrl) && Objects.equals(configHash, b.configHash)
                && sameChain(certificateChain, b.certificateChain) && Arrays.equals(sealingKey, b.sealingKey)
                && Objects.equals(clockSynchronised, b.clockSynchronised);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, gateway, site, bdSeq, timeMillis, certificateChain.size(), Arrays.hashCode(sealingKey));
    }

    private static boolean sameChain(List<byte[]> a, List<byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
