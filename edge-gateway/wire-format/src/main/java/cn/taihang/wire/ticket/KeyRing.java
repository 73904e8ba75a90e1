package cn.taihang.wire.ticket;

import cn.taihang.wire.sign.SignatureAlgorithm;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The bridge's ticket keys as gateways hold them: public keys only, each with its state. Sent to every
 * gateway as the retained fleet command {@code ticket-keyring}.
 *
 * @param version increases with every change; a gateway ignores a ring older than the one it holds
 * @param keys the keys, ids unique, at most {@value #MAX_KEYS}
 */
public record KeyRing(long version, List<Key> keys) {

    /** Most keys in a ring. */
    public static final int MAX_KEYS = 64;

    /** Validates and copies. */
    public KeyRing {
        keys = List.copyOf(keys);
        if (version < 0 || keys.size() > MAX_KEYS) {
            throw new IllegalArgumentException("a key ring has a version >= 0 and at most " + MAX_KEYS + " keys");
        }
        Set<Integer> ids = new HashSet<>();
        for (Key k : keys) {
            if (!ids.add(k.id())) {
                throw new IllegalArgumentException("key id " + k.id() + " appears twice in the key ring");
            }
        }
    }

    /** State of a key. */
    public enum KeyState {
        /** New tickets are signed with it. */
        ACTIVE,
        /** No longer signs; its tickets stay valid until they expire. */
        RETIRED,
        /** Withdrawn (compromised): every ticket it signed is void. */
        WITHDRAWN
    }

    /**
     * One key.
     *
     * @param id key id, 0–65535, as written into tickets; it says the algorithm ({@link SignatureAlgorithm#ofKeyId}:
     *     0–32767 Ed25519, 32768–65535 SM2)
     * @param publicKey the public key of that algorithm: 32 bytes Ed25519, 65 bytes uncompressed SM2
     * @param state its state
     */
    public record Key(int id, byte[] publicKey, KeyState state) {

        /** Validates and copies. */
        public Key {
            Objects.requireNonNull(state, "state");
            if (id < 0 || id > SignatureAlgorithm.MAX_KEY_ID || publicKey == null
                    || publicKey.length != SignatureAlgorithm.ofKeyId(id).publicKeyBytes()) {
                throw new IllegalArgumentException("a key has an id 0-65535 and a public key of its algorithm (32 bytes for ids 0-32767,"
                        + " Ed25519; 65 bytes for ids 32768-65535, SM2)");
            }
            publicKey = publicKey.clone();
        }

        /** @return the key's algorithm, as its id says */
        public SignatureAlgorithm algorithm() {
            return SignatureAlgorithm.ofKeyId(id);
        }

        @Override
        public byte[] publicKey() {
            return publicKey.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && id == k.id && state == k.state && Arrays.equals(publicKey, k.publicKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, state, Arrays.hashCode(publicKey));
        }

        @Override
        public String toString() {
            return "Key[" + id + " " + algorithm().label() + " " + state + "]";
        }
    }

    /** @return the key with this id */
    public Optional<Key> key(int id) {
        return keys.stream().filter(k -> k.id() == id).findFirst();
    }
}
