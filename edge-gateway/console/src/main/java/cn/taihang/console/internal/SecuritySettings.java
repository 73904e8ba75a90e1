package cn.taihang.console.internal;

import java.util.Map;
import java.util.Set;

/**
 * The configuration only admins change because changing it weakens the gateway's security or safety; technicians see it
 * read-only. Whole PIDs: who the gateway is ({@code cn.taihang.gateway}), its uplink and its credentials
 * ({@code cn.taihang.cloudlink}), the console itself, and the CoAP server ({@code cn.taihang.coap}: the plain-CoAP port,
 * DTLS cipher suites, the sensor-key sealing file, rate limits). Single settings of otherwise technician-editable PIDs:
 * <ul>
 *   <li>gates ({@code cn.taihang.validator.gate}): the clock skew tickets are allowed ({@code clockSkewSeconds}), the
 *       anti-passback window ({@code passbackSeconds}, 0 lets one ticket through twice), whether refused scans reach
 *       the bridge ({@code publishRejections}: off hides forged tickets);</li>
 *   <li>key lockers ({@code cn.taihang.validator.locker}): {@code clockSkewSeconds}, {@code publishRejections};</li>
 *   <li>observed CoAP sensors ({@code cn.taihang.coap.observe}): the {@code uri} (a {@code coap://} one is plain) and
 *       the PSK {@code identity};</li>
 *   <li>signs ({@code cn.taihang.sign}): which alarms raise a local safety warning ({@code safetyKinds}) and at what
 *       priority ({@code safetyPriority}: lower lets central messages cover fog and ice warnings);</li>
 *   <li>the redemption ledger ({@code cn.taihang.ledger}): its {@code file} (a new file forgets every redemption, so
 *       used tickets pass again).</li>
 * </ul>
 */
final class SecuritySettings {

    private static final Set<String> ADMIN_ONLY_PIDS = Set.of("cn.taihang.gateway", "cn.taihang.cloudlink", ConsoleConfig.PID, "cn.taihang.coap");
    private static final Map<String, Set<String>> ADMIN_ONLY_ATTRIBUTES = Map.of(
            "cn.taihang.validator.gate", Set.of("clockSkewSeconds", "passbackSeconds", "publishRejections"),
            "cn.taihang.validator.locker", Set.of("clockSkewSeconds", "publishRejections"),
            "cn.taihang.coap.observe", Set.of("uri", "identity"),
            "cn.taihang.sign", Set.of("safetyKinds", "safetyPriority"),
            "cn.taihang.ledger", Set.of("file"));

    private SecuritySettings() {
    }

    /** @param pid a PID or factory PID @return whether only admins change any of it */
    static boolean adminOnly(String pid) {
        return ADMIN_ONLY_PIDS.contains(pid);
    }

    /** @param pid a PID or factory PID @return the settings of it only admins change (all of an admin-only PID are, too) */
    static Set<String> adminOnlySettings(String pid) {
        return ADMIN_ONLY_ATTRIBUTES.getOrDefault(pid, Set.of());
    }
}
