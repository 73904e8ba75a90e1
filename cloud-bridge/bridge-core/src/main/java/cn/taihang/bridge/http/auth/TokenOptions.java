package cn.taihang.bridge.http.auth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Which bearer tokens the HTTP API believes: signed by one of the trusted keys, issued by {@code issuer} for
 * {@code audience}, unexpired (with {@code leeway} of clock skew either way). The keys are a JWKS file
 * ({@code {"keys": [...]}}, each key with its {@code alg}) or PEM files of public keys (EC P-256/384/521 → ES256/384/512,
 * RSA → RS256) of an external identity provider, and/or the bridge's own local issuer
 * ({@link LocalTokenIssuer}: {@code token-signing.pem}, owner-only, in {@code localIssuerDir}) that the
 * {@code token} command mints with for the demo and tests.
 *
 * @param issuer the {@code iss} every token must carry
 * @param audience one of the token's {@code aud} values must be this
 * @param trustedKeys JWKS or PEM files of an external provider's public keys; may be empty
 * @param localIssuerDir the local issuer's secrets directory (its key pair is made there on first start), or
 *     {@code null} to trust only {@code trustedKeys}
 * @param leeway clock skew allowed on {@code exp}, {@code nbf} and {@code iat}, 0-{@value #MAX_LEEWAY_SECONDS} s
 */
public record TokenOptions(String issuer, String audience, List<Path> trustedKeys, Path localIssuerDir, Duration leeway) {

    /** The local issuer's {@code iss}. */
    public static final String LOCAL_ISSUER = "urn:taihang:bridge";
    /** The API's {@code aud}. */
    public static final String DEFAULT_AUDIENCE = "taihang-bridge-api";
    /** Default clock skew, seconds. */
    public static final int DEFAULT_LEEWAY_SECONDS = 30;
    /** Largest clock skew allowed, seconds. */
    public static final int MAX_LEEWAY_SECONDS = 300;

    /** Validates at the boundary. @throws IllegalArgumentException naming what to change */
    public TokenOptions {
        if (issuer == null || issuer.isBlank() || audience == null || audience.isBlank()) {
            throw new IllegalArgumentException("token issuer and audience must be given (--token-issuer, --token-audience)");
        }
        trustedKeys = List.copyOf(trustedKeys);
        if (trustedKeys.isEmpty() && localIssuerDir == null) {
            throw new IllegalArgumentException("no key to check tokens with: give --token-keys FILE (JWKS or PEM) or use the local issuer");
        }
        Objects.requireNonNull(leeway, "leeway");
        if (leeway.isNegative() || leeway.toSeconds() > MAX_LEEWAY_SECONDS) {
            throw new IllegalArgumentException("token clock skew must be 0-" + MAX_LEEWAY_SECONDS + " s, was " + leeway.toSeconds() + " s");
        }
    }

    /** @return tokens of the bridge's own local issuer, whose key pair lives in {@code secretsDir} */
    public static TokenOptions local(Path secretsDir) {
        return new TokenOptions(LOCAL_ISSUER, DEFAULT_AUDIENCE, List.of(), Objects.requireNonNull(secretsDir, "secretsDir"),
                Duration.ofSeconds(DEFAULT_LEEWAY_SECONDS));
    }

    /** @return tokens of an external identity provider with these keys, issuer and audience (no local issuer) */
    public static TokenOptions external(String issuer, String audience, List<Path> keys) {
        return new TokenOptions(issuer, audience, keys, null, Duration.ofSeconds(DEFAULT_LEEWAY_SECONDS));
    }

    /** @return a copy with another clock skew */
    public TokenOptions withLeeway(Duration skew) {
        return new TokenOptions(issuer, audience, trustedKeys, localIssuerDir, skew);
    }
}
