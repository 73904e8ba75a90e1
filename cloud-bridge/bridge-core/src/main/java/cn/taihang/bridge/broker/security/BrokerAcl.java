package cn.taihang.bridge.broker.security;

import cn.taihang.identity.Identity;
import cn.taihang.identity.Kind;
import cn.taihang.wire.Topics;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Who may publish and subscribe to what on MQTT (DESIGN §10, issue 12), in one table that the embedded broker enforces
 * ({@link #mayPublish}, {@link #maySubscribe}) and the mosquitto ACL file is generated from ({@link #rules()}).
 *
 * <pre>
 * gateway {g} of site {s}  publish    taihang/v1/{s}/{g}/birth, …/death, …/data
 *                          subscribe  taihang/v1/{s}/{g}/ack, taihang/v1/{s}/{g}/cmd/+, taihang/v1/fleet/cmd/+, taihang/v1/bridge/#
 * bridge instance          publish    taihang/v1/+/+/ack, taihang/v1/+/+/cmd/+, taihang/v1/fleet/cmd/+, taihang/v1/bridge/#
 *                          subscribe  taihang/v1/+/+/birth, …/death, …/data (also as $share/{group}/…)
 * anyone else              nothing; nobody #
 * </pre>
 *
 * A subscription is allowed when every topic it can match is allowed (so {@code taihang/v1/fleet/cmd/ticket-keyring}
 * is, {@code taihang/v1/#} is not). Pure logic, thread-safe.
 */
public final class BrokerAcl {

    /** What a rule allows. */
    public enum Access { PUBLISH, SUBSCRIBE }

    /**
     * One line of the table.
     *
     * @param kind whose rule it is
     * @param access publish or subscribe
     * @param filter an MQTT topic filter; for gateways {@value #SITE} and {@value #GATEWAY} stand for the holder's own
     */
    public record Rule(Kind kind, Access access, String filter) {}

    /** Placeholder of a gateway's own site in {@link Rule#filter()}. */
    public static final String SITE = "{site}";
    /** Placeholder of a gateway's own id in {@link Rule#filter()}. */
    public static final String GATEWAY = "{gateway}";

    private static final String OWN = Topics.ROOT + "/" + SITE + "/" + GATEWAY + "/";
    private static final String ANY_GATEWAY = Topics.ROOT + "/+/+/";
    private static final String BRIDGE_TREE = Topics.ROOT + "/bridge/#";
    private static final Pattern SHARE = Pattern.compile("\\$share/[^/+#]+/(.+)");

    private static final List<Rule> RULES = List.of(
            new Rule(Kind.GATEWAY, Access.PUBLISH, OWN + "birth"),
            new Rule(Kind.GATEWAY, Access.PUBLISH, OWN + "death"),
            new Rule(Kind.GATEWAY, Access.PUBLISH, OWN + "data"),
            new Rule(Kind.GATEWAY, Access.SUBSCRIBE, OWN + "ack"),
            new Rule(Kind.GATEWAY, Access.SUBSCRIBE, OWN + "cmd/+"),
            new Rule(Kind.GATEWAY, Access.SUBSCRIBE, Topics.fleetCommandFilter()),
            new Rule(Kind.GATEWAY, Access.SUBSCRIBE, BRIDGE_TREE),
            new Rule(Kind.BRIDGE, Access.PUBLISH, ANY_GATEWAY + "ack"),
            new Rule(Kind.BRIDGE, Access.PUBLISH, ANY_GATEWAY + "cmd/+"),
            new Rule(Kind.BRIDGE, Access.PUBLISH, Topics.fleetCommandFilter()),
            new Rule(Kind.BRIDGE, Access.PUBLISH, BRIDGE_TREE),
            new Rule(Kind.BRIDGE, Access.SUBSCRIBE, Topics.allGateways(Topics.Kind.BIRTH)),
            new Rule(Kind.BRIDGE, Access.SUBSCRIBE, Topics.allGateways(Topics.Kind.DEATH)),
            new Rule(Kind.BRIDGE, Access.SUBSCRIBE, Topics.allGateways(Topics.Kind.DATA)));

    /** @return the table, in the order above */
    public List<Rule> rules() {
        return RULES;
    }

    /**
     * @param who the authenticated identity
     * @param topic the topic of a PUBLISH (or of a will)
     * @return whether {@code who} may publish there; never for a topic with wildcards
     */
    public boolean mayPublish(Identity who, String topic) {
        return validLevels(topic) && !topic.contains("+") && !topic.contains("#") && allowed(who, Access.PUBLISH, topic);
    }

    /**
     * @param who the authenticated identity
     * @param filter the topic filter of a SUBSCRIBE; bridges may prefix {@code $share/<group>/}
     * @return whether {@code who} may subscribe to it
     */
    public boolean maySubscribe(Identity who, String filter) {
        String plain = filter;
        var shared = SHARE.matcher(filter);
        if (who.kind() == Kind.BRIDGE && shared.matches()) {
            plain = shared.group(1);
        }
        return validLevels(plain) && allowed(who, Access.SUBSCRIBE, plain);
    }

    private static boolean allowed(Identity who, Access access, String filter) {
        for (Rule rule : RULES) {
            if (rule.kind() == who.kind() && rule.access() == access && covers(expand(rule.filter(), who), filter)) {
                return true;
            }
        }
        return false;
    }

    private static String expand(String filter, Identity who) {
        return who.kind() == Kind.GATEWAY ? filter.replace(SITE, who.site()).replace(GATEWAY, who.id()) : filter;
    }

    /** @return whether every topic {@code inner} matches is matched by {@code outer} (both MQTT filters) */
    static boolean covers(String outer, String inner) {
        String[] o = outer.split("/", -1);
        String[] i = inner.split("/", -1);
        for (int level = 0; level < o.length; level++) {
            if (o[level].equals("#")) {
                return true;
            }
            if (level >= i.length || i[level].equals("#")) {
                return false;
            }
            if (!o[level].equals("+") && !o[level].equals(i[level])) {
                return false;
            }
        }
        return o.length == i.length;
    }

    /** A filter's wildcards stand alone in their level and {@code #} is last; no empty topic, no {@code $} topics. */
    private static boolean validLevels(String filter) {
        if (filter == null || filter.isEmpty() || filter.startsWith("$")) {
            return false;
        }
        String[] levels = filter.split("/", -1);
        for (int level = 0; level < levels.length; level++) {
            String l = levels[level];
            if ((l.contains("+") || l.contains("#")) && l.length() != 1) {
                return false;
            }
            if (l.equals("#") && level != levels.length - 1) {
                return false;
            }
        }
        return true;
    }
}
