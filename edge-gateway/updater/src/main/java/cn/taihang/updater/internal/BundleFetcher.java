package cn.taihang.updater.internal;

import cn.taihang.release.BundleEntry;
import cn.taihang.release.ReleaseException;
import cn.taihang.release.build.ReleaseBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads bundles into {@code <data>/downloads} by content: {@code <sha256>.part} while it grows (forced to disk as it
 * goes, so a power cut keeps what arrived), resumed with {@code Range: bytes=<have>-} on every new attempt, and renamed to
 * {@code <sha256>.jar} only once it has exactly the manifest's size and hash. A server that has fewer bytes than the
 * manifest names is a {@code TRUNCATED} release, content with another hash a {@code HASH_MISMATCH} (the part is
 * deleted); a connection lost midway is only a reason to resume.
 */
final class BundleFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(BundleFetcher.class);
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

    private final ReleaseServer server;
    private final Path dir;
    private final int attempts;
    private final long retryMillis;

    BundleFetcher(ReleaseServer server, Path dir, int attempts, long retryMillis) {
        this.server = server;
        this.dir = dir;
        this.attempts = attempts;
        this.retryMillis = retryMillis;
    }

    /** @return a completed, verified download of the bundle, if one is there from an earlier try */
    Path completed(BundleEntry bundle) {
        Path done = dir.resolve(bundle.sha256() + ".jar");
        return Files.exists(done) ? done : null;
    }

    /**
     * @param bytes counts the bytes received
     * @param cancelled whether to give up (a newer order, a cancel, the bundle stopping)
     * @return the verified file
     * @throws ReleaseException {@code TRUNCATED} or {@code HASH_MISMATCH}: the bridge's copy is bad
     * @throws IOException if the attempts ran out (temporary: the part stays for the next try)
     */
    Path fetch(BundleEntry bundle, AtomicLong bytes, BooleanSupplier cancelled) throws ReleaseException, IOException, InterruptedException {
        Path held = completed(bundle);
        if (held != null) {
            return held;
        }
        Path done = dir.resolve(bundle.sha256() + ".jar");
        Files.createDirectories(dir);
        Path part = dir.resolve(bundle.sha256() + ".part");
        IOException last = null;
        for (int attempt = 1; attempt <= attempts && size(part) < bundle.size(); attempt++) {
            if (cancelled.getAsBoolean()) {
                throw new InterruptedException("download of " + bundle.symbolicName() + " cancelled");
            }
            if (attempt > 1) {
                TimeUnit.MILLISECONDS.sleep(retryMillis);
            }
            try {
                receive(bundle, part, bytes, cancelled);
            } catch (IOException e) {
                last = e;
                LOG.info("download of {} stopped at {} of {} bytes (attempt {}/{}): {}", bundle.symbolicName(), size(part), bundle.size(), attempt,
                        attempts, e.getMessage());
            }
        }
        long have = size(part);
        if (have < bundle.size()) {
            throw new IOException("bundle " + bundle.symbolicName() + " is at " + have + " of " + bundle.size() + " bytes after " + attempts
                    + " attempts" + (last == null ? "" : ": " + last.getMessage()) + "; it resumes at the next try", last);
        }
        if (have > bundle.size() || !ReleaseBuilder.sha256(part).equals(bundle.sha256())) {
            Files.deleteIfExists(part);
            throw new ReleaseException(ReleaseException.Reason.HASH_MISMATCH, "bundle " + bundle.symbolicName() + " from the bridge does not have the SHA-256 "
                    + bundle.sha256() + " (" + bundle.size() + " bytes) the signed manifest names: its copy at the bridge is damaged or altered; upload it again");
        }
        Files.move(part, done, StandardCopyOption.ATOMIC_MOVE);
        return done;
    }

    private void receive(BundleEntry bundle, Path part, AtomicLong bytes, BooleanSupplier cancelled) throws IOException, ReleaseException, InterruptedException {
        long have = size(part);
        HttpResponse<InputStream> response = server.bundle(bundle.sha256(), have);
        try (InputStream body = response.body()) {
            boolean append = false;
            switch (response.statusCode()) {
                case 200 -> {
                    long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                    if (length >= 0 && length < bundle.size()) {
                        throw truncated(bundle, length);
                    }
                }
                case 206 -> {
                    Matcher range = CONTENT_RANGE.matcher(response.headers().firstValue("Content-Range").orElse(""));
                    if (!range.matches() || Long.parseLong(range.group(1)) != have) {
                        throw new IOException("the bridge answered a range that does not start at byte " + have);
                    }
                    if (!range.group(3).equals("*") && Long.parseLong(range.group(3)) < bundle.size()) {
                        throw truncated(bundle, Long.parseLong(range.group(3)));
                    }
                    append = true;
                }
                case 416 -> throw truncated(bundle, have);
                default -> throw new IOException("the bridge answered " + response.statusCode() + " for bundle " + bundle.symbolicName()
                        + (response.statusCode() == 404 ? " (it does not hold it)" : ""));
            }
            copy(body, part, append, bundle.size(), bytes, cancelled);
        }
    }

    private static void copy(InputStream body, Path part, boolean append, long size, AtomicLong bytes, BooleanSupplier cancelled)
            throws IOException, InterruptedException {
        try (FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] buffer = new byte[32 * 1024];
            long written = out.size();
            try {
                for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                    if (cancelled.getAsBoolean()) {
                        throw new InterruptedException("download cancelled");
                    }
                    out.write(ByteBuffer.wrap(buffer, 0, n));
                    bytes.addAndGet(n);
                    written += n;
                    if (written > size) {
                        break;
                    }
                }
            } finally {
                out.force(true);
            }
        }
    }

    private static ReleaseException truncated(BundleEntry bundle, long has) {
        return new ReleaseException(ReleaseException.Reason.TRUNCATED, "the bridge holds " + has + " bytes of bundle " + bundle.symbolicName() + ", the signed "
                + "manifest names " + bundle.size() + ": the upload was cut short; upload the bundle again");
    }

    private static long size(Path file) throws IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }
}
