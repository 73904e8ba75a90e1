package cn.taihang.slots;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One staging into the inactive slot, for {@link SlotManager}. Not thread-safe: one updater thread writes it. */
final class SlotStaging implements Staging {

    private final SlotManager manager;
    private final Path slotDir;
    private final Path bundles;
    private final String release;
    private final long token;
    private final Map<String, String> index = new LinkedHashMap<>();

    SlotStaging(SlotManager manager, Path slotDir, String release, long token) {
        this.manager = manager;
        this.slotDir = slotDir;
        this.bundles = slotDir.resolve("bundles");
        this.release = release;
        this.token = token;
    }

    @Override
    public Path slotDir() {
        return slotDir;
    }

    @Override
    public void add(String fileName, String sha256, long size, Path source) throws IOException {
        if (fileName.contains("/") || fileName.contains("\\") || !fileName.endsWith(".jar")) {
            throw new IOException("a slot's bundle is a plain .jar file name, not " + fileName);
        }
        Path target = bundles.resolve(fileName);
        Files.deleteIfExists(target);
        try {
            Files.createLink(target, source);
        } catch (UnsupportedOperationException | FileSystemException e) {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
        }
        if (Files.size(target) != size || !SlotFiles.contentHash(target).equals(sha256)) {
            Files.deleteIfExists(target);
            throw new IOException(source + " does not have the content " + sha256 + " (" + size + " bytes) it was staged as");
        }
        index.put(sha256, fileName);
    }

    @Override
    public void finish(byte[] releaseEnvelope, List<String> sharedApis) throws IOException, SlotException {
        SlotFiles.writeDurably(bundles.resolve("framework.properties"), ("# the launcher's jars release " + release
                + " was resolved against\nshared.bundles=" + String.join(",", sharedApis) + "\n").getBytes(StandardCharsets.UTF_8));
        SlotFiles.writeDurably(slotDir.resolve("release.json"), releaseEnvelope);
        StringBuilder lines = new StringBuilder();
        index.forEach((sha, name) -> lines.append(sha).append(' ').append(name).append('\n'));
        SlotFiles.writeDurably(slotDir.resolve(SlotFiles.INDEX), lines.toString().getBytes(StandardCharsets.UTF_8));
        SlotStateFile.forceDirectory(bundles);
        SlotStateFile.forceDirectory(slotDir);
        manager.staged(release, token);
    }
}
