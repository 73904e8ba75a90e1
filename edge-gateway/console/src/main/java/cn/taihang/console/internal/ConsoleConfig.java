package cn.taihang.console.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The maintenance console (PID {@code cn.taihang.console}). The defaults live here and only here. */
@ObjectClassDefinition(id = ConsoleConfig.PID, name = "维护控制台 / Maintenance console",
        description = "HTTPS pages for maintenance crews, with local accounts. The console runs only when this PID is configured.")
@interface ConsoleConfig {

    /** The configuration PID. */
    String PID = "cn.taihang.console";

    /** Lowest HTTPS port. */
    int HTTPS_PORT_MIN = 1;
    /** Highest HTTPS port. */
    int HTTPS_PORT_MAX = 65_535;

    @AttributeDefinition(name = "HTTPS port / HTTPS 端口", min = "" + HTTPS_PORT_MIN, max = "" + HTTPS_PORT_MAX,
            description = "Port of the console (https://<gateway>:<port>/). Pass the same URL to the launcher with --console-url so the bridge lists it.")
    int httpsPort() default 8443;

    @AttributeDefinition(name = "Listen address / 监听地址",
            description = "IP address to listen on: 0.0.0.0 = every interface (LAN and Wi-Fi), 127.0.0.1 = this machine only")
    String bindAddress() default "0.0.0.0";

    @AttributeDefinition(name = "Certificate host names / 证书主机名", required = false,
            description = "Extra DNS names and IP addresses the console's certificate covers, e.g. 192.168.4.1; a change makes a new certificate")
    String[] certificateHosts() default {};

    @AttributeDefinition(name = "First admin's name / 首个管理员", description = "Name of the admin created from the password hash below")
    String initialAdminUser() default "admin";

    @AttributeDefinition(name = "First admin's password hash / 首个管理员密码哈希", type = AttributeType.PASSWORD, required = false,
            description = "bcrypt hash (e.g. from htpasswd -nbBC 10 admin PASSWORD), used once while there are no accounts."
                    + " Without it the log shows a one-time setup code.")
    String _initialAdminPasswordHash() default "";

    /** Shortest idle timeout, minutes. */
    int SESSION_IDLE_MINUTES_MIN = 1;
    /** Longest idle timeout, minutes. */
    int SESSION_IDLE_MINUTES_MAX = 240;

    @AttributeDefinition(name = "Session idle timeout (min) / 闲置超时（分钟）", min = "" + SESSION_IDLE_MINUTES_MIN, max = "" + SESSION_IDLE_MINUTES_MAX)
    int sessionIdleMinutes() default 15;

    /** Shortest session, hours. */
    int SESSION_MAX_HOURS_MIN = 1;
    /** Longest session, hours. */
    int SESSION_MAX_HOURS_MAX = 24;

    @AttributeDefinition(name = "Longest session (h) / 会话最长（小时）", min = "" + SESSION_MAX_HOURS_MIN, max = "" + SESSION_MAX_HOURS_MAX)
    int sessionMaxHours() default 8;

    /** Fewest wrong passwords before a lockout. */
    int MAX_FAILED_LOGINS_MIN = 1;
    /** Most wrong passwords before a lockout. */
    int MAX_FAILED_LOGINS_MAX = 20;

    @AttributeDefinition(name = "Wrong passwords before lockout / 锁定前错误次数", min = "" + MAX_FAILED_LOGINS_MIN, max = "" + MAX_FAILED_LOGINS_MAX)
    int maxFailedLogins() default 5;

    /** Shortest lockout, minutes. */
    int LOCKOUT_MINUTES_MIN = 1;
    /** Longest lockout, minutes. */
    int LOCKOUT_MINUTES_MAX = 1440;

    @AttributeDefinition(name = "Lockout (min) / 锁定时长（分钟）", min = "" + LOCKOUT_MINUTES_MIN, max = "" + LOCKOUT_MINUTES_MAX)
    int lockoutMinutes() default 15;

    /** Lowest login rate per address, per minute. */
    int LOGIN_ATTEMPTS_PER_MINUTE_MIN = 1;
    /** Highest login rate per address, per minute. */
    int LOGIN_ATTEMPTS_PER_MINUTE_MAX = 600;

    @AttributeDefinition(name = "Login attempts per minute and address / 每地址每分钟登录次数", min = "" + LOGIN_ATTEMPTS_PER_MINUTE_MIN, max = "" + LOGIN_ATTEMPTS_PER_MINUTE_MAX)
    int loginAttemptsPerMinute() default 10;

    @AttributeDefinition(name = "Relay test pins / 可测试继电器引脚", required = false,
            description = "GPIO numbers the diagnostics page may pulse as outputs (relays wired for testing); empty = none")
    int[] relayPins() default {};

    /** Shortest diagnostic relay pulse, ms. */
    int RELAY_PULSE_MILLIS_MIN = 50;
    /** Longest diagnostic relay pulse, ms. */
    int RELAY_PULSE_MILLIS_MAX = 10_000;

    @AttributeDefinition(name = "Relay pulse (ms) / 继电器脉冲（毫秒）", min = "" + RELAY_PULSE_MILLIS_MIN, max = "" + RELAY_PULSE_MILLIS_MAX)
    int relayPulseMillis() default 500;

    @AttributeDefinition(name = "Log file / 日志文件", required = false,
            description = "Gateway log shown on the logs page; empty = ${taihang.log.dir}/gateway.log")
    String logFile() default "";

    /** Fewest HTTP server threads. */
    int SERVER_THREADS_MIN = 4;
    /** Most HTTP server threads. */
    int SERVER_THREADS_MAX = 200;

    @AttributeDefinition(name = "Server threads / 服务线程", min = "" + SERVER_THREADS_MIN, max = "" + SERVER_THREADS_MAX)
    int serverThreads() default 12;
}
