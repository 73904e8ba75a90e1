package cn.taihang.updater.internal;

import cn.taihang.gateway.api.config.Ranges;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The updater's settings, validated at the boundary.
 *
 * @param releaseServer the bridge's HTTP(S) base URL, e.g. {@code https://bridge.taihang.example:8443}
 * @param releaseKeyFile the pinned release public keys, one hex key per line
 * @param identityDir the gateway's identity files for HTTPS (client certificate, city CA), or {@code null} for the JVM's
 *     trust store
 * @param tokenFile the file holding the gateway's bearer token (scope {@code fleet:gateway}) for the bridge's HTTPS API,
 *     or {@code null} to send none (a bridge of the city answers 401 then); only ever sent over {@code https}
 * @param healthTimeout how long a release may stay on trial before it is rolled back
 * @param readTimeout how long a download may stall
 * @param downloadAttempts how often a bundle's download is resumed before the update fails (and waits for the next try)
 * @param retryPause the pause before a resumed download
 */
record UpdaterSettings(URI releaseServer, Path releaseKeyFile, Path identityDir, Path tokenFile, Duration healthTimeout, Duration readTimeout,
                       int downloadAttempts, Duration retryPause) {

    private static final String OF = UpdaterConfig.PID + "/";

    /** Validates. @throws IllegalArgumentException with what to fix */
    UpdaterSettings {
        String scheme = releaseServer == null ? null : releaseServer.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || releaseServer.getHost() == null) {
            throw new IllegalArgumentException(OF + "releaseServer must be an http:// or https:// URL of the bridge, was " + releaseServer);
        }
        if (tokenFile != null && !"https".equals(scheme)) {
            throw new IllegalArgumentException(OF + "tokenFile is set but releaseServer is " + releaseServer + ": the token is only sent over https://");
        }
        Ranges.require(OF + "healthTimeoutSeconds", healthTimeout.toSeconds(), UpdaterConfig.HEALTH_TIMEOUT_SECONDS_MIN, UpdaterConfig.HEALTH_TIMEOUT_SECONDS_MAX);
        Ranges.require(OF + "readTimeoutSeconds", readTimeout.toSeconds(), UpdaterConfig.READ_TIMEOUT_SECONDS_MIN, UpdaterConfig.READ_TIMEOUT_SECONDS_MAX);
        Ranges.require(OF + "downloadAttempts", downloadAttempts, UpdaterConfig.DOWNLOAD_ATTEMPTS_MIN, UpdaterConfig.DOWNLOAD_ATTEMPTS_MAX);
        Ranges.require(OF + "retryMillis", retryPause.toMillis(), UpdaterConfig.RETRY_MILLIS_MIN, UpdaterConfig.RETRY_MILLIS_MAX);
    }

    static UpdaterSettings from(UpdaterConfig config) {
        URI server;
        try {
            server = new URI(config.releaseServer().replaceAll("/+$", ""));
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException(OF + "releaseServer is not a URL: " + config.releaseServer(), e);
        }
        return new UpdaterSettings(server, Path.of(config.releaseKeyFile()), config.identityDir().isBlank() ? null : Path.of(config.identityDir()),
                config.tokenFile().isBlank() ? null : Path.of(config.tokenFile()),
                Duration.ofSeconds(config.healthTimeoutSeconds()), Duration.ofSeconds(config.readTimeoutSeconds()), config.downloadAttempts(),
                Duration.ofMillis(config.retryMillis()));
    }
}
