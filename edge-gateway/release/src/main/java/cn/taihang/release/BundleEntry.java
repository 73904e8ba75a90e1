package cn.taihang.release;

import java.util.regex.Pattern;

/**
 * One bundle of a release, named by its content.
 *
 * @param symbolicName the bundle's symbolic name, e.g. {@code cn.taihang.store}
 * @param version the bundle's version, e.g. {@code 0.1.0.SNAPSHOT}
 * @param sha256 SHA-256 of the jar's bytes, 64 lower-case hex digits; what the gateway fetches and checks it by
 * @param size the jar's length in bytes
 */
public record BundleEntry(String symbolicName, String version, String sha256, long size) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    /** Largest bundle a release may hold. */
    public static final long MAX_SIZE = 64L << 20;

    /** Validates at the boundary. @throws IllegalArgumentException naming the bad field */
    public BundleEntry {
        if (symbolicName == null || !NAME.matcher(symbolicName).matches()) {
            throw new IllegalArgumentException("a bundle's symbolic name is 1-128 of [A-Za-z0-9_.-], was " + symbolicName);
        }
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("bundle " + symbolicName + ": version must be 1-64 of [A-Za-z0-9_.-], was " + version);
        }
        if (!isSha256(sha256)) {
            throw new IllegalArgumentException("bundle " + symbolicName + ": sha256 must be 64 lower-case hex digits, was " + sha256);
        }
        if (size <= 0 || size > MAX_SIZE) {
            throw new IllegalArgumentException("bundle " + symbolicName + ": size must be 1-" + MAX_SIZE + " bytes, was " + size);
        }
    }

    /** @return whether {@code text} is a SHA-256 as releases write it (64 lower-case hex digits) */
    public static boolean isSha256(String text) {
        return text != null && SHA256.matcher(text).matches();
    }

    /** @return the file name a slot keeps it under, {@code <symbolicName>-<version>.jar} */
    public String fileName() {
        return symbolicName + "-" + version + ".jar";
    }
}
