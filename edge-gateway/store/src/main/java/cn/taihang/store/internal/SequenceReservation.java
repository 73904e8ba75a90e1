package cn.taihang.store.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable upper bound of the sequence numbers a store has issued, kept in a small file beside the database
 * ({@code <file>.seq}) that survives when a damaged database is moved aside. The store reserves numbers in blocks:
 * before committing a sequence number above the reservation it writes a new one (fsync, atomic rename), about once
 * per million records. A fresh store seeds its sequence above the reservation, so even with a clock that went back
 * (a Raspberry Pi has no RTC) it cannot reissue a (gateway id, seq) the bridge already recorded and would drop as a
 * duplicate. Used on the writer thread only.
 */
final class SequenceReservation {

    /** Sequence numbers reserved at a time. */
    static final long BLOCK = 1_000_000;

    private static final Logger LOG = LoggerFactory.getLogger(SequenceReservation.class);

    private final Path file;
    private long reserved;
    private boolean failureLogged;

    private SequenceReservation(Path file, long reserved) {
        this.file = file;
        this.reserved = reserved;
    }

    /** @return the reservation file of a database file */
    static Path fileOf(Path database) {
        return database.resolveSibling(database.getFileName() + ".seq");
    }

    /** Reads the reservation; a missing or unreadable file counts as none (0). */
    static SequenceReservation read(Path database) {
        Path file = fileOf(database);
        long value = 0;
        try {
            if (Files.exists(file)) {
                value = Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim());
            }
        } catch (IOException | NumberFormatException e) {
            LOG.warn("The sequence reservation {} cannot be read ({}); a fresh store falls back to the clock", file, e.toString());
        }
        return new SequenceReservation(file, Math.max(0, value));
    }

    /** @return every sequence number ever issued is at most this (0 if unknown) */
    long reserved() {
        return reserved;
    }

    /**
     * Makes sure {@code lastSeq} is covered, writing a new reservation durably if it is not. A failure to write is
     * logged (once) and does not stop the commit: the records matter more than the protection.
     */
    void cover(long lastSeq) {
        if (lastSeq <= reserved) {
            return;
        }
        long next = lastSeq + BLOCK;
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(ByteBuffer.wrap((next + "\n").getBytes(StandardCharsets.US_ASCII)));
                ch.force(true);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(file.getParent());
            reserved = next;
            failureLogged = false;
        } catch (IOException e) {
            if (!failureLogged) {
                failureLogged = true;
                LOG.warn("The sequence reservation {} cannot be written ({}); records are still stored, but a store replaced after "
                        + "damage would seed its sequence from the clock only. Check the storage.", file, e.toString());
            }
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // not every file system lets a directory be opened for fsync; the rename is then as durable as it gets
        }
    }
}
