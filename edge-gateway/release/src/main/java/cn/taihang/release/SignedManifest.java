package cn.taihang.release;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A manifest as signed: its exact bytes (never re-encoded before checking), the id of the release key and the Ed25519
 * signature over the bytes. Travels as {@code release.json} ({@link ReleaseCodec#envelope}).
 *
 * @param manifest the manifest's JSON bytes as signed
 * @param keyId the release key's id ({@link ReleaseKeys#keyId}), 16 hex digits
 * @param signature the 64-byte Ed25519 signature of {@code manifest}
 */
public record SignedManifest(byte[] manifest, String keyId, byte[] signature) {

    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{16}");

    /** Validates and copies. @throws IllegalArgumentException on a bad key id or signature length */
    public SignedManifest {
        Objects.requireNonNull(manifest, "manifest");
        if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("a release key id is 16 lower-case hex digits, was " + keyId);
        }
        if (signature == null || signature.length != ReleaseKeys.SIGNATURE_BYTES) {
            throw new IllegalArgumentException("an Ed25519 signature has " + ReleaseKeys.SIGNATURE_BYTES + " bytes");
        }
        manifest = manifest.clone();
        signature = signature.clone();
    }

    @Override
    public byte[] manifest() {
        return manifest.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedManifest s && keyId.equals(s.keyId) && Arrays.equals(manifest, s.manifest) && Arrays.equals(signature, s.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyId, Arrays.hashCode(manifest), Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "SignedManifest[" + manifest.length + " bytes, key " + keyId + "]";
    }
}
