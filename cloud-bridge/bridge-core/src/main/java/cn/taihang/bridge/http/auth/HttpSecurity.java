package cn.taihang.bridge.http.auth;

import cn.taihang.bridge.BridgeOptions;
import cn.taihang.bridge.module.Access;
import cn.taihang.bridge.module.ApiRoutes;
import cn.taihang.identity.ClientAuth;
import cn.taihang.identity.IdentityFiles;
import cn.taihang.identity.TlsContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Collections;
import java.util.Map;

/**
 * What guards the HTTP API: the TLS context of the bridge instance's identity (no client certificates: callers prove
 * who they are with bearer tokens), the token check, and the record of every route's access.
 */
public final class HttpSecurity {

    private final TlsContext tls;
    private final TokenVerifier tokens;
    private final MeterRegistry meters;
    private final Map<String, Access> access = RouteRegistry.newRecord();

    private HttpSecurity(TlsContext tls, TokenVerifier tokens, MeterRegistry meters) {
        this.tls = tls;
        this.tokens = tokens;
        this.meters = meters;
    }

    /**
     * Reads the identity and the token keys (blocking), making the local issuer's key pair on first start.
     *
     * @throws IllegalStateException naming the option to change if the identity or a key cannot be used
     */
    public static HttpSecurity load(Vertx vertx, BridgeOptions options, MeterRegistry meters) {
        TokenOptions trust = options.tokens();
        Path localKey = null;
        try {
            if (trust.localIssuerDir() != null) {
                LocalTokenIssuer.ensureKeys(trust.localIssuerDir());
                localKey = trust.localIssuerDir().resolve(LocalTokenIssuer.VERIFY_KEY);
            }
        } catch (IOException e) {
            throw new IllegalStateException("the local token issuer's key in " + trust.localIssuerDir() + " cannot be used: " + e.getMessage(), e);
        }
        TokenVerifier verifier;
        try {
            verifier = TokenVerifier.create(vertx, trust, localKey, Clock.systemUTC());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the token keys cannot be read (--token-keys): " + e.getMessage(), e);
        }
        TlsContext tls = null;
        if (options.identityDir() != null) {
            try {
                tls = TlsContext.server(IdentityFiles.in(options.identityDir())).clientAuth(ClientAuth.NONE).build();
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("the bridge identity in " + options.identityDir() + " cannot serve HTTPS (--identity): " + e.getMessage(), e);
            }
        }
        return new HttpSecurity(tls, verifier, meters);
    }

    /** @return the HTTPS server context, or {@code null} without an identity (no HTTP API) */
    public TlsContext tls() {
        return tls;
    }

    /**
     * @param prefix where the router is mounted ({@code ""} for the root)
     * @return route registration on {@code router} with the access check in front
     */
    public ApiRoutes routes(Router router, String prefix) {
        return new RouteRegistry(router, prefix, tokens, meters, access);
    }

    /** @return every registered route's access, by {@code "GET /path/{param}"} (a live view) */
    public Map<String, Access> access() {
        return Collections.unmodifiableMap(access);
    }
}
