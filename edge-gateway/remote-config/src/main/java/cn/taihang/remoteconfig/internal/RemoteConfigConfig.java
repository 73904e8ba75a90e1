package cn.taihang.remoteconfig.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the remote configuration (PID {@code cn.taihang.remoteconfig}). The defaults live here and only here.
 * Installer-only: a push never changes it, nor the PIDs it names as protected.
 */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", id = RemoteConfigConfig.PID, name = "%remoteconfig.name",
        description = "%remoteconfig.description")
public @interface RemoteConfigConfig {

    /** Configuration PID. */
    String PID = "cn.taihang.remoteconfig";

    /** Shortest wait for the configured components. */
    int ACTIVATION_TIMEOUT_SECONDS_MIN = 2;
    /** Longest wait for the configured components. */
    int ACTIVATION_TIMEOUT_SECONDS_MAX = 3600;

    @AttributeDefinition(name = "%remoteconfig.activationTimeoutSeconds.name", description = "%remoteconfig.activationTimeoutSeconds.description",
            min = "" + ACTIVATION_TIMEOUT_SECONDS_MIN, max = "" + ACTIVATION_TIMEOUT_SECONDS_MAX)
    int activationTimeoutSeconds() default 60;

    @AttributeDefinition(name = "%remoteconfig.protectedPids.name", description = "%remoteconfig.protectedPids.description", cardinality = 64,
            required = false)
    String[] protectedPids() default {"cn.taihang.gateway", "cn.taihang.updater"};
}
