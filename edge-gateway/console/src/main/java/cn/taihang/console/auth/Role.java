package cn.taihang.console.auth;

import java.util.Locale;

/** What a console account may do; each role includes the ones before it. */
public enum Role {
    /** Sees every page; changes nothing. */
    VIEWER,
    /** Also edits device configuration, pulses relays, reads the audit log. */
    TECHNICIAN,
    /** Also manages accounts and the gateway's own settings (identity, uplink, console). */
    ADMIN;

    /** @return {@code true} if this role may do what {@code needed} may */
    public boolean includes(Role needed) {
        return compareTo(needed) >= 0;
    }

    /**
     * @param text a role name in any case
     * @return the role
     * @throws IllegalArgumentException for anything else, naming the roles
     */
    public static Role parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown role '" + text + "'; use viewer, technician or admin", e);
        }
    }

    /** @return the lower-case name shown to people */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
