package cn.taihang.slots;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** The files of one slot: its bundles, their index by content, durable writes. */
final class SlotFiles {

    /** The index of a slot's bundles: one {@code <sha256> <file name>} per line. */
    static final String INDEX = "bundles.sha256";

    private SlotFiles() {
    }

    /** @return the content hash of a file, 64 lower-case hex digits */
    static String contentHash(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Writes a small file and forces it to disk. */
    static void writeDurably(Path file, byte[] content) throws IOException {
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(content);
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(true);
        }
    }

    /** @return a slot's index, hash → file, or the hashes of its jars computed now if it has no index (the factory) */
    static Map<String, Path> index(Path slotDir, Path bundlesDir) throws IOException {
        Map<String, Path> held = new LinkedHashMap<>();
        Path index = slotDir.resolve(INDEX);
        if (Files.exists(index)) {
            for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
                String[] parts = line.strip().split(" ", 2);
                if (parts.length == 2) {
                    held.put(parts[0], bundlesDir.resolve(parts[1]));
                }
            }
            return held;
        }
        try (Stream<Path> files = Files.list(bundlesDir)) {
            for (Path jar : files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                held.put(contentHash(jar), jar);
            }
        }
        return held;
    }

    /** @return whether a bundles directory can be booted: it has the launcher's properties and at least one jar */
    static boolean bootable(Path bundlesDir) {
        if (!Files.isRegularFile(bundlesDir.resolve("framework.properties"))) {
            return false;
        }
        try (Stream<Path> files = Files.list(bundlesDir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".jar"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Deletes a directory tree if it exists. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
