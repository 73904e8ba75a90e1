package cn.taihang.bridge.broker;

import cn.taihang.bridge.broker.security.BrokerAcl;
import cn.taihang.identity.IdentityFiles;
import cn.taihang.identity.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes a {@code mosquitto.conf} and its ACL file for an external mosquitto (2.x) locked down as the embedded broker
 * is: one TLS listener, client certificates required and checked against the city CA and its CRL, the certificate's CN
 * (= the holder's id) as the user name ({@code use_identity_as_username}), no anonymous clients, and the
 * {@link BrokerAcl} table — gateways by {@code pattern} lines on {@code %u}, each bridge instance in its {@code user}
 * block. mosquitto cannot check a topic's site segment by pattern; the bridge does, from the certificate chain each
 * birth carries.
 *
 * <p>Session queues are bounded ({@value #MAX_QUEUED_MESSAGES} messages and {@value #MAX_QUEUED_BYTES} bytes per client,
 * {@code max_queued_messages}, {@code max_queued_bytes}): with clean sessions only, what queues is for a connected client that
 * is slower than its senders — above all a bridge instance's data subscription. A QoS 1 batch dropped beyond the bound is
 * harmless: its gateway keeps the records until the bridge acknowledges them and resends after its ack timeout. What a
 * gateway may have unacknowledged is bounded too (its {@code inflightRecords}), so the bound is reached only by a bridge far
 * behind a large city. {@code extraLines} may set them otherwise (a later line wins).
 *
 * @param bindAddress the address to listen on, e.g. {@code 0.0.0.0}
 * @param port the TLS port, e.g. 8883
 * @param broker the broker's identity (kind broker, or a bridge instance's): {@code cafile}, {@code certfile},
 *     {@code keyfile} and {@code crlfile}
 * @param bridgeIds the bridge instances' ids, each given its {@code user} block
 * @param extraLines appended to {@code mosquitto.conf} as they are (e.g. {@code persistence true}, {@code log_dest …})
 */
public record MosquittoConf(String bindAddress, int port, IdentityFiles broker, List<String> bridgeIds, List<String> extraLines) {

    /** File name of the configuration. */
    public static final String CONF = "mosquitto.conf";
    /** File name of the ACL file. */
    public static final String ACL = "acl";
    /** Most messages queued for one client. */
    public static final int MAX_QUEUED_MESSAGES = 20_000;
    /** Most bytes queued for one client (256 MiB). */
    public static final long MAX_QUEUED_BYTES = 268_435_456L;

    /** Validates. @throws IllegalArgumentException on a port outside 1-65535, no bridge id, or a broker without a CRL file */
    public MosquittoConf {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(broker, "broker");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1-65535, was " + port);
        }
        if (bridgeIds == null || bridgeIds.isEmpty()) {
            throw new IllegalArgumentException("name at least one bridge instance (--bridge ID): only bridges may read what gateways send");
        }
        if (broker.crl().isEmpty()) {
            throw new IllegalArgumentException("the broker's identity has no CRL file: revoked certificates would be let in");
        }
        bridgeIds = List.copyOf(bridgeIds);
        extraLines = extraLines == null ? List.of() : List.copyOf(extraLines);
    }

    /**
     * Writes {@value #CONF} and {@value #ACL} into a directory (created if missing).
     *
     * @return the configuration file, for {@code mosquitto -c}
     */
    public Path writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path acl = dir.resolve(ACL).toAbsolutePath();
        Files.writeString(acl, String.join("\n", aclLines()) + "\n");
        Path conf = dir.resolve(CONF).toAbsolutePath();
        Files.writeString(conf, String.join("\n", confLines(acl)) + "\n");
        return conf;
    }

    /** @return the lines of {@code mosquitto.conf}, naming this ACL file */
    public List<String> confLines(Path aclFile) {
        List<String> lines = new ArrayList<>(List.of(
                "# Taihang Edge: MQTT broker for the city's gateways and bridges (generated; regenerate rather than edit)",
                "# TLS only, client certificates of the city CA required, the certificate's CN is the user name.",
                "per_listener_settings false",
                "allow_anonymous false",
                "acl_file " + aclFile,
                "",
                "listener " + port + " " + bindAddress,
                "protocol mqtt",
                "tls_version tlsv1.2",
                "cafile " + broker.caCertificates().toAbsolutePath(),
                "certfile " + broker.certificate().toAbsolutePath(),
                "keyfile " + broker.key().toAbsolutePath(),
                "crlfile " + broker.crl().orElseThrow().toAbsolutePath(),
                "require_certificate true",
                "use_identity_as_username true",
                "",
                "# bounded session queues: a QoS 1 batch dropped beyond them is resent by its gateway after its ack timeout",
                "max_queued_messages " + MAX_QUEUED_MESSAGES,
                "max_queued_bytes " + MAX_QUEUED_BYTES));
        if (!extraLines.isEmpty()) {
            lines.add("");
            lines.addAll(extraLines);
        }
        return lines;
    }

    /** @return the lines of the ACL file */
    public List<String> aclLines() {
        List<String> lines = new ArrayList<>();
        lines.add("# Taihang Edge MQTT ACL (generated from cn.taihang.bridge.broker.security.BrokerAcl). %u is the certificate's CN.");
        lines.add("# Gateways: their own birth, death and data; their own acks and commands, the fleet's commands, the bridge state.");
        lines.add("# mosquitto cannot check the site segment (+): the bridge refuses a site other than the certificate's.");
        BrokerAcl table = new BrokerAcl();
        for (BrokerAcl.Rule rule : table.rules()) {
            if (rule.kind() == Kind.GATEWAY) {
                lines.add("pattern " + access(rule) + " " + rule.filter().replace(BrokerAcl.SITE, "+").replace(BrokerAcl.GATEWAY, "%u"));
            }
        }
        for (String bridge : bridgeIds) {
            lines.add("");
            lines.add("# bridge instance " + bridge);
            lines.add("user " + bridge);
            for (BrokerAcl.Rule rule : table.rules()) {
                if (rule.kind() == Kind.BRIDGE) {
                    lines.add("topic " + access(rule) + " " + rule.filter());
                }
            }
        }
        return lines;
    }

    private static String access(BrokerAcl.Rule rule) {
        return rule.access() == BrokerAcl.Access.PUBLISH ? "write" : "read";
    }
}
