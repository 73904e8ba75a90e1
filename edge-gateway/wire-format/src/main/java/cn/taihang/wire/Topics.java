package cn.taihang.wire;

import java.util.regex.Pattern;

/**
 * The MQTT topic namespace, version 1.
 *
 * <pre>
 * taihang/v1/{site}/{gateway}/birth      gateway → bridge  QoS 1  birth, on every connect
 * taihang/v1/{site}/{gateway}/death      gateway → bridge  QoS 1  death, also the MQTT will
 * taihang/v1/{site}/{gateway}/data       gateway → bridge  QoS 1  batches of records
 * taihang/v1/{site}/{gateway}/ack        bridge → gateway  QoS 1  sequence numbers recorded
 * taihang/v1/{site}/{gateway}/cmd/{name} bridge → gateway  QoS 1  commands (rebirth, config, …)
 * taihang/v1/bridge/state/{instance}     bridge instance   QoS 1  retained: that instance online/offline (its will: offline)
 * taihang/v1/bridge/state                bridge            QoS 1  retained: legacy single-bridge state, still understood
 * taihang/v1/fleet/cmd/{name}            bridge → all      QoS 1  commands to every gateway (key ring, deny list)
 * </pre>
 *
 * Site and gateway ids are 1–64 characters of lower-case letters, digits and {@code -}; the site ids
 * {@code bridge} and {@code fleet} are reserved. Commands that carry state (a key ring, a sign's
 * content) are published retained, so a gateway that was offline gets the latest on reconnect.
 */
public final class Topics {

    /** Root of the namespace, including the version. */
    public static final String ROOT = "taihang/v1";
    /**
     * Legacy retained state of a single bridge (bridges before per-instance state); gateways still take it as the state
     * of one instance.
     */
    public static final String BRIDGE_STATE = ROOT + "/bridge/state";
    /** Prefix of the retained state of each bridge instance; gateways hold their drain only while every instance is offline. */
    public static final String BRIDGE_INSTANCE_STATE_PREFIX = BRIDGE_STATE + "/";
    /** Prefix of the commands addressed to every gateway. */
    public static final String FLEET_COMMAND_PREFIX = ROOT + "/fleet/cmd/";

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    /** What a gateway topic carries. */
    public enum Kind { BIRTH, DEATH, DATA, ACK, CMD }

    /**
     * A parsed gateway topic.
     *
     * @param site site id
     * @param gateway gateway id
     * @param kind what it carries
     * @param command command name for {@link Kind#CMD}, otherwise {@code null}
     */
    public record Address(String site, String gateway, Kind kind, String command) {}

    private Topics() {
    }

    /** @return the birth topic of a gateway */
    public static String birth(String site, String gateway) {
        return gatewayTopic(site, gateway, "birth");
    }

    /** @return the death topic of a gateway */
    public static String death(String site, String gateway) {
        return gatewayTopic(site, gateway, "death");
    }

    /** @return the data topic of a gateway */
    public static String data(String site, String gateway) {
        return gatewayTopic(site, gateway, "data");
    }

    /** @return the acknowledgement topic of a gateway */
    public static String ack(String site, String gateway) {
        return gatewayTopic(site, gateway, "ack");
    }

    /** @return the topic of one command to a gateway */
    public static String command(String site, String gateway, String name) {
        requireId("command", name);
        return gatewayTopic(site, gateway, "cmd/" + name);
    }

    /** @return the topic of a command to every gateway */
    public static String fleetCommand(String name) {
        requireId("command", name);
        return FLEET_COMMAND_PREFIX + name;
    }

    /** @return the filter matching every command to every gateway */
    public static String fleetCommandFilter() {
        return FLEET_COMMAND_PREFIX + "+";
    }

    /** @return the retained state topic of one bridge instance */
    public static String bridgeState(String instance) {
        requireId("bridge instance", instance);
        return BRIDGE_INSTANCE_STATE_PREFIX + instance;
    }

    /** @return the filter matching the state of every bridge instance */
    public static String bridgeStateFilter() {
        return BRIDGE_INSTANCE_STATE_PREFIX + "+";
    }

    /**
     * @param topic a topic received
     * @return the bridge instance whose state it carries, {@code ""} for the legacy {@link #BRIDGE_STATE}, or {@code null}
     *     if it is not a (valid) bridge state topic
     */
    public static String bridgeInstanceOf(String topic) {
        if (BRIDGE_STATE.equals(topic)) {
            return "";
        }
        if (topic == null || !topic.startsWith(BRIDGE_INSTANCE_STATE_PREFIX)) {
            return null;
        }
        String instance = topic.substring(BRIDGE_INSTANCE_STATE_PREFIX.length());
        return isValidId(instance) ? instance : null;
    }

    /** @return the filter matching every command to a gateway */
    public static String commandFilter(String site, String gateway) {
        return gatewayTopic(site, gateway, "cmd/+");
    }

    /** @return the filter matching one kind of topic of every gateway, e.g. {@code taihang/v1/+/+/data} */
    public static String allGateways(Kind kind) {
        return ROOT + "/+/+/" + kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * @param id a site or gateway id
     * @return whether it is valid in the namespace
     */
    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /**
     * @param site a site id
     * @return whether it is valid and not one of the reserved ids {@code bridge} and {@code fleet}
     */
    public static boolean isValidSite(String site) {
        return isValidId(site) && !site.equals("bridge") && !site.equals("fleet");
    }

    /**
     * Parses a gateway topic.
     *
     * @throws WireFormatException {@link WireFormatException.Reason#BAD_TOPIC} if the topic is not one of
     *     the namespace's gateway topics
     */
    public static Address parse(String topic) throws WireFormatException {
        if (topic == null || !topic.startsWith(ROOT + "/")) {
            throw new WireFormatException(WireFormatException.Reason.BAD_TOPIC, "topic outside " + ROOT + ": " + topic);
        }
        String[] parts = topic.substring(ROOT.length() + 1).split("/", -1);
        if (parts.length < 3 || !isValidSite(parts[0]) || !isValidId(parts[1])) {
            throw new WireFormatException(WireFormatException.Reason.BAD_TOPIC, "not a gateway topic: " + topic);
        }
        Kind kind;
        String command = null;
        if (parts.length == 4 && parts[2].equals("cmd") && isValidId(parts[3])) {
            kind = Kind.CMD;
            command = parts[3];
        } else if (parts.length == 3) {
            kind = switch (parts[2]) {
                case "birth" -> Kind.BIRTH;
                case "death" -> Kind.DEATH;
                case "data" -> Kind.DATA;
                case "ack" -> Kind.ACK;
                default -> throw new WireFormatException(WireFormatException.Reason.BAD_TOPIC, "unknown topic kind: " + topic);
            };
        } else {
            throw new WireFormatException(WireFormatException.Reason.BAD_TOPIC, "not a gateway topic: " + topic);
        }
        return new Address(parts[0], parts[1], kind, command);
    }

    private static String gatewayTopic(String site, String gateway, String leaf) {
        if (!isValidSite(site)) {
            throw new IllegalArgumentException("site id must be 1-64 of [a-z0-9-], not 'bridge' or 'fleet', was " + site);
        }
        requireId("gateway", gateway);
        return ROOT + "/" + site + "/" + gateway + "/" + leaf;
    }

    private static void requireId(String what, String id) {
        if (!isValidId(id)) {
            throw new IllegalArgumentException(what + " id must be 1-64 of [a-z0-9-] starting with a letter or digit, was " + id);
        }
    }
}
