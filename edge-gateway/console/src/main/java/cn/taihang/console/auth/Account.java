package cn.taihang.console.auth;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A local console account.
 *
 * @param user login name: 1-32 of a-z, 0-9, '.', '_' and '-', starting with a letter
 * @param role what it may do
 * @param passwordHash bcrypt hash of its password ({@link Passwords})
 */
public record Account(String user, Role role, String passwordHash) {

    private static final Pattern USER = Pattern.compile("[a-z][a-z0-9._-]{0,31}");

    /** Validates at the boundary. @throws IllegalArgumentException on a bad name or hash */
    public Account {
        requireValidUser(user);
        Objects.requireNonNull(role, "role");
        if (!Passwords.isBcryptHash(passwordHash)) {
            throw new IllegalArgumentException("the password hash of " + user + " is not a bcrypt hash ($2a$/$2b$/$2y$, cost 4-31)");
        }
    }

    /** @return a copy with another role */
    public Account withRole(Role newRole) {
        return new Account(user, newRole, passwordHash);
    }

    /** @return a copy with another password hash */
    public Account withPasswordHash(String newHash) {
        return new Account(user, role, newHash);
    }

    /**
     * @param user a proposed login name
     * @return the name
     * @throws IllegalArgumentException if it is not 1-32 of a-z, 0-9, '.', '_', '-' starting with a letter
     */
    public static String requireValidUser(String user) {
        if (user == null || !USER.matcher(user).matches()) {
            throw new IllegalArgumentException("user names are 1-32 of a-z, 0-9, '.', '_' and '-', starting with a letter");
        }
        return user;
    }
}
