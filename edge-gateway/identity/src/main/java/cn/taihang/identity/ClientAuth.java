package cn.taihang.identity;

/** Whether a TLS server asks its clients for a certificate. */
public enum ClientAuth {
    /** Every client must present an accepted certificate; the handshake fails otherwise (the broker). */
    REQUIRED,
    /** A client may present one; without one it is anonymous to the TLS layer (an HTTPS API with bearer tokens). */
    OPTIONAL,
    /** Clients are not asked. */
    NONE
}
