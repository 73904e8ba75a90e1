package cn.taihang.release;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Checks a {@link SignedManifest} against the pinned release keys, then decodes it — never the other way round, so that
 * nothing of an unsigned manifest is parsed beyond its envelope. Immutable and thread-safe.
 */
public final class ReleaseVerifier {

    private final Map<String, Ed25519.PublicPoint> keys = new LinkedHashMap<>();
    private final ReleaseCodec codec = new ReleaseCodec();

    /**
     * @param trusted the pinned public keys (32 bytes each)
     * @throws IllegalArgumentException if one is not a valid Ed25519 public key
     */
    public ReleaseVerifier(Collection<byte[]> trusted) {
        for (byte[] key : trusted) {
            Ed25519.PublicPoint point = Ed25519.validatePublicKeyFullExport(key, 0);
            if (point == null) {
                throw new IllegalArgumentException("release key " + ReleaseKeys.hex(key) + " is not a valid Ed25519 public key");
            }
            keys.put(ReleaseKeys.keyId(key), point);
        }
    }

    /** @return the ids of the trusted keys */
    public java.util.Set<String> keyIds() {
        return java.util.Set.copyOf(keys.keySet());
    }

    /**
     * @return the verified manifest
     * @throws ReleaseException {@code UNKNOWN_KEY}, {@code BAD_SIGNATURE}, or {@code MALFORMED} for a signed manifest
     *     that does not decode
     */
    public ReleaseManifest verify(SignedManifest signed) throws ReleaseException {
        Ed25519.PublicPoint point = keys.get(signed.keyId());
        if (point == null) {
            throw new ReleaseException(ReleaseException.Reason.UNKNOWN_KEY, "release signed with key " + signed.keyId()
                    + ", which is not pinned here (pinned: " + (keys.isEmpty() ? "none" : String.join(", ", keys.keySet()))
                    + "); sign it with the city's release key or pin the new key at enrolment");
        }
        byte[] manifest = signed.manifest();
        if (!Ed25519.verify(signed.signature(), 0, point, manifest, 0, manifest.length)) {
            throw new ReleaseException(ReleaseException.Reason.BAD_SIGNATURE, "the signature of the release manifest does not match its content "
                    + "(key " + signed.keyId() + "): altered or forged; refuse it and rebuild the release");
        }
        return codec.decode(manifest);
    }
}
