package cn.taihang.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The content hash that tells a resent record from a different record under the same idempotency key: SHA-256 (the
 * JDK's) over the record's device, kind, time, priority class and body, each length-prefixed. The sequence number (the
 * key itself) and the {@code historical} flag (which changes when a record is resent after an outage) are left out,
 * so every resend of one record, also one salvaged from a damaged store, hashes alike.
 */
public final class RecordDigest {

    private RecordDigest() {
    }

    /** @return the digest as 64 lower-case hex digits */
    public static String of(RecordFrame frame) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
        field(sha, frame.device().getBytes(StandardCharsets.UTF_8));
        field(sha, frame.kind().getBytes(StandardCharsets.UTF_8));
        sha.update(ByteBuffer.allocate(12).putLong(frame.timeMillis()).putInt(frame.priority()).array());
        field(sha, frame.body());
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void field(MessageDigest sha, byte[] bytes) {
        sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        sha.update(bytes);
    }
}
