package cn.taihang.coap.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the secret that seals the stored sensor keys lives: never beside the file it seals. By default the gateway's
 * identity directory ({@value #FILE_NAME}); a configured file inside the data directory is refused. A secret left at the
 * old default inside the data directory ({@code <data>/secrets/sealing.key}) is moved to the identity directory once.
 */
final class SealingSecret {

    /** The default secret's file name in the identity directory. */
    static final String FILE_NAME = "sensor-keys.secret";
    private static final Logger LOG = LoggerFactory.getLogger(SealingSecret.class);

    private SealingSecret() {
    }

    /**
     * @param configured {@code sealingSecretFile}, empty or {@code null} for the default
     * @return the secret file to read (or to create, for the default)
     * @throws IOException if the configured file is inside the data directory, or the old default cannot be moved
     */
    static Path locate(String configured, Path dataDir, Path identityDir) throws IOException {
        Path data = dataDir.toAbsolutePath().normalize();
        if (configured != null && !configured.isBlank()) {
            Path file = Path.of(configured).toAbsolutePath().normalize();
            if (file.startsWith(data)) {
                throw new IOException("the sealing secret " + file + " (" + CoapServerConfig.PID + "/sealingSecretFile) is inside the data directory "
                        + data + ", beside the sensor keys it seals; put it elsewhere (e.g. the identity directory " + identityDir + ")");
            }
            return file;
        }
        Path file = identityDir.toAbsolutePath().normalize().resolve(FILE_NAME);
        if (file.startsWith(data)) {
            throw new IOException("the identity directory " + identityDir + " is inside the data directory " + data
                    + "; the sealing secret must not sit beside the sensor keys it seals (cn.taihang.gateway/identityDir)");
        }
        Path legacy = data.resolve("secrets").resolve("sealing.key");
        if (!Files.exists(file) && Files.exists(legacy)) {
            Files.createDirectories(file.getParent());
            Files.move(legacy, file, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("moved the sensor-key sealing secret from {} to {}, apart from the data directory", legacy, file);
        }
        return file;
    }
}
