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

    @AttributeDefinition(name = "HTTPS port / HTTPS 端口", min = "1", max = "65535",
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

    @AttributeDefinition(name = "Session idle timeout (min) / 闲置超时（分钟）", min = "1", max = "240")
    int sessionIdleMinutes() default 15;

    @AttributeDefinition(name = "Longest session (h) / 会话最长（小时）", min = "1", max = "24")
    int sessionMaxHours() default 8;

    @AttributeDefinition(name = "Wrong passwords before lockout / 锁定前错误次数", min = "1", max = "20")
    int maxFailedLogins() default 5;

    @AttributeDefinition(name = "Lockout (min) / 锁定时长（分钟）", min = "1", max = "1440")
    int lockoutMinutes() default 15;

    @AttributeDefinition(name = "Login attempts per minute and address / 每地址每分钟登录次数", min = "1", max = "600")
    int loginAttemptsPerMinute() default 10;

    @AttributeDefinition(name = "Relay test pins / 可测试继电器引脚", required = false,
            description = "GPIO numbers the diagnostics page may pulse as outputs (relays wired for testing); empty = none")
    int[] relayPins() default {};

    @AttributeDefinition(name = "Relay pulse (ms) / 继电器脉冲（毫秒）", min = "50", max = "10000")
    int relayPulseMillis() default 500;

    @AttributeDefinition(name = "Log file / 日志文件", required = false,
            description = "Gateway log shown on the logs page; empty = ${taihang.log.dir}/gateway.log")
    String logFile() default "";

    @AttributeDefinition(name = "Server threads / 服务线程", min = "4", max = "200")
    int serverThreads() default 12;
}
