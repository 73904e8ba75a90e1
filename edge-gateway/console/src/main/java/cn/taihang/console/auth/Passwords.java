package cn.taihang.console.auth;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * Password hashing with bcrypt, by BouncyCastle's {@link OpenBSDBCrypt}: the same {@code $2y$} format as
 * {@code htpasswd -B}, so an installer can make the first admin's hash with standard tools. bcrypt reads
 * only 72 bytes, so longer passwords are refused when set and never match.
 */
public final class Passwords {

    /** bcrypt reads at most 72 bytes of a password. */
    public static final int MAX_BYTES = 72;
    /** Shortest password accepted. */
    public static final int MIN_LENGTH = 10;

    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$(0[4-9]|[12][0-9]|3[01])\\$[./A-Za-z0-9]{53}");

    private final int cost;
    private final SecureRandom random;
    private volatile String dummyHash;

    /**
     * @param cost bcrypt cost (log2 of the rounds), 4-31
     * @param random source of salts
     */
    public Passwords(int cost, SecureRandom random) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("bcrypt cost must be 4-31, was " + cost);
        }
        this.cost = cost;
        this.random = random;
    }

    /** @return a new bcrypt hash of the password with a fresh salt */
    public String hash(char[] password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return OpenBSDBCrypt.generate("2y", password, salt, cost);
    }

    /**
     * Checks a password against a hash; with a {@code null} hash (no such account) it still spends the
     * time of one check, so that answers do not tell which accounts exist.
     */
    public boolean matches(char[] password, String hash) {
        try {
            if (hash == null || !isBcryptHash(hash) || utf8Length(password) > MAX_BYTES) {
                OpenBSDBCrypt.checkPassword(dummyHash(), password);
                return false;
            }
            return OpenBSDBCrypt.checkPassword(hash, password);
        } catch (IllegalArgumentException tooLongOrMalformed) {
            return false;
        }
    }

    private static int utf8Length(char[] password) {
        return StandardCharsets.UTF_8.encode(CharBuffer.wrap(password)).remaining();
    }

    private String dummyHash() {
        String d = dummyHash;
        if (d == null) {
            d = hash("not-a-password".toCharArray());
            dummyHash = d;
        }
        return d;
    }

    /** @return whether the text is a bcrypt hash this class can check */
    public static boolean isBcryptHash(String text) {
        return text != null && BCRYPT.matcher(text).matches();
    }

    /**
     * @param user the account's name
     * @param password the proposed password
     * @return {@code null} if acceptable, else the message key of the reason
     */
    public static String weakness(String user, char[] password) {
        if (password.length < MIN_LENGTH) {
            return "password.tooShort";
        }
        if (utf8Length(password) > MAX_BYTES) {
            return "password.tooLong";
        }
        if (String.valueOf(password).equalsIgnoreCase(user)) {
            return "password.isUserName";
        }
        return null;
    }
}
