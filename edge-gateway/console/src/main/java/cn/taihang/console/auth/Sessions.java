package cn.taihang.console.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Console sessions, in memory: random 256-bit ids, a CSRF token each (synchronizer token), an idle
 * timeout and an absolute one. Anonymous sessions carry the CSRF token of the login and setup forms;
 * logging in always starts a new session (no fixation). A restart logs everyone out.
 */
public final class Sessions {

    /** One session; the user is {@code null} while anonymous. */
    public static final class Session {
        private final String id;
        private final String csrfToken;
        private final String user;
        private final Role role;
        private final long createdMillis;
        private volatile long lastSeenMillis;
        private volatile String flash;

        Session(String id, String csrfToken, String user, Role role, long now) {
            this.id = id;
            this.csrfToken = csrfToken;
            this.user = user;
            this.role = role;
            this.createdMillis = now;
            this.lastSeenMillis = now;
        }

        /** @return the id carried by the session cookie */
        public String id() {
            return id;
        }

        /** @return the token every form and POST of this session must carry */
        public String csrfToken() {
            return csrfToken;
        }

        /** @return the account's name, or {@code null} when anonymous */
        public String user() {
            return user;
        }

        /** @return the account's role, or {@code null} when anonymous */
        public Role role() {
            return role;
        }

        /** @return whether someone logged in */
        public boolean authenticated() {
            return user != null;
        }

        /** @return whether the token matches this session's, in constant time */
        public boolean csrfMatches(String token) {
            return token != null && MessageDigest.isEqual(csrfToken.getBytes(StandardCharsets.US_ASCII),
                    token.getBytes(StandardCharsets.US_ASCII));
        }

        /** Leaves a one-time message (a message key) for the next page. */
        public void flash(String messageKey) {
            flash = messageKey;
        }

        /** @return the message left for this page, once, or {@code null} */
        public String takeFlash() {
            String f = flash;
            flash = null;
            return f;
        }
    }

    private static final int MAX_ANONYMOUS = 1000;
    private static final long ANONYMOUS_IDLE_MILLIS = 30 * 60_000L;

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final long idleMillis;
    private final long maxMillis;
    private final LongSupplier clock;
    private final SecureRandom random;

    /**
     * @param idleMillis a logged-in session ends after this long without a request
     * @param maxMillis and in any case this long after the login
     * @param clock wall clock in epoch milliseconds
     * @param random source of ids and tokens
     */
    public Sessions(long idleMillis, long maxMillis, LongSupplier clock, SecureRandom random) {
        this.idleMillis = idleMillis;
        this.maxMillis = maxMillis;
        this.clock = clock;
        this.random = random;
    }

    /** @return a new anonymous session, for the login and setup forms */
    public Session anonymous() {
        purgeAnonymousBeyond(MAX_ANONYMOUS - 1);
        return put(null, null);
    }

    /** Starts a logged-in session; the anonymous one it came from, if any, ends. */
    public Session login(String user, Role role, String previousId) {
        if (previousId != null) {
            sessions.remove(previousId);
        }
        return put(Account.requireValidUser(user), role);
    }

    /** @return the live session with this id, refreshed, or empty if unknown or expired */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = sessions.get(id);
        if (s == null) {
            return Optional.empty();
        }
        long now = clock.getAsLong();
        if (expired(s, now)) {
            sessions.remove(id, s);
            return Optional.empty();
        }
        s.lastSeenMillis = now;
        return Optional.of(s);
    }

    /** Ends one session. */
    public void end(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** Ends every session of an account (its password, role or existence changed). */
    public void endAll(String user) {
        sessions.values().removeIf(s -> user.equals(s.user));
    }

    /** @return how many sessions are live now */
    public int live() {
        long now = clock.getAsLong();
        sessions.values().removeIf(s -> expired(s, now));
        return sessions.size();
    }

    private boolean expired(Session s, long now) {
        if (s.user == null) {
            return now - s.lastSeenMillis > ANONYMOUS_IDLE_MILLIS;
        }
        return now - s.lastSeenMillis > idleMillis || now - s.createdMillis > maxMillis;
    }

    private Session put(String user, Role role) {
        Session s = new Session(token(), token(), user, role, clock.getAsLong());
        sessions.put(s.id, s);
        return s;
    }

    private void purgeAnonymousBeyond(int keep) {
        long now = clock.getAsLong();
        sessions.values().removeIf(s -> expired(s, now));
        long anonymous = sessions.values().stream().filter(s -> s.user == null).count();
        if (anonymous > keep) {
            sessions.values().stream().filter(s -> s.user == null).sorted(Comparator.comparingLong(s -> s.lastSeenMillis))
                    .limit(anonymous - keep).map(s -> s.id).toList().forEach(sessions::remove);
        }
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
