package cn.taihang.console.auth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Slows down password guessing: a rate limit per client address (token bucket) and a lockout per user name
 * <em>and</em> client address after consecutive wrong passwords — a stranger hammering {@code admin} from one address
 * locks only that address out of {@code admin}, never the admin at another one, while the address's rate limit caps
 * what the stranger tries across names. Names that are not accounts are tracked the same way, so the answers do not
 * tell which accounts exist. An address over its rate is held for a whole token period (the {@code Retry-After} it is
 * told), right password or not. Thread-safe; the tables are bounded.
 */
public final class LoginThrottle {

    /** What a login attempt may do. */
    public sealed interface Verdict {
        /** Go ahead and check the password. */
        record Allowed() implements Verdict {}
        /** Too many attempts from this address; try again after {@code retryAfterSeconds}. */
        record RateLimited(long retryAfterSeconds) implements Verdict {}
        /** The user name is locked for this address until {@code untilMillis} (epoch ms). */
        record Locked(long untilMillis) implements Verdict {}
    }

    private static final int MAX_TRACKED = 4096;

    private final int maxFailures;
    private final long lockoutMillis;
    private final int attemptsPerMinute;
    private final LongSupplier clock;
    private final Map<Key, Failures> failures = lru();
    private final Map<String, Bucket> buckets = lru();

    /**
     * @param maxFailures consecutive wrong passwords that lock a user name
     * @param lockoutMillis how long the lock lasts
     * @param attemptsPerMinute login attempts allowed per client address and minute (burst of the same size)
     * @param clock wall clock in epoch milliseconds
     */
    public LoginThrottle(int maxFailures, long lockoutMillis, int attemptsPerMinute, LongSupplier clock) {
        if (maxFailures < 1 || lockoutMillis < 1 || attemptsPerMinute < 1) {
            throw new IllegalArgumentException("login limits must be positive");
        }
        this.maxFailures = maxFailures;
        this.lockoutMillis = lockoutMillis;
        this.attemptsPerMinute = attemptsPerMinute;
        this.clock = clock;
    }

    /** Asks before checking a password; counts the attempt against the address. */
    public synchronized Verdict attempt(String address, String user) {
        long now = clock.getAsLong();
        Failures f = failures.get(key(address, user));
        if (f != null && f.lockedUntil > now) {
            return new Verdict.Locked(f.lockedUntil);
        }
        Bucket bucket = buckets.computeIfAbsent(address, a -> new Bucket(attemptsPerMinute, now));
        bucket.refill(now, attemptsPerMinute);
        if (bucket.heldUntil <= now && bucket.tokens < 1) {
            bucket.heldUntil = now + 60_000L / attemptsPerMinute;
        }
        if (bucket.heldUntil > now) {
            return new Verdict.RateLimited(Math.max(1, (bucket.heldUntil - now + 999) / 1000));
        }
        bucket.tokens -= 1;
        return new Verdict.Allowed();
    }

    /**
     * Records a wrong password for a name from an address.
     *
     * @return the lock's end (epoch ms) if this failure locked the name for that address, else 0
     */
    public synchronized long failed(String address, String user) {
        long now = clock.getAsLong();
        Failures f = failures.computeIfAbsent(key(address, user), u -> new Failures());
        if (f.lockedUntil != 0 && f.lockedUntil <= now) {
            f.count = 0;
            f.lockedUntil = 0;
        }
        f.count++;
        if (f.count >= maxFailures) {
            f.lockedUntil = now + lockoutMillis;
            return f.lockedUntil;
        }
        return 0;
    }

    /** Records a successful login: the name's failures from that address are forgotten (other addresses' stay). */
    public synchronized void succeeded(String address, String user) {
        failures.remove(key(address, user));
    }

    /** Lifts every lock of a name, from every address (an admin's decision). */
    public synchronized void unlock(String user) {
        failures.keySet().removeIf(k -> k.user().equals(user));
    }

    /** @return the latest end (epoch ms) of the name's locks now in force, from any address, else 0 */
    public synchronized long lockedUntil(String user) {
        long now = clock.getAsLong();
        return failures.entrySet().stream().filter(e -> e.getKey().user().equals(user) && e.getValue().lockedUntil > now)
                .mapToLong(e -> e.getValue().lockedUntil).max().orElse(0);
    }

    /** @return how many addresses the name is locked for now */
    public synchronized int lockedAddresses(String user) {
        long now = clock.getAsLong();
        return (int) failures.entrySet().stream().filter(e -> e.getKey().user().equals(user) && e.getValue().lockedUntil > now).count();
    }

    private static Key key(String address, String user) {
        return new Key(user, address);
    }

    private record Key(String user, String address) {}

    private static <K, V> Map<K, V> lru() {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > MAX_TRACKED;
            }
        };
    }

    private static final class Failures {
        int count;
        long lockedUntil;
    }

    private static final class Bucket {
        double tokens;
        long refilledAt;
        /** Once over its rate, an address waits a whole token period, whatever fraction of a token has come back. */
        long heldUntil;

        Bucket(int capacity, long now) {
            tokens = capacity;
            refilledAt = now;
        }

        void refill(long now, int perMinute) {
            tokens = Math.min(perMinute, tokens + (now - refilledAt) * perMinute / 60_000.0);
            refilledAt = now;
        }
    }
}
