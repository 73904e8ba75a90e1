package cn.taihang.coap.internal;

import cn.taihang.coap.api.SensorKeys;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.SecretKey;
import org.eclipse.californium.scandium.dtls.ConnectionId;
import org.eclipse.californium.scandium.dtls.HandshakeResultHandler;
import org.eclipse.californium.scandium.dtls.PskPublicInformation;
import org.eclipse.californium.scandium.dtls.PskSecretResult;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedMultiPskStore;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedPskStore;
import org.eclipse.californium.scandium.util.ServerNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sensors' pre-shared keys: the applied {@code sensor-keys} set, sealed on disk, served to Scandium
 * (an {@link AdvancedMultiPskStore} behind a wrapper that counts unknown identities) and mapping each PSK
 * identity to its sensor id.
 */
final class SensorKeyring implements AdvancedPskStore {

    private static final Logger LOG = LoggerFactory.getLogger(SensorKeyring.class);

    private final AdvancedMultiPskStore store = new AdvancedMultiPskStore();
    private final SealedKeyFile sealed;
    private final Rejections rejections;
    private volatile SensorKeys applied;
    private volatile Map<String, SensorKeys.Entry> byIdentity = Map.of();

    SensorKeyring(SealedKeyFile sealed, Rejections rejections) {
        this.sealed = sealed;
        this.rejections = rejections;
    }

    /** Loads the sealed set, if any. @throws IOException if it exists but cannot be opened */
    void load() throws IOException {
        Optional<SensorKeys> stored = sealed.read();
        if (stored.isPresent()) {
            install(stored.get());
            LOG.info("sensor keys version {} loaded: {} sensors", stored.get().version(), stored.get().sensors().size());
        }
    }

    /**
     * Applies a new set: seals it to disk, then serves it. Sensors missing from the set lose access at once.
     *
     * @return what was done, for the bridge
     * @throws IllegalStateException if the set is older than the applied one
     * @throws IOException if the sealed file cannot be written (nothing changed)
     */
    synchronized String apply(SensorKeys keys) throws IOException {
        SensorKeys current = applied;
        long currentVersion = current == null ? 0 : current.version();
        if (keys.version() == currentVersion) {
            return "sensor keys version " + keys.version() + " already applied (" + keys.sensors().size() + " sensors)";
        }
        if (keys.version() < currentVersion) {
            throw new IllegalStateException("sensor keys version " + keys.version() + " is older than the applied version " + currentVersion
                    + "; send a set with a higher version");
        }
        sealed.write(keys);
        Set<String> removed = new TreeSet<>(byIdentity.keySet());
        keys.sensors().forEach(e -> removed.remove(e.identity()));
        install(keys);
        removed.forEach(store::removeKey);
        return "sensor keys version " + keys.version() + " applied: " + keys.sensors().size() + " sensors" + (removed.isEmpty() ? "" : ", removed " + removed);
    }

    private void install(SensorKeys keys) {
        Map<String, SensorKeys.Entry> index = new HashMap<>();
        for (SensorKeys.Entry e : keys.sensors()) {
            store.setKey(e.identity(), e.key());
            index.put(e.identity(), e);
        }
        byIdentity = Map.copyOf(index);
        applied = keys;
    }

    /** @return the sensor id of a PSK identity, if it holds a key */
    Optional<String> sensorFor(String identity) {
        SensorKeys.Entry e = byIdentity.get(identity);
        return e == null ? Optional.empty() : Optional.of(e.sensorId());
    }

    /** @return whether the sensor id holds a key under some identity */
    boolean isProvisioned(String sensorId) {
        return byIdentity.values().stream().anyMatch(e -> e.sensorId().equals(sensorId));
    }

    /** @return the key of an identity, for the gateway's own DTLS client (observed sensors) */
    Optional<byte[]> keyOf(String identity) {
        SensorKeys.Entry e = byIdentity.get(identity);
        return e == null ? Optional.empty() : Optional.of(e.key());
    }

    /** @return the provisioned sensor ids */
    Set<String> sensors() {
        Set<String> ids = new TreeSet<>();
        byIdentity.values().forEach(e -> ids.add(e.sensorId()));
        return ids;
    }

    /** @return the applied version, 0 before any */
    long version() {
        SensorKeys current = applied;
        return current == null ? 0 : current.version();
    }

    @Override
    public boolean hasEcdhePskSupported() {
        return store.hasEcdhePskSupported();
    }

    @Override
    public PskSecretResult requestPskSecretResult(ConnectionId cid, ServerNames serverName, PskPublicInformation identity, String hmacAlgorithm,
            SecretKey otherSecret, byte[] seed, boolean useExtendedMasterSecret) {
        if (!byIdentity.containsKey(identity.getPublicInfoAsString())) {
            rejections.refused(Rejections.Reason.UNKNOWN_IDENTITY, identity.getPublicInfoAsString(),
                    "a sensor offered a PSK identity this gateway has no key for; provision it with the sensor-keys command");
        }
        return store.requestPskSecretResult(cid, serverName, identity, hmacAlgorithm, otherSecret, seed, useExtendedMasterSecret);
    }

    @Override
    public PskPublicInformation getIdentity(InetSocketAddress peerAddress, ServerNames virtualHost) {
        return store.getIdentity(peerAddress, virtualHost);
    }

    @Override
    public void setResultHandler(HandshakeResultHandler resultHandler) {
        store.setResultHandler(resultHandler);
    }
}
