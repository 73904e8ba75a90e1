package cn.taihang.bridge.module;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A holder's capability for one order or reservation: 32 random bytes (base64url, 43 characters) handed out once,
 * when the resource is made, and kept by the bridge only as its SHA-256 (a token this long needs no slow hash: it
 * cannot be guessed, only stolen). Whoever presents it ({@value Access#HOLDER_HEADER} header) is the holder.
 *
 * @param token what the holder is given; never stored or logged
 * @param hash what the bridge stores: lower-case hex SHA-256 of the token's text
 */
public record HolderToken(String token, String hash) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{43}");

    /** @return a new capability */
    public static HolderToken issue(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new HolderToken(token, hash(token));
    }

    /** @return the stored form of a presented token */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /**
     * @param presented what the caller sent, or {@code null}
     * @param storedHash the resource's stored hash, or {@code null} if it has no holder token
     * @return whether the caller holds the resource; compares in constant time
     */
    public static boolean matches(String presented, String storedHash) {
        if (presented == null || storedHash == null || !FORM.matcher(presented).matches()) {
            return false;
        }
        return MessageDigest.isEqual(hash(presented).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "HolderToken[hash=" + hash + "]";
    }
}
