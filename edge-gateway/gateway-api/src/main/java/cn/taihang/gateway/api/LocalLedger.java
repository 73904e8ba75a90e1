package cn.taihang.gateway.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A small durable key-value store on the gateway, as an OSGi service, for state a device bundle must keep
 * across restarts and power cuts without an uplink (a ticket validator's redemption ledger, key ring and
 * deny list). Device bundles use it instead of opening SQLite themselves.
 *
 * <p>Entries live in namespaces (one per bundle or purpose, e.g. {@code ticket-ledger}); each has a value,
 * a version that grows by one with every write (for optimistic concurrency with {@link #compareAndSet}) and
 * an optional expiry after which it is deleted. Every write is committed durably before the method returns:
 * a power cut after the return does not lose it. Calls block on the disk (a commit is about a millisecond);
 * do not call from an event thread that must not block. Thread-safe.
 */
public interface LocalLedger {

    /** Largest value accepted. */
    int MAX_VALUE_BYTES = 4 << 20;

    /**
     * @param namespace 1–64 of {@code [a-z0-9._-]}
     * @param key 1–256 characters
     * @return the entry, or empty if there is none (or it expired)
     * @throws LedgerException UNAVAILABLE if the store cannot be read
     */
    Optional<LedgerEntry> get(String namespace, String key) throws LedgerException;

    /**
     * @return every live entry of a namespace, ordered by key
     * @throws LedgerException UNAVAILABLE if the store cannot be read
     */
    List<LedgerEntry> entries(String namespace) throws LedgerException;

    /**
     * Writes an entry whatever it held before.
     *
     * @param value the value, at most {@link #MAX_VALUE_BYTES}
     * @param expiresAt when the entry may be deleted, or {@code null} for never
     * @return the entry as stored (its new version)
     * @throws LedgerException FULL, TOO_LARGE or UNAVAILABLE
     */
    LedgerEntry put(String namespace, String key, byte[] value, Instant expiresAt) throws LedgerException;

    /**
     * Writes an entry only if its version is still {@code expectedVersion} ({@code 0}: only if there is
     * none), atomically.
     *
     * @return the entry as stored, or empty if the version did not match (read it again and retry)
     * @throws LedgerException FULL, TOO_LARGE or UNAVAILABLE
     */
    Optional<LedgerEntry> compareAndSet(String namespace, String key, long expectedVersion, byte[] value, Instant expiresAt)
            throws LedgerException;

    /**
     * @return whether there was an entry to delete
     * @throws LedgerException UNAVAILABLE
     */
    boolean remove(String namespace, String key) throws LedgerException;
}
