package cn.taihang.identity;

import java.util.Locale;

/** What kind of holder a certificate names; the label is the second field of the identity URI. */
public enum Kind {
    /** A roadside or hub gateway: a TLS client of the broker, at one site. */
    GATEWAY,
    /** A cloud bridge instance: a TLS client of the broker and the server of the embedded broker and the HTTP API. */
    BRIDGE,
    /** An external MQTT broker (e.g. mosquitto): a TLS server only. */
    BROKER;

    /** @return the label used in identity URIs, e.g. {@code gateway} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param label a label as in identity URIs
     * @return the kind
     * @throws IllegalArgumentException if no kind has that label
     */
    public static Kind fromLabel(String label) {
        for (Kind kind : values()) {
            if (kind.label().equals(label)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown identity kind '" + label + "' (expected gateway, bridge or broker)");
    }
}
