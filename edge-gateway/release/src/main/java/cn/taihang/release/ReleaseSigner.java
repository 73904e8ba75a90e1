package cn.taihang.release;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** Signs release manifests with one release key (where releases are built). Thread-safe. */
public final class ReleaseSigner {

    private final byte[] privateKey;
    private final byte[] publicKey;
    private final String keyId;
    private final ReleaseCodec codec = new ReleaseCodec();

    /** @param privateKey the 32-byte release key; copied */
    public ReleaseSigner(byte[] privateKey) {
        this.publicKey = ReleaseKeys.publicKey(privateKey);
        this.privateKey = privateKey.clone();
        this.keyId = ReleaseKeys.keyId(publicKey);
    }

    /** @return the id of the key, as written into what it signs */
    public String keyId() {
        return keyId;
    }

    /** @return a copy of the public key, for the gateways' and the bridge's pins */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** @return the manifest encoded and signed */
    public SignedManifest sign(ReleaseManifest manifest) {
        return sign(codec.encode(manifest));
    }

    /** @return arbitrary manifest bytes signed as they are (tests make forged and malformed releases with it) */
    public SignedManifest sign(byte[] manifestBytes) {
        byte[] signature = new byte[ReleaseKeys.SIGNATURE_BYTES];
        Ed25519.sign(privateKey, 0, publicKey, 0, manifestBytes, 0, manifestBytes.length, signature, 0);
        return new SignedManifest(manifestBytes, keyId, signature);
    }
}
