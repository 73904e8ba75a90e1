package cn.taihang.gateway.api;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One entry of the {@link LocalLedger}.
 *
 * @param namespace its namespace
 * @param key its key
 * @param value its value (a copy)
 * @param version 1 on first write, then one more with every write
 * @param updatedAt when it was last written (the gateway's clock)
 * @param expiresAt when it may be deleted, or {@code null} for never
 */
public record LedgerEntry(String namespace, String key, byte[] value, long version, Instant updatedAt, Instant expiresAt) {

    /** Validates and copies. */
    public LedgerEntry {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(updatedAt, "updatedAt");
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LedgerEntry e && namespace.equals(e.namespace) && key.equals(e.key) && Arrays.equals(value, e.value)
                && version == e.version && updatedAt.equals(e.updatedAt) && Objects.equals(expiresAt, e.expiresAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(namespace, key, Arrays.hashCode(value), version, updatedAt, expiresAt);
    }

    @Override
    public String toString() {
        return "LedgerEntry[" + namespace + "/" + key + " v" + version + ", " + value.length + " bytes]";
    }
}
