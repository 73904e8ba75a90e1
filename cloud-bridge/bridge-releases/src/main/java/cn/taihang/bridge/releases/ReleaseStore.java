package cn.taihang.bridge.releases;

import cn.taihang.bridge.module.ServiceException;
import cn.taihang.bridge.module.Storage;
import cn.taihang.release.BundleEntry;
import cn.taihang.release.ConfigSchema;
import cn.taihang.release.ReleaseCodec;
import cn.taihang.release.ReleaseException;
import cn.taihang.release.ReleaseManifest;
import cn.taihang.release.SignedManifest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Releases and their bundles at the bridge: bundles as files named by their SHA-256 in {@code <data>/releases/bundles}
 * (written to a temporary file, forced, renamed: a bundle file is complete or absent), listed in {@code fleet_bundles};
 * releases in {@code fleet_releases} with their signed manifest exactly as uploaded, so gateways verify the very bytes
 * that were signed. An upload of a version holds that version's lock, so two bridge instances taking the same release
 * at once store it once.
 */
final class ReleaseStore {

    private final Vertx vertx;
    private final Storage storage;
    private final Pool writer;
    private final Pool reader;
    private final Path blobs;
    private final ReleaseCodec codec = new ReleaseCodec();

    ReleaseStore(Vertx vertx, Storage storage, Path blobs) {
        this.vertx = vertx;
        this.storage = storage;
        this.writer = storage.writer();
        this.reader = storage.reader();
        this.blobs = blobs;
    }

    /** @return the file of a held bundle (it may not exist) */
    Path bundleFile(String sha256) {
        return blobs.resolve(sha256 + ".jar");
    }

    /**
     * Stores a bundle after checking that its content has the hash it is put under.
     *
     * @return whether it was new; fails INVALID (reason {@code hash-mismatch}) for other content
     */
    Future<Boolean> putBundle(String sha256, Buffer body) {
        return vertx.executeBlocking(() -> {
            String actual = sha256(body.getBytes());
            if (!actual.equals(sha256)) {
                throw ServiceException.invalid("the body's SHA-256 is " + actual + ", not the " + sha256 + " it is put under; upload the bundle's exact bytes")
                        .withReason("hash-mismatch");
            }
            Path target = bundleFile(sha256);
            if (Files.exists(target) && Files.size(target) == body.length()) {
                return false;
            }
            Files.createDirectories(blobs);
            Path temp = Files.createTempFile(blobs, sha256, ".tmp");
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(body.getBytes());
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
                out.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return true;
        }).compose(fresh -> writer.withTransaction(c -> c.preparedQuery("INSERT INTO fleet_bundles (sha256, size, uploaded) VALUES ($1, $2, $3) "
                + "ON CONFLICT (sha256) DO NOTHING").execute(Tuple.of(sha256, (long) body.length(), System.currentTimeMillis()))).map(r -> fresh));
    }

    /**
     * Takes a verified release: every bundle it names must be held with its size.
     *
     * @return the stored release; fails CONFLICT (reason {@code missing-bundles}, the message listing them) if some are
     *     not uploaded yet, CONFLICT (reason {@code exists}) if another release has this version
     */
    Future<StoredRelease> add(SignedManifest signed, ReleaseManifest manifest, Instant now) {
        List<String> missing = new ArrayList<>();
        for (BundleEntry b : manifest.bundles()) {
            Path file = bundleFile(b.sha256());
            try {
                if (!Files.exists(file) || Files.size(file) != b.size()) {
                    missing.add(b.sha256());
                }
            } catch (IOException e) {
                missing.add(b.sha256());
            }
        }
        if (!missing.isEmpty()) {
            return Future.failedFuture(ServiceException.conflict("release " + manifest.version() + " names " + missing.size() + " bundles the bridge "
                    + "does not hold: " + String.join(",", missing) + "; PUT each to /api/v1/releases/bundles/{sha256} first").withReason("missing-bundles"));
        }
        String envelope = new String(codec.envelope(signed), StandardCharsets.UTF_8);
        return writer.withTransaction(c -> storage.lock(c, "fleet:release:" + manifest.version())
                .compose(locked -> c.preparedQuery("SELECT envelope FROM fleet_releases WHERE version = $1").execute(Tuple.of(manifest.version())))
                .compose(rows -> {
                    if (rows.size() > 0) {
                        return rows.iterator().next().getString(0).equals(envelope) ? Future.succeededFuture()
                                : Future.failedFuture(ServiceException.conflict("another release " + manifest.version() + " is held; releases are never "
                                        + "replaced — build it with a new version").withReason("exists"));
                    }
                    List<Tuple> bundles = manifest.bundles().stream().map(b -> Tuple.of(manifest.version(), b.symbolicName(), b.version(), b.sha256(),
                            b.size())).toList();
                    return c.preparedQuery("INSERT INTO fleet_releases (version, key_id, boards, bundles, total_bytes, created, uploaded, notes, envelope) "
                            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)").execute(Tuple.from(Arrays.asList(manifest.version(),
                                    signed.keyId(), String.join(",", manifest.boards()), manifest.bundles().size(), manifest.totalBytes(),
                                    manifest.created().toEpochMilli(), now.toEpochMilli(), manifest.notes(), envelope)))
                            .compose(v -> c.preparedQuery("INSERT INTO fleet_release_bundles (version, symbolic_name, bundle_version, sha256, size) "
                                    + "VALUES ($1, $2, $3, $4, $5)").executeBatch(bundles)).mapEmpty();
                })).compose(v -> find(manifest.version()));
    }

    /** @return every release, newest upload first */
    Future<List<StoredRelease>> list() {
        return reader.preparedQuery("SELECT version FROM fleet_releases ORDER BY uploaded DESC, version").execute()
                .compose(rows -> {
                    List<Future<StoredRelease>> all = new ArrayList<>();
                    rows.forEach(r -> all.add(find(r.getString(0))));
                    return Future.all(all).map(f -> f.<StoredRelease>list());
                });
    }

    /** @return the release; fails NOT_FOUND */
    Future<StoredRelease> find(String version) {
        return reader.preparedQuery("SELECT version, key_id, boards, total_bytes, created, uploaded, notes FROM fleet_releases WHERE version = $1")
                .execute(Tuple.of(version)).compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.failedFuture(ServiceException.notFound("no release " + version + "; GET /api/v1/releases lists them"));
                    }
                    Row r = rows.iterator().next();
                    return reader.preparedQuery("SELECT symbolic_name, bundle_version, sha256, size FROM fleet_release_bundles WHERE version = $1 "
                            + "ORDER BY symbolic_name").execute(Tuple.of(version)).map(bundles -> new StoredRelease(r.getString(0), r.getString(1),
                            List.of(r.getString(2).split(",")), r.getLong(3), Instant.ofEpochMilli(r.getLong(4)), Instant.ofEpochMilli(r.getLong(5)),
                            r.getString(6), entries(bundles)));
                });
    }

    /** @return the signed manifest as uploaded; fails NOT_FOUND */
    Future<byte[]> envelope(String version) {
        return reader.preparedQuery("SELECT envelope FROM fleet_releases WHERE version = $1").execute(Tuple.of(version)).compose(rows -> rows.size() == 0
                ? Future.failedFuture(ServiceException.notFound("no release " + version))
                : Future.succeededFuture(rows.iterator().next().getString(0).getBytes(StandardCharsets.UTF_8)));
    }

    /** @return the configuration schema of a release; fails NOT_FOUND */
    Future<ConfigSchema> schema(String version) {
        return envelope(version).compose(bytes -> vertx.executeBlocking(() -> {
            try {
                return codec.decode(codec.openEnvelope(bytes).manifest()).configSchema();
            } catch (ReleaseException e) {
                throw new IllegalStateException("release " + version + " at the bridge no longer decodes: " + e.getMessage(), e);
            }
        }));
    }

    private static List<BundleEntry> entries(RowSet<Row> rows) {
        List<BundleEntry> entries = new ArrayList<>();
        rows.forEach(b -> entries.add(new BundleEntry(b.getString(0), b.getString(1), b.getString(2), b.getLong(3))));
        return entries;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
