package cn.taihang.updater.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the updater (PID {@code cn.taihang.updater}). The defaults live here and only here. Installer-only:
 * the remote configuration refuses to change it, so a configuration push can never swap the pinned release key.
 */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", id = UpdaterConfig.PID, name = "%updater.name", description = "%updater.description")
public @interface UpdaterConfig {

    /** Configuration PID. */
    String PID = "cn.taihang.updater";

    @AttributeDefinition(name = "%updater.releaseServer.name", description = "%updater.releaseServer.description")
    String releaseServer();

    @AttributeDefinition(name = "%updater.releaseKeyFile.name", description = "%updater.releaseKeyFile.description")
    String releaseKeyFile() default "/etc/taihang/release-keys.pub";

    @AttributeDefinition(name = "%updater.identityDir.name", required = false, description = "%updater.identityDir.description")
    String identityDir() default "";

    @AttributeDefinition(name = "%updater.tokenFile.name", required = false, description = "%updater.tokenFile.description")
    String tokenFile() default "";

    /** Shortest trial. */
    int HEALTH_TIMEOUT_SECONDS_MIN = 10;
    /** Longest trial. */
    int HEALTH_TIMEOUT_SECONDS_MAX = 3600;

    @AttributeDefinition(name = "%updater.healthTimeoutSeconds.name", description = "%updater.healthTimeoutSeconds.description",
            min = "" + HEALTH_TIMEOUT_SECONDS_MIN, max = "" + HEALTH_TIMEOUT_SECONDS_MAX)
    int healthTimeoutSeconds() default 120;

    /** Shortest read timeout, s. */
    int READ_TIMEOUT_SECONDS_MIN = 1;
    /** Longest read timeout, s. */
    int READ_TIMEOUT_SECONDS_MAX = 600;

    @AttributeDefinition(name = "%updater.readTimeoutSeconds.name", min = "" + READ_TIMEOUT_SECONDS_MIN, max = "" + READ_TIMEOUT_SECONDS_MAX)
    int readTimeoutSeconds() default 30;

    /** Fewest download attempts per bundle. */
    int DOWNLOAD_ATTEMPTS_MIN = 1;
    /** Most download attempts per bundle. */
    int DOWNLOAD_ATTEMPTS_MAX = 100;

    @AttributeDefinition(name = "%updater.downloadAttempts.name", description = "%updater.downloadAttempts.description",
            min = "" + DOWNLOAD_ATTEMPTS_MIN, max = "" + DOWNLOAD_ATTEMPTS_MAX)
    int downloadAttempts() default 8;

    /** Shortest pause before a resumed download, ms. */
    long RETRY_MILLIS_MIN = 0;
    /** Longest pause before a resumed download, ms. */
    long RETRY_MILLIS_MAX = 600_000;

    @AttributeDefinition(name = "%updater.retryMillis.name", description = "%updater.retryMillis.description", min = "" + RETRY_MILLIS_MIN,
            max = "" + RETRY_MILLIS_MAX)
    long retryMillis() default 2000;
}
