package cn.taihang.identity.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Files with the right permissions from the moment they exist: private files are created owner-only (never
 * chmod-ed afterwards, so there is no window in which others could open them) and never overwritten; public
 * files are replaced atomically (write beside, fsync, rename). On a file system without POSIX permissions the
 * files are made with the platform's defaults.
 */
public final class FileModes {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> PUBLIC = PosixFilePermissions.fromString("rw-r--r--");

    /** How a private file is protected. */
    public enum Exposure { OWNER_ONLY, GROUP_READABLE, WORLD_READABLE, NOT_POSIX }

    private FileModes() {
    }

    /**
     * Creates a file only its owner can read and write, with this content, flushed to the device.
     *
     * @throws FileAlreadyExistsException if the file exists (it is left as it was)
     */
    public static void createPrivate(Path file, byte[] content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            createPrivateDirectories(parent);
        }
        write(file, content, OWNER_ONLY, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
    }

    /** Replaces (or creates) a file everyone may read, atomically: readers see the old or the new content, never a part. */
    public static void replacePublic(Path file, byte[] content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            createPrivateDirectories(parent);
        }
        Path temp = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            write(temp, content, PUBLIC, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Creates a directory (and missing parents) that only its owner may enter; an existing one is left as it is. */
    public static void createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir);
        }
    }

    /** @return who besides the owner may read the file */
    public static Exposure exposure(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return Exposure.NOT_POSIX;
        }
        Set<PosixFilePermission> permissions = view.readAttributes().permissions();
        if (permissions.contains(PosixFilePermission.OTHERS_READ)) {
            return Exposure.WORLD_READABLE;
        }
        return permissions.contains(PosixFilePermission.GROUP_READ) ? Exposure.GROUP_READABLE : Exposure.OWNER_ONLY;
    }

    private static void write(Path file, byte[] content, Set<PosixFilePermission> permissions, Set<StandardOpenOption> options)
            throws IOException {
        FileAttribute<?>[] attributes = Files.getFileStore(file.toAbsolutePath().getParent()).supportsFileAttributeView(PosixFileAttributeView.class)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)} : new FileAttribute<?>[0];
        try (FileChannel channel = FileChannel.open(file, options, attributes)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }
}
