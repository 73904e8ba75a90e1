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

    /** Lowest HTTPS port. */
    int HTTPS_PORT_MIN = 1;
    /** Highest HTTPS port. */
    int HTTPS_PORT_MAX = 65_535;

    @AttributeDefinition(name = "%httpsPort.name", min = "" + HTTPS_PORT_MIN, max = "" + HTTPS_PORT_MAX, description = "%httpsPort.description")
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

    /** Shortest idle timeout, minutes. */
    int SESSION_IDLE_MINUTES_MIN = 1;
    /** Longest idle timeout, minutes. */
    int SESSION_IDLE_MINUTES_MAX = 240;

    @AttributeDefinition(name = "%sessionIdleMinutes.name", min = "" + SESSION_IDLE_MINUTES_MIN, max = "" + SESSION_IDLE_MINUTES_MAX, description = "%sessionIdleMinutes.description")
    int sessionIdleMinutes() default 15;

    /** Shortest session, hours. */
    int SESSION_MAX_HOURS_MIN = 1;
    /** Longest session, hours. */
    int SESSION_MAX_HOURS_MAX = 24;

    @AttributeDefinition(name = "%sessionMaxHours.name", min = "" + SESSION_MAX_HOURS_MIN, max = "" + SESSION_MAX_HOURS_MAX, description = "%sessionMaxHours.description")
    int sessionMaxHours() default 8;

    /** Fewest wrong passwords before a lockout. */
    int MAX_FAILED_LOGINS_MIN = 1;
    /** Most wrong passwords before a lockout. */
    int MAX_FAILED_LOGINS_MAX = 20;

    @AttributeDefinition(name = "%maxFailedLogins.name", min = "" + MAX_FAILED_LOGINS_MIN, max = "" + MAX_FAILED_LOGINS_MAX, description = "%maxFailedLogins.description")
    int maxFailedLogins() default 5;

    /** Shortest lockout, minutes. */
    int LOCKOUT_MINUTES_MIN = 1;
    /** Longest lockout, minutes. */
    int LOCKOUT_MINUTES_MAX = 1440;

    @AttributeDefinition(name = "%lockoutMinutes.name", min = "" + LOCKOUT_MINUTES_MIN, max = "" + LOCKOUT_MINUTES_MAX, description = "%lockoutMinutes.description")
    int lockoutMinutes() default 15;

    /** Lowest login rate per address, per minute. */
    int LOGIN_ATTEMPTS_PER_MINUTE_MIN = 1;
    /** Highest login rate per address, per minute. */
    int LOGIN_ATTEMPTS_PER_MINUTE_MAX = 600;

    @AttributeDefinition(name = "%loginAttemptsPerMinute.name", min = "" + LOGIN_ATTEMPTS_PER_MINUTE_MIN, max = "" + LOGIN_ATTEMPTS_PER_MINUTE_MAX, description = "%loginAttemptsPerMinute.description")
    int loginAttemptsPerMinute() default 10;

    @AttributeDefinition(name = "%relayPins.name", required = false, description = "%relayPins.description")
    int[] relayPins() default {};

    /** Shortest diagnostic relay pulse, ms. */
    int RELAY_PULSE_MILLIS_MIN = 50;
    /** Longest diagnostic relay pulse, ms. */
    int RELAY_PULSE_MILLIS_MAX = 10_000;

    @AttributeDefinition(name = "%relayPulseMillis.name", min = "" + RELAY_PULSE_MILLIS_MIN, max = "" + RELAY_PULSE_MILLIS_MAX, description = "%relayPulseMillis.description")
    int relayPulseMillis() default 500;

    @AttributeDefinition(name = "%logFile.name", required = false, description = "%logFile.description")
    String logFile() default "";

    /** Fewest HTTP server threads. */
    int SERVER_THREADS_MIN = 4;
    /** Most HTTP server threads. */
    int SERVER_THREADS_MAX = 200;

    @AttributeDefinition(name = "%serverThreads.name", min = "" + SERVER_THREADS_MIN, max = "" + SERVER_THREADS_MAX, description = "%serverThreads.description")
    int serverThreads() default 12;
}
