package cn.taihang.validator.internal;

import cn.taihang.gateway.api.LedgerEntry;
import cn.taihang.gateway.api.LedgerException;
import cn.taihang.gateway.api.LocalLedger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A LocalLedger in memory (our own port), which can be told to fail. */
final class MemoryLedger implements LocalLedger {

    private final Map<String, LedgerEntry> entries = new TreeMap<>();
    private volatile LedgerException failure;
    int writes;

    void fail(LedgerException e) {
        failure = e;
    }

    private void check() throws LedgerException {
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public synchronized Optional<LedgerEntry> get(String namespace, String key) throws LedgerException {
        check();
        return Optional.ofNullable(entries.get(namespace + "\n" + key));
    }

    @Override
    public synchronized List<LedgerEntry> entries(String namespace) throws LedgerException {
        check();
        return entries.values().stream().filter(e -> e.namespace().equals(namespace)).toList();
    }

    @Override
    public synchronized LedgerEntry put(String namespace, String key, byte[] value, Instant expiresAt) throws LedgerException {
        check();
        LedgerEntry old = entries.get(namespace + "\n" + key);
        LedgerEntry entry = new LedgerEntry(namespace, key, value, old == null ? 1 : old.version() + 1, Instant.now(), expiresAt);
        entries.put(namespace + "\n" + key, entry);
        writes++;
        return entry;
    }

    @Override
    public synchronized Optional<LedgerEntry> compareAndSet(String namespace, String key, long expectedVersion, byte[] value, Instant expiresAt)
            throws LedgerException {
        check();
        LedgerEntry old = entries.get(namespace + "\n" + key);
        if ((old == null ? 0 : old.version()) != expectedVersion) {
            return Optional.empty();
        }
        return Optional.of(put(namespace, key, value, expiresAt));
    }

    @Override
    public synchronized boolean remove(String namespace, String key) throws LedgerException {
        check();
        return entries.remove(namespace + "\n" + key) != null;
    }
}
