package cn.taihang.console.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The maintenance console (PID {@code cn.taihang.console}). The defaults live here and only here; names and descriptions
 * are in {@code OSGI-INF/l10n/bundle*.properties} (English, Chinese), which MetaType picks by the crew's locale.
 */
@ObjectClassDefinition(id = ConsoleConfig.PID, localization = "OSGI-INF/l10n/bundle", name = "%console.name",
        description = "%console.description")
@interface ConsoleConfig {

    /** The configuration PID. */
    String PID = "cn.taihang.console";

    @AttributeDefinition(name = "%httpsPort.name", min = "1", max = "65535", description = "%httpsPort.description")
    int httpsPort() default 8443;

    @AttributeDefinition(name = "%bindAddress.name", description = "%bindAddress.description")
    String bindAddress() default "0.0.0.0";

    @AttributeDefinition(name = "%certificateHosts.name", required = false, description = "%certificateHosts.description")
    String[] certificateHosts() default {};

    @AttributeDefinition(name = "%initialAdminUser.name", description = "%initialAdminUser.description")
    String initialAdminUser() default "admin";

    @AttributeDefinition(name = "%initialAdminPasswordHash.name", type = AttributeType.PASSWORD, required = false,
            description = "%initialAdminPasswordHash.description")
    String _initialAdminPasswordHash() default "";

    @AttributeDefinition(name = "%sessionIdleMinutes.name", min = "1", max = "240", description = "%sessionIdleMinutes.description")
    int sessionIdleMinutes() default 15;

    @AttributeDefinition(name = "%sessionMaxHours.name", min = "1", max = "24", description = "%sessionMaxHours.description")
    int sessionMaxHours() default 8;

    @AttributeDefinition(name = "%maxFailedLogins.name", min = "1", max = "20", description = "%maxFailedLogins.description")
    int maxFailedLogins() default 5;

    @AttributeDefinition(name = "%lockoutMinutes.name", min = "1", max = "1440", description = "%lockoutMinutes.description")
    int lockoutMinutes() default 15;

    @AttributeDefinition(name = "%loginAttemptsPerMinute.name", min = "1", max = "600", description = "%loginAttemptsPerMinute.description")
    int loginAttemptsPerMinute() default 10;

    @AttributeDefinition(name = "%relayPins.name", required = false, description = "%relayPins.description")
    int[] relayPins() default {};

    @AttributeDefinition(name = "%relayPulseMillis.name", min = "50", max = "10000", description = "%relayPulseMillis.description")
    int relayPulseMillis() default 500;

    @AttributeDefinition(name = "%logFile.name", required = false, description = "%logFile.description")
    String logFile() default "";

    @AttributeDefinition(name = "%serverThreads.name", min = "4", max = "200", description = "%serverThreads.description")
    int serverThreads() default 12;
}
