package cn.taihang.identity;

import cn.taihang.wire.Topics;
import java.util.Objects;

/**
 * Who a certificate names, before or without a certificate: the kind, the id and, for gateways, the site.
 * Validated on construction with the wire format's id rules ({@link Topics#isValidId}, {@link Topics#isValidSite}),
 * so every name that can be certified can also appear in a topic.
 *
 * @param kind the kind of holder
 * @param id the gateway id, bridge instance id or broker id (the certificate's CN and the MQTT user name)
 * @param site the gateway's site id; {@code null} for every other kind
 */
public record IdentityName(Kind kind, String id, String site) {

    /** Prefix of every identity URI. */
    public static final String URI_PREFIX = "urn:taihang:";

    /** @throws IllegalArgumentException naming the field that breaks the rules */
    public IdentityName {
        Objects.requireNonNull(kind, "kind");
        if (!Topics.isValidId(id)) {
            throw new IllegalArgumentException(kind.label() + " id must be 1-64 of [a-z0-9-] starting with a letter or digit, was " + id);
        }
        if (kind == Kind.GATEWAY) {
            if (!Topics.isValidSite(site)) {
                throw new IllegalArgumentException("site id must be 1-64 of [a-z0-9-], not 'bridge' or 'fleet', was " + site);
            }
        } else if (site != null) {
            throw new IllegalArgumentException("only gateways have a site; a " + kind.label() + " was given site " + site);
        }
    }

    /** @return the name of a gateway at a site */
    public static IdentityName gateway(String gatewayId, String site) {
        return new IdentityName(Kind.GATEWAY, gatewayId, site);
    }

    /** @return the name of a cloud bridge instance */
    public static IdentityName bridge(String instanceId) {
        return new IdentityName(Kind.BRIDGE, instanceId, null);
    }

    /** @return the name of an external MQTT broker */
    public static IdentityName broker(String brokerId) {
        return new IdentityName(Kind.BROKER, brokerId, null);
    }

    /**
     * @return the identity URI carried as the certificate's subject alternative name:
     *     {@code urn:taihang:gateway:<site>:<id>}, {@code urn:taihang:bridge:<id>} or {@code urn:taihang:broker:<id>}
     */
    public String uri() {
        return kind == Kind.GATEWAY ? URI_PREFIX + "gateway:" + site + ":" + id : URI_PREFIX + kind.label() + ":" + id;
    }

    /**
     * @param uri an identity URI as made by {@link #uri()}
     * @return the name it carries
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static IdentityName fromUri(String uri) {
        if (uri == null || !uri.startsWith(URI_PREFIX)) {
            throw new IllegalArgumentException("identity URI must start with " + URI_PREFIX + ", was " + uri);
        }
        String[] parts = uri.substring(URI_PREFIX.length()).split(":", -1);
        Kind kind = Kind.fromLabel(parts[0]);
        int expected = kind == Kind.GATEWAY ? 3 : 2;
        if (parts.length != expected) {
            throw new IllegalArgumentException("identity URI of a " + kind.label() + " must be "
                    + (kind == Kind.GATEWAY ? URI_PREFIX + "gateway:<site>:<id>" : URI_PREFIX + kind.label() + ":<id>") + ", was " + uri);
        }
        return kind == Kind.GATEWAY ? gateway(parts[2], parts[1]) : new IdentityName(kind, parts[1], null);
    }

    /** @return e.g. {@code gateway gw-1 at site post-3} or {@code bridge bridge-1} */
    @Override
    public String toString() {
        return kind == Kind.GATEWAY ? "gateway " + id + " at site " + site : kind.label() + " " + id;
    }
}
